// The log of one answer in a modal dialog: when, which value, who (you or which team).
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, request } from "../../api";
import { graphql } from "../../gql";
import type { AnswerLogEvent } from "../../gql/graphql";
import { currentLanguage, t } from "../../i18n";
import { LoadError, Loading } from "../Status";
import type { Question } from "./model";

const AnswerLogQuery = graphql(`
  query AnswerLog($personId: ID!, $question: String!, $memberId: ID) {
    person(personId: $personId) {
      answerLog(question: $question, memberId: $memberId) {
        changedAt
        value
        actorGrant
        actorName
        teamName
        event
        previousValue
        correctionReason
        decisionReason
      }
    }
  }
`);

interface LogEntry {
  changedAt?: unknown;
  value?: unknown;
  actorGrant?: string | null;
  actorName?: string | null;
  teamName?: string | null;
  /** A correction step (requested, approved, rejected, withdrawn), with both values. */
  event?: AnswerLogEvent | null;
  previousValue?: unknown;
  correctionReason?: string | null;
  decisionReason?: string | null;
}

function eventLabel(event: AnswerLogEvent): string {
  switch (event) {
    case "CORRECTION_REQUESTED":
      return t("client.biography.history_event_requested");
    case "CORRECTION_APPROVED":
      return t("client.biography.history_event_approved");
    case "CORRECTION_REJECTED":
      return t("client.biography.history_event_rejected");
    default:
      return t("client.biography.history_event_withdrawn");
  }
}

export function formatDate(value: string, withTime = false): string {
  const date = new Date(withTime || value.length > 10 ? value : `${value}T12:00:00`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(date);
}

/** A stored value (codes, text, dates, numbers, entries) as the reader reads it. */
export function displayValue(question: Question, value: unknown): string {
  if (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && !value.length)
  ) {
    return "";
  }
  if (typeof value === "boolean")
    return value ? t("client.biography.yes") : t("client.biography.no");
  if (question.kind === "BOOLEAN" && (value === "true" || value === "false")) {
    return value === "true" ? t("client.biography.yes") : t("client.biography.no");
  }
  if (Array.isArray(value)) {
    if (question.kind === "ENTRIES") {
      return value
        .map((entry) =>
          (question.fields ?? [])
            .map((field) => {
              const raw = (entry as Record<string, unknown>)[field.code];
              const shown = displayValue(field, raw);
              return shown ? `${field.label}: ${shown}` : "";
            })
            .filter(Boolean)
            .join(", "),
        )
        .join(" · ");
    }
    return value.map((v) => displayValue(question, v)).join(", ");
  }
  const text = String(value);
  if (question.kind === "CHOICE" || question.kind === "MULTI_CHOICE") {
    return question.options.find((option) => option.code === text)?.label ?? text;
  }
  if (question.kind === "DATE") return formatDate(text);
  return text;
}

function who(entry: LogEntry): string {
  const grant = (entry.actorGrant ?? "").toLowerCase();
  if (grant === "owner") return t("client.biography.history_you");
  const team =
    grant === "social_counselling"
      ? t("client.biography.team_social_counselling")
      : grant === "integration_management"
        ? t("client.biography.team_integration_management")
        : grant === "integration_office"
          ? t("client.biography.team_integration_office")
          : grant;
  return [entry.actorName, entry.teamName ? `${entry.teamName} (${team})` : team]
    .filter(Boolean)
    .join(", ");
}

interface Props {
  personId: string;
  memberId?: string | undefined;
  question: Question;
  onClose: () => void;
}

export function HistoryDialog({ personId, memberId, question, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [entries, setEntries] = useState<LogEntry[] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    let live = true;
    request(AnswerLogQuery, { personId, question: question.code, memberId: memberId ?? null })
      .then((data) => live && setEntries([...(data.person?.answerLog ?? [])].reverse()))
      .catch(
        (e: unknown) =>
          live && setError(e instanceof ApiError ? e : new ApiError(String(e), "UNEXPECTED")),
      );
    return () => {
      live = false;
      opener?.focus();
    };
  }, [personId, memberId, question.code]);

  const titleId = `history-${question.code}-title`;
  return (
    <dialog ref={dialog} class="history-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div class="dialog-head">
        <h2 id={titleId}>{t("client.biography.history_of", { label: question.label })}</h2>
        <button type="button" class="button-secondary" onClick={() => dialog.current?.close()}>
          {t("client.biography.close")}
        </button>
      </div>
      {!entries && !error && <Loading />}
      {error && <LoadError error={error} />}
      {entries && entries.length === 0 && <p>{t("client.biography.history_empty")}</p>}
      {entries && entries.length > 0 && (
        <ol class="history-list">
          {entries.map((entry, i) => {
            const value = displayValue(question, entry.value);
            return (
              <li key={i}>
                <dl>
                  <div>
                    <dt>{t("client.biography.history_when")}</dt>
                    <dd>{entry.changedAt ? formatDate(String(entry.changedAt), true) : ""}</dd>
                  </div>
                  <div>
                    <dt>{t("client.biography.history_value")}</dt>
                    <dd class={value ? undefined : "deleted"}>
                      {value || t("client.biography.history_deleted")}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("client.biography.history_who")}</dt>
                    <dd>{who(entry)}</dd>
                  </div>
                  {entry.event && (
                    <div>
                      <dt>{t("client.biography.history_event")}</dt>
                      <dd>{eventLabel(entry.event)}</dd>
                    </div>
                  )}
                  {entry.event && entry.previousValue !== undefined && (
                    <div>
                      <dt>{t("client.biography.history_previous")}</dt>
                      <dd>{displayValue(question, entry.previousValue)}</dd>
                    </div>
                  )}
                  {entry.correctionReason && (
                    <div>
                      <dt>{t("client.biography.history_correction_reason")}</dt>
                      <dd>{entry.correctionReason}</dd>
                    </div>
                  )}
                  {entry.decisionReason && (
                    <div>
                      <dt>{t("client.biography.history_decision_reason")}</dt>
                      <dd>{entry.decisionReason}</dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </dialog>
  );
}
