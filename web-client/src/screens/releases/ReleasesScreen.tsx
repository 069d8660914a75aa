// Releases the newcomer gave: teams of the municipality (until revoked) and 14-day links for
// stakeholders (renew, revoke), and the two flows that give a new one under a declaration.
import { useRef, useState } from "preact/hooks";
import { request } from "../../api";
import { type Problem, problemsFrom, ErrorSummary } from "../../components/Form";
import { Page } from "../../components/Page";
import { ConfirmDialog } from "../../components/releases/ConfirmDialog";
import {
  formatDate,
  formatDateTime,
  packageLabel,
  teamKindLabel,
} from "../../components/releases/format";
import {
  LinkShown,
  type NewLink,
  StakeholderReleaseFlow,
} from "../../components/releases/StakeholderReleaseFlow";
import { TeamReleaseFlow } from "../../components/releases/TeamReleaseFlow";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { ReleaseState, Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";

/** One query: the releases, the municipalities, both declarations' languages, section names. */
const ReleasesScreenQuery = graphql(`
  query ReleasesScreen {
    me {
      person {
        id
        teamReleases {
          id
          teamName
          teamKind
          municipalityName
          grantedAt
          revokedAt
          state
        }
        stakeholderReleases {
          id
          package
          recipientEmail
          createdAt
          expiresAt
          revokedAt
          renewals
          state
        }
      }
    }
    municipalities {
      id
      name
    }
    teamDeclarations: consentDocuments(kind: TEAM_RELEASE) {
      id
      language
    }
    stakeholderDeclarations: consentDocuments(kind: STAKEHOLDER_RELEASE) {
      id
      language
    }
    questionnaire(page: "newcomer") {
      section
      label
    }
  }
`);

const RevokeTeamRelease = graphql(`
  mutation RevokeTeamRelease($personId: ID!, $releaseId: ID!) {
    revokeTeamRelease(personId: $personId, releaseId: $releaseId)
  }
`);

const RevokeStakeholderRelease = graphql(`
  mutation RevokeStakeholderRelease($personId: ID!, $releaseId: ID!) {
    revokeStakeholderRelease(personId: $personId, releaseId: $releaseId)
  }
`);

const RenewStakeholderRelease = graphql(`
  mutation RenewStakeholderRelease($personId: ID!, $releaseId: ID!) {
    renewStakeholderRelease(personId: $personId, releaseId: $releaseId)
  }
`);

type Mode =
  { kind: "list" } | { kind: "team" } | { kind: "stakeholder" } | { kind: "link"; link: NewLink };
type Pending = { kind: "team" | "stakeholder"; id: string; name: string };

function StateBadge({ state }: { state: ReleaseState | null | undefined }) {
  if (state === "ACTIVE")
    return <span class="badge badge-active">{t("client.releases.state.active")}</span>;
  if (state === "EXPIRED")
    return <span class="badge badge-ended">{t("client.releases.state.expired")}</span>;
  return <span class="badge badge-ended">{t("client.releases.state.revoked")}</span>;
}

export default function ReleasesScreen() {
  const { language } = useApp();
  const query = useQuery(ReleasesScreenQuery, {});
  const [mode, setMode] = useState<Mode>({ kind: "list" });
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const startButtons = useRef<HTMLDivElement>(null);

  const person = query.data?.me?.person;
  const sectionLabels = new Map<Section, string>(
    (query.data?.questionnaire ?? []).map((s) => [s.section, s.label]),
  );

  function backToList(note = "") {
    setMode({ kind: "list" });
    setMessage(note);
    query.reload();
    // the flow's heading is gone: continue from the start buttons
    requestAnimationFrame(() => startButtons.current?.querySelector("button")?.focus());
  }

  async function confirm() {
    if (!pending || !person?.id) return;
    setBusy(true);
    setProblems([]);
    try {
      if (pending.kind === "team") {
        await request(RevokeTeamRelease, { personId: person.id, releaseId: pending.id });
      } else {
        await request(RevokeStakeholderRelease, { personId: person.id, releaseId: pending.id });
      }
      setMessage(t("client.releases.revoked", { name: pending.name }));
      query.reload();
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  async function renew(id: string, name: string) {
    if (!person?.id) return;
    setProblems([]);
    try {
      const until = (await request(RenewStakeholderRelease, { personId: person.id, releaseId: id }))
        .renewStakeholderRelease;
      setMessage(t("client.releases.renewed", { name, date: formatDateTime(until, language) }));
      query.reload();
    } catch (error) {
      setProblems(problemsFrom(error));
    }
  }

  const teams = person?.teamReleases ?? [];
  const links = person?.stakeholderReleases ?? [];

  return (
    <Page title={t("client.releases.title")}>
      <p>{t("client.releases.intro")}</p>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      {person?.id && query.data && mode.kind === "team" && (
        <TeamReleaseFlow
          personId={person.id}
          language={language}
          municipalities={query.data.municipalities}
          declarations={query.data.teamDeclarations}
          onDone={(name) => backToList(t("client.releases.team_released", { name }))}
          onCancel={() => backToList()}
        />
      )}
      {person?.id && query.data && mode.kind === "stakeholder" && (
        <StakeholderReleaseFlow
          personId={person.id}
          language={language}
          declarations={query.data.stakeholderDeclarations}
          sectionLabels={sectionLabels}
          onDone={(link) => {
            setMessage("");
            setMode({ kind: "link", link });
            query.reload();
          }}
          onCancel={() => backToList()}
        />
      )}
      {mode.kind === "link" && (
        <LinkShown link={mode.link} language={language} onClose={() => backToList()} />
      )}
      {person && mode.kind === "list" && (
        <>
          <div class="button-row start-buttons" ref={startButtons}>
            <button type="button" onClick={() => setMode({ kind: "team" })}>
              {t("client.releases.start_team")}
            </button>
            <button type="button" onClick={() => setMode({ kind: "stakeholder" })}>
              {t("client.releases.start_stakeholder")}
            </button>
          </div>
          <ErrorSummary problems={problems} />

          <h2 id="team-releases">{t("client.releases.teams")}</h2>
          {teams.length === 0 ? (
            <p>{t("client.releases.teams_none")}</p>
          ) : (
            <ul class="card-list" aria-labelledby="team-releases">
              {teams.map((r) => (
                <li key={r.id} class="card">
                  <h3 class="card-title">{r.teamName}</h3>
                  <p class="card-meta">
                    {[teamKindLabel(r.teamKind ?? ""), r.municipalityName]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <p>
                    <StateBadge state={r.state} />{" "}
                    {r.state === "ACTIVE"
                      ? t("client.releases.granted_on", { date: formatDate(r.grantedAt, language) })
                      : t("client.releases.revoked_on", {
                          date: formatDate(r.revokedAt, language),
                        })}
                  </p>
                  {r.state === "ACTIVE" && r.id && (
                    <div class="button-row">
                      <button
                        type="button"
                        class="button-secondary"
                        onClick={() =>
                          setPending({ kind: "team", id: r.id ?? "", name: r.teamName ?? "" })
                        }
                      >
                        {t("client.releases.revoke")}
                        <span class="visually-hidden">: {r.teamName}</span>
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}

          <h2 id="stakeholder-releases">{t("client.releases.links")}</h2>
          {links.length === 0 ? (
            <p>{t("client.releases.links_none")}</p>
          ) : (
            <ul class="card-list" aria-labelledby="stakeholder-releases">
              {links.map((r) => {
                const name = packageLabel(r.package ?? "");
                return (
                  <li key={r.id} class="card">
                    <h3 class="card-title">{name}</h3>
                    {r.recipientEmail && (
                      <p class="card-meta">
                        {t("client.releases.sent_to", { email: r.recipientEmail })}
                      </p>
                    )}
                    <p class="card-meta">
                      {t("client.releases.created_on", { date: formatDate(r.createdAt, language) })}
                    </p>
                    <p>
                      <StateBadge state={r.state} />{" "}
                      {r.state === "ACTIVE" &&
                        t("client.releases.expires_on", {
                          date: formatDateTime(r.expiresAt, language),
                        })}
                      {r.state === "EXPIRED" &&
                        t("client.releases.expired_on", {
                          date: formatDateTime(r.expiresAt, language),
                        })}
                      {r.state === "REVOKED" &&
                        t("client.releases.revoked_on", {
                          date: formatDate(r.revokedAt, language),
                        })}
                    </p>
                    {(r.renewals ?? 0) > 0 && (
                      <p class="card-meta">
                        {t("client.releases.renewals", { count: r.renewals ?? 0 })}
                      </p>
                    )}
                    {r.state !== "REVOKED" && r.id && (
                      <div class="button-row">
                        <button
                          type="button"
                          class="button-secondary"
                          onClick={() => void renew(r.id ?? "", name)}
                        >
                          {t("client.releases.renew")}
                          <span class="visually-hidden">: {name}</span>
                        </button>
                        {r.state === "ACTIVE" && (
                          <button
                            type="button"
                            class="button-secondary"
                            onClick={() =>
                              setPending({ kind: "stakeholder", id: r.id ?? "", name })
                            }
                          >
                            {t("client.releases.revoke")}
                            <span class="visually-hidden">: {name}</span>
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <p class="hint">{t("client.releases.link_not_again")}</p>
        </>
      )}
      <ConfirmDialog
        id="revoke-dialog"
        open={pending !== null}
        title={t("client.releases.revoke_title", { name: pending?.name ?? "" })}
        confirmLabel={t("client.releases.revoke_confirm")}
        cancelLabel={t("client.releases.cancel")}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        <p>
          {pending?.kind === "team"
            ? t("client.releases.revoke_team_text")
            : t("client.releases.revoke_link_text")}
        </p>
      </ConfirmDialog>
    </Page>
  );
}
