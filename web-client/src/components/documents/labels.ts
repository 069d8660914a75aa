// Labels of the document categories (the API sends the enum only), and the upload limits the
// client hints at; the server checks both and answers with its own translated errors.
import type { DocumentCategory } from "../../gql/graphql";
import { t } from "../../i18n";

export const CATEGORIES: readonly DocumentCategory[] = [
  "LANGUAGE_CERTIFICATE",
  "SCHOOL_CERTIFICATE",
  "VOCATIONAL_CERTIFICATE",
  "WORK_REFERENCE",
  "CV",
  "OFFICIAL_DOCUMENT",
  "MISCELLANEOUS",
];

export function categoryLabel(category: DocumentCategory): string {
  switch (category) {
    case "LANGUAGE_CERTIFICATE":
      return t("client.documents.category.language_certificate");
    case "SCHOOL_CERTIFICATE":
      return t("client.documents.category.school_certificate");
    case "VOCATIONAL_CERTIFICATE":
      return t("client.documents.category.vocational_certificate");
    case "WORK_REFERENCE":
      return t("client.documents.category.work_reference");
    case "CV":
      return t("client.documents.category.cv");
    case "OFFICIAL_DOCUMENT":
      return t("client.documents.category.official_document");
    case "MISCELLANEOUS":
      return t("client.documents.category.miscellaneous");
  }
}

/** MOBIO_MAX_UPLOAD_MB's default (README, Settings): a hint only, the server decides. */
export const UPLOAD_LIMIT_MB = 20;

/** What the file picker offers; the server decides the type from the content. */
export const ACCEPTED_TYPES =
  "application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif";

/** "1.2 MB", "340 KB" in the reader's number format. */
export function formatSize(bytes: number, language: string): string {
  const format = (value: number, unit: "kilobyte" | "megabyte") =>
    new Intl.NumberFormat(language, { style: "unit", unit, maximumFractionDigits: 1 }).format(
      value,
    );
  return bytes >= 1024 * 1024
    ? format(bytes / (1024 * 1024), "megabyte")
    : format(Math.max(1, Math.round(bytes / 1024)), "kilobyte");
}
