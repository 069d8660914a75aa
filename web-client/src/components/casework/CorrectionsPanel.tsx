// The corrections tab of the person view: the newcomer's requests to correct a locked answer of
// a personal page, with both values, the reason and the evidence. An open one is approved
// (applied with the personal section's version check) or rejected with a reason.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { PersonCorrectionsQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { TextAreaField } from "../admin/fields";
import type { PanelProps } from "../caseload/personTabs";
import { ErrorSummary, errorFor, type Problem, problemsFrom } from "../Form";
import { formatDateTime } from "../releases/format";
import "../releases/releases.css";
import { LoadError, Loading } from "../Status";
import "./casework.css";
import { correctionStateLabel } from "./labels";
import { shownValue } from "./correctionValues";

const PersonCorrectionsQuery = graphql(`
  query PersonCorrections($personId: ID!) {
    person(personId: $personId) {
      id
      correctionRequests {
        id
        memberId
        question
        questionLabel
        currentValue
        proposedValue
        reason
        evidenceDocumentId
        evidenceFileName
        state
        decisionReason
        createdAt
        decidedAt
        decidedTeamName
      }
      biography {
        own {
          personal {
            version
          }
        }
        partners {
          memberId
          personal {
            version
          }
        }
        children {
          memberId
          personal {
            version
          }
        }
      }
    }
    questionnaire(page: "newcomer", section: PERSONAL) {
      questions {
        code
        kind
        label
        options {
          code
          label
        }
      }
    }
  }
`);

const ApproveCorrection = graphql(`
  mutation ApproveCorrection($personId: ID!, $correctionId: ID!, $expectedVersion: Int!) {
    approveCorrection(
      personId: $personId
      correctionId: $correctionId
      expectedVersion: $expectedVersion
    )
  }
`);

const RejectCorrection = graphql(`
  mutation RejectCorrection($personId: ID!, $correctionId: ID!, $reason: String!) {
    rejectCorrection(personId: $personId, correctionId: $correctionId, reason: $reason)
  }
`);

type Person = NonNullable<PersonCorrectionsQuery["person"]>;
type Correction = NonNullable<NonNullable<Person["correctionRequests"]>[number]>;

/** The version of the personal page the correction belongs to (own, partner's or child's). */
function versionOf(person: Person, memberId: string | null | undefined): number {
  const biography = person.biography;
  if (!memberId) return biography?.own?.personal?.version ?? 0;
  const member = [...(biography?.partners ?? []), ...(biography?.children ?? [])].find(
    (m) => m.memberId === memberId,
  );
  return member?.personal?.version ?? 0;
}

function Decision({
  personId,
  correction,
  version,
  onDecided,
}: {
  personId: string;
  correction: Correction;
  version: number;
  onDecided: (message: string) => void;
}) {
  const id = `correction-${correction.id}`;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function approve() {
    setBusy(true);
    setProblems([]);
    try {
      await request(ApproveCorrection, {
        personId,
        correctionId: correction.id ?? "",
        expectedVersion: version,
      });
      onDecided(t("client.casework.corrections.approved"));
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  async function reject(event: Event) {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([
        {
          field: `${id}-reason`,
          message: t("client.error.required", {
            field: t("client.casework.corrections.reject_reason"),
          }),
        },
      ]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      await request(RejectCorrection, {
        personId,
        correctionId: correction.id ?? "",
        reason,
      });
      onDecided(t("client.casework.corrections.rejected"));
    } catch (error) {
      setProblems(problemsFrom(error, { reason: `${id}-reason` }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary problems={problems} />
      {rejecting ? (
        <form onSubmit={(event) => void reject(event)} noValidate>
          <TextAreaField
            id={`${id}-reason`}
            label={t("client.casework.corrections.reject_reason")}
            hint={t("client.casework.corrections.reject_hint")}
            rows={3}
            value={reason}
            onValue={setReason}
            error={errorFor(problems, `${id}-reason`)}
          />
          <div class="button-row">
            <button type="submit" class="button-danger" disabled={busy}>
              {t("client.casework.corrections.reject")}
            </button>
            <button type="button" class="button-secondary" onClick={() => setRejecting(false)}>
              {t("client.casework.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div class="button-row">
          <button type="button" disabled={busy} onClick={() => void approve()}>
            {t("client.casework.corrections.approve")}
          </button>
          <button type="button" class="button-secondary" onClick={() => setRejecting(true)}>
            {t("client.casework.corrections.reject")}
          </button>
        </div>
      )}
    </>
  );
}

export function CorrectionsPanel({ personId }: PanelProps) {
  const { language } = useApp();
  const { data, error, loading, reload } = useQuery(PersonCorrectionsQuery, { personId });
  const [message, setMessage] = useState("");
  const person = data?.person;
  const corrections = person?.correctionRequests ?? [];
  const questions = data?.questionnaire.flatMap((section) => section.questions) ?? [];

  return (
    <section aria-labelledby="corrections-title" class="casework-panel">
      <h2 id="corrections-title">{t("client.casework.corrections.title")}</h2>
      <p>{t("client.casework.corrections.intro")}</p>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && corrections.length === 0 && <p>{t("client.casework.corrections.none")}</p>}
      <ul class="casework-list">
        {person &&
          corrections.map((correction) => (
            <li key={correction.id} class="casework-item correction">
              <h3>{correction.questionLabel}</h3>
              <p class="casework-meta">
                {correctionStateLabel(correction.state)} ·{" "}
                {formatDateTime(correction.createdAt, language)}
              </p>
              <dl class="casework-facts">
                <dt>{t("client.casework.corrections.current")}</dt>
                <dd>{shownValue(questions, correction.question, correction.currentValue)}</dd>
                <dt>{t("client.casework.corrections.proposed")}</dt>
                <dd>{shownValue(questions, correction.question, correction.proposedValue)}</dd>
                <dt>{t("client.casework.corrections.reason")}</dt>
                <dd>{correction.reason}</dd>
                <dt>{t("client.casework.corrections.evidence")}</dt>
                <dd>
                  {correction.evidenceDocumentId ? (
                    <a href={`/documents/${correction.evidenceDocumentId}`}>
                      {correction.evidenceFileName}
                    </a>
                  ) : (
                    "–"
                  )}
                </dd>
                {correction.decisionReason && (
                  <>
                    <dt>{t("client.casework.corrections.decision_reason")}</dt>
                    <dd>{correction.decisionReason}</dd>
                  </>
                )}
                {correction.decidedTeamName && (
                  <>
                    <dt>{t("client.casework.corrections.decided_by")}</dt>
                    <dd>
                      {correction.decidedTeamName}, {formatDateTime(correction.decidedAt, language)}
                    </dd>
                  </>
                )}
              </dl>
              {correction.state === "OPEN" && (
                <Decision
                  personId={personId}
                  correction={correction}
                  version={versionOf(person, correction.memberId)}
                  onDecided={(text) => {
                    setMessage(text);
                    reload();
                  }}
                />
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
