// The administrator's enums by name in the reader's language (the API sends the enum values).
import type { AccountKind, ConsentKind, TeamKind } from "../../gql/graphql";
import { t } from "../../i18n";
import { teamKindLabel } from "../releases/format";
import type { Option } from "./fields";

export const TEAM_KINDS: readonly TeamKind[] = [
  "SOCIAL_COUNSELLING",
  "INTEGRATION_MANAGEMENT",
  "INTEGRATION_OFFICE",
];

/** The kinds an administrator may create (newcomers register themselves). */
export const STAFF_KINDS: readonly AccountKind[] = ["CASEWORKER", "ADMINISTRATOR", "ANALYST"];

export const CONSENT_KINDS: readonly ConsentKind[] = [
  "USAGE",
  "TEAM_RELEASE",
  "STAKEHOLDER_RELEASE",
  "RESEARCH",
];

export function accountKindLabel(kind: AccountKind): string {
  switch (kind) {
    case "CASEWORKER":
      return t("client.admin.kind.caseworker");
    case "ADMINISTRATOR":
      return t("client.admin.kind.administrator");
    case "ANALYST":
      return t("client.admin.kind.analyst");
    case "NEWCOMER":
      return t("client.admin.kind.newcomer");
  }
}

export function consentKindLabel(kind: ConsentKind): string {
  switch (kind) {
    case "USAGE":
      return t("client.admin.consent.kind.usage");
    case "TEAM_RELEASE":
      return t("client.admin.consent.kind.team_release");
    case "STAKEHOLDER_RELEASE":
      return t("client.admin.consent.kind.stakeholder_release");
    case "RESEARCH":
      return t("client.admin.consent.kind.research");
  }
}

export const teamKindOptions = (): Option[] =>
  TEAM_KINDS.map((kind) => ({ value: kind, label: teamKindLabel(kind) }));

/** A language code as the server takes it: "de", "ku", "ti-ER" (checked there again). */
export const LANGUAGE_CODE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?$/;
