// Dates and names shared by the releases and access-log screens: the API sends enums and ISO
// dates, the client names them in the reader's language.
import type { Package, TeamKind } from "../../gql/graphql";
import { t } from "../../i18n";

export const PACKAGES: readonly Package[] = [
  "EMPLOYMENT",
  "EMPLOYER",
  "LANGUAGE_SCHOOL",
  "CHAMBERS",
  "LANGUAGE_COURSE_COORDINATION",
];

export function packageLabel(value: string): string {
  switch (value.toUpperCase()) {
    case "EMPLOYMENT":
      return t("client.releases.package.employment");
    case "EMPLOYER":
      return t("client.releases.package.employer");
    case "LANGUAGE_SCHOOL":
      return t("client.releases.package.language_school");
    case "CHAMBERS":
      return t("client.releases.package.chambers");
    case "LANGUAGE_COURSE_COORDINATION":
      return t("client.releases.package.language_course_coordination");
    default:
      return value;
  }
}

/** Who a package is meant for, in a sentence under its name. */
export function packageRecipients(value: Package): string {
  switch (value) {
    case "EMPLOYMENT":
      return t("client.releases.package.employment_for");
    case "EMPLOYER":
      return t("client.releases.package.employer_for");
    case "LANGUAGE_SCHOOL":
      return t("client.releases.package.language_school_for");
    case "CHAMBERS":
      return t("client.releases.package.chambers_for");
    case "LANGUAGE_COURSE_COORDINATION":
      return t("client.releases.package.language_course_coordination_for");
  }
}

export function teamKindLabel(value: string): string {
  switch (value.toUpperCase() as TeamKind) {
    case "SOCIAL_COUNSELLING":
      return t("client.releases.team_kind.social_counselling");
    case "INTEGRATION_MANAGEMENT":
      return t("client.releases.team_kind.integration_management");
    case "INTEGRATION_OFFICE":
      return t("client.releases.team_kind.integration_office");
    default:
      return value;
  }
}

/** A grant of the access log (a team kind or a package, lower case) by its name. */
export function grantLabel(value: string): string {
  const team = teamKindLabel(value);
  return team !== value ? team : packageLabel(value);
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(date);
}
