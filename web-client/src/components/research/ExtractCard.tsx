// One entry of the register of research extracts, as analysts and administrators see it: its
// number and state, why and for whom, the period and variables, and counts only (never persons).
import type { ComponentChildren } from "preact";
import type { ResearchExtractState } from "../../gql/graphql";
import { t } from "../../i18n";
import { periodLabel } from "../evaluation/format";
import { formatDate, formatDateTime } from "../releases/format";
import "./research.css";

export interface RegisterEntry {
  id?: string | null;
  number?: number | null;
  purpose?: string | null;
  recipient?: string | null;
  period?: string | null;
  variables?: string[] | null;
  state?: ResearchExtractState | null;
  requestedAt?: string | null;
  rejectionReason?: string | null;
  readyAt?: string | null;
  expiresAt?: string | null;
  persons?: number | null;
  rowsDropped?: number | null;
  downloadUrl?: string | null;
}

export function extractStateLabel(state: ResearchExtractState | null | undefined): string {
  switch (state) {
    case "REQUESTED":
      return t("client.research.state.requested");
    case "APPROVED":
      return t("client.research.state.approved");
    case "REJECTED":
      return t("client.research.state.rejected");
    case "READY":
      return t("client.research.state.ready");
    case "EXPIRED":
      return t("client.research.state.expired");
    default:
      return t("client.research.state.failed");
  }
}

/** "2025-Q4" or "2025" as the evaluation names periods; anything else as it is. */
export function periodName(code: string | null | undefined): string {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(code ?? "");
  if (!match) return code ?? "";
  return periodLabel({ code: match[0], year: Number(match[1]), quarter: Number(match[2]) || null });
}

/** Variable codes by their labels (from researchVariables). */
export function variableNames(codes: string[] | null | undefined, labels: Map<string, string>) {
  return (codes ?? []).map((code) => labels.get(code) ?? code).join(", ");
}

export function ExtractCard(props: {
  extract: RegisterEntry;
  labels: Map<string, string>;
  language: string;
  children?: ComponentChildren;
}) {
  const { extract, labels, language, children } = props;
  const done = extract.state === "READY" || extract.state === "EXPIRED";
  return (
    <li class="card extract-card">
      <p class="card-title">
        {t("client.research.extract.number", { number: extract.number ?? "" })}{" "}
        <span
          class={done || extract.state === "APPROVED" ? "badge badge-active" : "badge badge-ended"}
        >
          {extractStateLabel(extract.state)}
        </span>
      </p>
      <dl class="facts">
        <dt>{t("client.research.purpose")}</dt>
        <dd>{extract.purpose}</dd>
        <dt>{t("client.research.recipient")}</dt>
        <dd>{extract.recipient}</dd>
        <dt>{t("client.research.period")}</dt>
        <dd>{periodName(extract.period)}</dd>
        <dt>{t("client.research.variables")}</dt>
        <dd>{variableNames(extract.variables, labels)}</dd>
        <dt>{t("client.research.requested_at")}</dt>
        <dd>{formatDateTime(extract.requestedAt, language)}</dd>
        {done && extract.persons != null && (
          <>
            <dt>{t("client.research.persons")}</dt>
            <dd>{extract.persons}</dd>
          </>
        )}
        {extract.rejectionReason && (
          <>
            <dt>{t("client.research.rejection_reason")}</dt>
            <dd>{extract.rejectionReason}</dd>
          </>
        )}
      </dl>
      {extract.downloadUrl && (
        <p class="extract-download">
          <a href={extract.downloadUrl} download>
            {t("client.research.download")}
          </a>{" "}
          <span class="hint">
            {t("client.research.download_until", {
              date: formatDate(extract.expiresAt, language),
            })}
          </span>
        </p>
      )}
      {children}
    </li>
  );
}
