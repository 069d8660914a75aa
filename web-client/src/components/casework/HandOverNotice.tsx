// The newcomer's side of a hand-over: an open offer of their case to another team, with the
// dates, and the objection (possible until the effective date; the case then stays where it
// is). Shown on the newcomer's home screen; nothing when no offer is open.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { ErrorSummary, type Problem, problemsFrom } from "../Form";
import { ConfirmDialog } from "../releases/ConfirmDialog";
import "../releases/releases.css";
import "./casework.css";
import { HandOverFacts } from "./HandOverPanel";

const OwnHandOversQuery = graphql(`
  query OwnHandOvers {
    me {
      person {
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
    }
  }
`);

const ObjectToHandOver = graphql(`
  mutation ObjectToHandOver($personId: ID!, $offerId: ID!) {
    objectToHandOver(personId: $personId, offerId: $offerId)
  }
`);

export function HandOverNotice() {
  const { language } = useApp();
  const { data, reload } = useQuery(OwnHandOversQuery, {});
  const [objecting, setObjecting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState("");
  const person = data?.me?.person;
  const open = (person?.handOvers ?? []).filter(
    (h) => h.state === "OFFERED" || h.state === "ACCEPTED",
  );

  async function object() {
    if (!person?.id || !objecting) return;
    setBusy(true);
    setProblems([]);
    try {
      await request(ObjectToHandOver, { personId: person.id, offerId: objecting });
      setMessage(t("client.casework.handover.objected"));
      reload();
    } catch (failure) {
      setProblems(problemsFrom(failure));
    } finally {
      setBusy(false);
      setObjecting(null);
    }
  }

  return (
    <>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      {open.map((handOver) => (
        <section
          key={handOver.id}
          class="notice hand-over-notice"
          aria-labelledby={`hand-over-${handOver.id}`}
        >
          <h2 id={`hand-over-${handOver.id}`}>{t("client.casework.handover.notice_title")}</h2>
          <p>
            {t("client.casework.handover.notice_text", {
              team: handOver.toTeamName ?? "",
            })}
          </p>
          <HandOverFacts handOver={handOver} language={language} />
          <button
            type="button"
            class="button-secondary"
            onClick={() => setObjecting(handOver.id ?? null)}
          >
            {t("client.casework.handover.object")}
          </button>
        </section>
      ))}
      <ConfirmDialog
        id="object-dialog"
        open={objecting !== null}
        title={t("client.casework.handover.object_title")}
        confirmLabel={t("client.casework.handover.object")}
        cancelLabel={t("client.casework.cancel")}
        busy={busy}
        onConfirm={() => void object()}
        onCancel={() => setObjecting(null)}
      >
        <p>{t("client.casework.handover.object_text")}</p>
      </ConfirmDialog>
    </>
  );
}
