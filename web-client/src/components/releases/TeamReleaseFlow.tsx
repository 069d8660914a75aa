// Release to a team of the newcomer's municipality (or a district-wide one): choose the
// municipality and the team, read the declaration in a chosen language, agree, release.
import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, type Problem, problemsFrom } from "../Form";
import { LoadError, Loading } from "../Status";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import {
  ConsentDeclaration,
  type DeclarationChoice,
  defaultDeclaration,
} from "./ConsentDeclaration";
import { teamKindLabel } from "./format";

const ReleaseRecipients = graphql(`
  query ReleaseRecipients($municipalityId: ID!) {
    releaseRecipients(municipalityId: $municipalityId) {
      id
      name
      kind
      carrier
      municipalityId
    }
  }
`);

const ReleaseToTeam = graphql(`
  mutation ReleaseToTeam($personId: ID!, $teamId: ID!, $consentDocumentId: ID!) {
    releaseToTeam(personId: $personId, teamId: $teamId, consentDocumentId: $consentDocumentId)
  }
`);

export function TeamReleaseFlow({
  personId,
  language,
  municipalities,
  declarations,
  onDone,
  onCancel,
}: {
  personId: string;
  language: string;
  municipalities: { id: string; name: string }[];
  declarations: DeclarationChoice[];
  onDone: (teamName: string) => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [municipality, setMunicipality] = useState("");
  const [team, setTeam] = useState("");
  const [declaration, setDeclaration] = useState(
    () => defaultDeclaration(declarations, language) ?? "",
  );
  const [agreed, setAgreed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const recipients = useQuery(
    ReleaseRecipients,
    { municipalityId: municipality },
    { skip: !municipality },
  );
  const teams = municipality ? (recipients.data?.releaseRecipients ?? []) : [];

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!municipality)
      found.push({
        field: "team-municipality",
        message: t("client.releases.municipality_missing"),
      });
    else if (!teams.some((x) => x.id === team))
      found.push({ field: "team-choice", message: t("client.releases.team_missing") });
    if (!agreed)
      found.push({ field: "team-consent", message: t("client.releases.consent_missing") });
    setProblems(found);
    if (found.length || !declaration) return;
    setBusy(true);
    try {
      await request(ReleaseToTeam, { personId, teamId: team, consentDocumentId: declaration });
      onDone(teams.find((x) => x.id === team)?.name ?? "");
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  const teamError = errorFor(problems, "team-choice");
  const municipalityError = errorFor(problems, "team-municipality");
  return (
    <section class="release-flow" aria-labelledby="team-flow-heading">
      <h2 id="team-flow-heading" ref={heading} tabIndex={-1}>
        {t("client.releases.team_flow")}
      </h2>
      <p>{t("client.releases.team_flow_intro")}</p>
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class={municipalityError ? "field field-error" : "field"}>
          <label for="team-municipality">{t("client.releases.municipality")}</label>
          {municipalityError && (
            <p id="team-municipality-error" class="error-message">
              {municipalityError}
            </p>
          )}
          <select
            id="team-municipality"
            value={municipality}
            aria-invalid={municipalityError ? true : undefined}
            aria-describedby={municipalityError ? "team-municipality-error" : undefined}
            onChange={(event) => {
              setMunicipality(event.currentTarget.value);
              setTeam("");
            }}
          >
            <option value="">{t("client.releases.municipality_choose")}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        {recipients.loading && municipality && <Loading />}
        {recipients.error && <LoadError error={recipients.error} retry={recipients.reload} />}
        {municipality && recipients.data && (
          <fieldset
            id="team-choice"
            tabIndex={-1}
            class={teamError ? "field-error choice-list" : "choice-list"}
            aria-describedby={teamError ? "team-choice-error" : undefined}
          >
            <legend>{t("client.releases.team")}</legend>
            {teamError && (
              <p id="team-choice-error" class="error-message">
                {teamError}
              </p>
            )}
            {teams.length === 0 && <p>{t("client.releases.no_teams")}</p>}
            {teams.map((x) => (
              <div class="choice" key={x.id}>
                <input
                  type="radio"
                  id={`team-${x.id}`}
                  name="team"
                  value={x.id}
                  checked={team === x.id}
                  onChange={() => setTeam(x.id)}
                  aria-describedby={`team-${x.id}-about`}
                />
                <label for={`team-${x.id}`}>
                  <span class="choice-name">{x.name}</span>
                </label>
                <span id={`team-${x.id}-about`} class="choice-about">
                  {[
                    teamKindLabel(x.kind),
                    x.carrier,
                    x.municipalityId ? "" : t("client.releases.district_wide"),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
            ))}
          </fieldset>
        )}
        {team && <p class="notice">{t("client.releases.team_reads")}</p>}
        {declaration ? (
          <ConsentDeclaration
            idPrefix="team"
            documents={declarations}
            chosen={declaration}
            onChoose={setDeclaration}
            agreed={agreed}
            onAgree={setAgreed}
            problems={problems}
          />
        ) : (
          <p class="notice notice-error" role="alert">
            {t("client.releases.declaration_missing")}
          </p>
        )}
        <div class="button-row">
          <button type="submit" disabled={busy || !declaration}>
            {t("client.releases.accept_team")}
          </button>
          <button type="button" class="button-secondary" onClick={onCancel}>
            {t("client.releases.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
