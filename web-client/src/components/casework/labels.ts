// Names of the case-management enums in the reader's language (the API sends the codes), and
// today's date for date inputs.
import type { CorrectionState, HandOverState, StepResponsible } from "../../gql/graphql";
import { t } from "../../i18n";

export function handOverStateLabel(state: HandOverState | null | undefined): string {
  switch (state) {
    case "OFFERED":
      return t("client.casework.handover.state.offered");
    case "OBJECTED":
      return t("client.casework.handover.state.objected");
    case "REJECTED":
      return t("client.casework.handover.state.rejected");
    case "ACCEPTED":
      return t("client.casework.handover.state.accepted");
    case "COMPLETED":
      return t("client.casework.handover.state.completed");
    case "WITHDRAWN":
      return t("client.casework.handover.state.withdrawn");
    default:
      return "";
  }
}

export function responsibleLabel(responsible: StepResponsible | null | undefined): string {
  return responsible === "NEWCOMER"
    ? t("client.casework.goals.responsible.newcomer")
    : t("client.casework.goals.responsible.caseworker");
}

/** Today in the browser's time zone as YYYY-MM-DD (the value of a date input). */
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function correctionStateLabel(state: CorrectionState | null | undefined): string {
  switch (state) {
    case "OPEN":
      return t("client.casework.corrections.state.open");
    case "APPROVED":
      return t("client.casework.corrections.state.approved");
    case "REJECTED":
      return t("client.casework.corrections.state.rejected");
    case "WITHDRAWN":
      return t("client.casework.corrections.state.withdrawn");
    default:
      return "";
  }
}
