// The hand-over tab of the person view: the case's hand-overs as the caller's team sees them,
// and, for the social counselling team holding the release, the offer to an integration-
// management team of the follow-up municipality (moving date, effective date, end of the old
// team's access) and taking an open offer back. The server checks kind, order and dates.
import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { request } from "../../api";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { PersonHandOversQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { SelectField } from "../admin/fields";
import type { PanelProps } from "../caseload/personTabs";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../Form";
import { ConfirmDialog } from "../releases/ConfirmDialog";
import { formatDate } from "../releases/format";
import "../releases/releases.css";
import { LoadError, Loading } from "../Status";
import "./casework.css";
import { addDays, handOverStateLabel, todayIso } from "./labels";

const PersonHandOversQuery = graphql(`
  query PersonHandOvers($personId: ID!) {
    person(personId: $personId) {
      id
      handOvers {
        id
        state
        fromTeamName
        toTeamName
        movingOn
        effectiveOn
        oldAccessEndsOn
        decisionReason
        createdAt
        objectedAt
        decidedAt
        completedAt
      }
    }
    myTeams {
      id
      kind
    }
    municipalities {
      id
      name
    }
  }
`);

const HandOverRecipientsQuery = graphql(`
  query HandOverRecipients($municipalityId: ID!) {
    releaseRecipients(municipalityId: $municipalityId) {
      id
      name
      kind
    }
  }
`);

const OfferHandOver = graphql(`
  mutation OfferHandOver(
    $personId: ID!
    $toTeamId: ID!
    $movingOn: Date!
    $effectiveOn: Date!
    $oldAccessEndsOn: Date!
  ) {
    offerHandOver(
      personId: $personId
      toTeamId: $toTeamId
      movingOn: $movingOn
      effectiveOn: $effectiveOn
      oldAccessEndsOn: $oldAccessEndsOn
    )
  }
`);

const WithdrawHandOver = graphql(`
  mutation WithdrawHandOver($personId: ID!, $offerId: ID!) {
    withdrawHandOver(personId: $personId, offerId: $offerId)
  }
`);

type HandOver = NonNullable<
  NonNullable<NonNullable<PersonHandOversQuery["person"]>["handOvers"]>[number]
>;

const FIELD_IDS = {
  toTeamId: "handover-team",
  movingOn: "handover-moving",
  effectiveOn: "handover-effective",
  oldAccessEndsOn: "handover-ends",
};

function OfferForm({
  personId,
  municipalities,
  onOffered,
}: {
  personId: string;
  municipalities: { id: string; name: string }[];
  onOffered: () => void;
}) {
  const [municipalityId, setMunicipalityId] = useState("");
  const [teamId, setTeamId] = useState("");
  const start = addDays(todayIso(), 14);
  const [movingOn, setMovingOn] = useState(start);
  const [effectiveOn, setEffectiveOn] = useState(start);
  const [endsOn, setEndsOn] = useState(addDays(start, 14));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const recipients = useQuery(
    HandOverRecipientsQuery,
    { municipalityId },
    { skip: !municipalityId },
  );
  const teams = (recipients.data?.releaseRecipients ?? []).filter(
    (team) => team.kind === "INTEGRATION_MANAGEMENT",
  );

  async function submit(event: Event) {
    event.preventDefault();
    if (!teamId) {
      setProblems([
        {
          field: FIELD_IDS.toTeamId,
          message: t("client.error.required", { field: t("client.casework.handover.team") }),
        },
      ]);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await request(OfferHandOver, {
        personId,
        toTeamId: teamId,
        movingOn,
        effectiveOn,
        oldAccessEndsOn: endsOn,
      });
      setTeamId("");
      onOffered();
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="casework-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t("client.casework.handover.offer_title")}</h3>
      <p>{t("client.casework.handover.offer_intro")}</p>
      <ErrorSummary problems={problems} />
      <SelectField
        id="handover-municipality"
        label={t("client.casework.handover.municipality")}
        choose={t("client.casework.choose")}
        value={municipalityId}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        onValue={(value) => {
          setMunicipalityId(value);
          setTeamId("");
        }}
      />
      {municipalityId && recipients.data && teams.length === 0 && (
        <p class="notice">{t("client.casework.handover.no_team")}</p>
      )}
      {teams.length > 0 && (
        <SelectField
          id={FIELD_IDS.toTeamId}
          label={t("client.casework.handover.team")}
          choose={t("client.casework.choose")}
          value={teamId}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          onValue={setTeamId}
          error={errorFor(problems, FIELD_IDS.toTeamId)}
        />
      )}
      <Field
        id={FIELD_IDS.movingOn}
        type="date"
        label={t("client.casework.handover.moving_on")}
        value={movingOn}
        onValue={setMovingOn}
        error={errorFor(problems, FIELD_IDS.movingOn)}
      />
      <Field
        id={FIELD_IDS.effectiveOn}
        type="date"
        label={t("client.casework.handover.effective_on")}
        hint={t("client.casework.handover.effective_hint")}
        value={effectiveOn}
        onValue={setEffectiveOn}
        error={errorFor(problems, FIELD_IDS.effectiveOn)}
      />
      <Field
        id={FIELD_IDS.oldAccessEndsOn}
        type="date"
        label={t("client.casework.handover.old_access_ends_on")}
        hint={t("client.casework.handover.old_access_hint")}
        value={endsOn}
        onValue={setEndsOn}
        error={errorFor(problems, FIELD_IDS.oldAccessEndsOn)}
      />
      <button type="submit" disabled={busy}>
        {t("client.casework.handover.offer")}
      </button>
    </form>
  );
}

/** Dates and decision of one hand-over, as a list of facts. */
export function HandOverFacts({ handOver, language }: { handOver: HandOver; language: string }) {
  const facts: [string, string][] = [
    [t("client.casework.handover.from"), handOver.fromTeamName ?? ""],
    [t("client.casework.handover.to"), handOver.toTeamName ?? ""],
    [t("client.casework.handover.moving_on"), formatDate(handOver.movingOn, language)],
    [t("client.casework.handover.effective_on"), formatDate(handOver.effectiveOn, language)],
    [
      t("client.casework.handover.old_access_ends_on"),
      formatDate(handOver.oldAccessEndsOn, language),
    ],
  ];
  if (handOver.decisionReason) {
    facts.push([t("client.casework.handover.reason"), handOver.decisionReason]);
  }
  return (
    <dl class="casework-facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function HandOverPanel({ personId }: PanelProps) {
  const { language } = useApp();
  const { data, error, loading, reload } = useQuery(PersonHandOversQuery, { personId });
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [withdrawing, setWithdrawing] = useState<HandOver | null>(null);
  const [busy, setBusy] = useState(false);
  const handOvers = data?.person?.handOvers ?? [];
  const counselling = (data?.myTeams ?? []).some((team) => team.kind === "SOCIAL_COUNSELLING");
  const open = handOvers.some((h) => h.state === "OFFERED" || h.state === "ACCEPTED");

  async function withdraw() {
    if (!withdrawing?.id) return;
    setBusy(true);
    setProblems([]);
    try {
      await request(WithdrawHandOver, { personId, offerId: withdrawing.id });
      setMessage(t("client.casework.handover.withdrawn"));
      reload();
    } catch (failure) {
      setProblems(problemsFrom(failure));
    } finally {
      setBusy(false);
      setWithdrawing(null);
    }
  }

  return (
    <section aria-labelledby="handover-title" class="casework-panel">
      <h2 id="handover-title">{t("client.casework.handover.title")}</h2>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && handOvers.length === 0 && <p>{t("client.casework.handover.none")}</p>}
      <ul class="casework-list">
        {handOvers.map((handOver) => (
          <li key={handOver.id} class="casework-item hand-over">
            <h3>{handOverStateLabel(handOver.state)}</h3>
            <HandOverFacts handOver={handOver} language={language} />
            {counselling && handOver.state === "OFFERED" && (
              <button
                type="button"
                class="button-secondary"
                onClick={() => setWithdrawing(handOver)}
              >
                {t("client.casework.handover.withdraw")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {data && counselling && !open && (
        <OfferForm
          personId={personId}
          municipalities={data.municipalities}
          onOffered={() => {
            setMessage(t("client.casework.handover.offered"));
            reload();
          }}
        />
      )}
      <ConfirmDialog
        id="withdraw-dialog"
        open={withdrawing !== null}
        title={t("client.casework.handover.withdraw_title")}
        confirmLabel={t("client.casework.handover.withdraw")}
        cancelLabel={t("client.casework.cancel")}
        busy={busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(null)}
      >
        <p>{t("client.casework.handover.withdraw_text")}</p>
      </ConfirmDialog>
    </section>
  );
}
