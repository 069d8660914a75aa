// The statutory report of a period as files of the server: CSV, XLSX and ODS, in German or
// English (the reader's of the two first; German for everyone else).
import { LANGUAGES, t, type Language } from "../../i18n";
import { reportUrl } from "../../routes";

const FORMATS = ["csv", "xlsx", "ods"] as const;

export function ReportLinks({
  period,
  label,
  language,
}: {
  period: string;
  label: string;
  language: Language;
}) {
  const first = language === "en" ? "en" : "de";
  const reportLanguages = first === "en" ? (["en", "de"] as const) : (["de", "en"] as const);
  return (
    <section aria-labelledby="evaluation-reports">
      <h2 id="evaluation-reports">{t("client.evaluation.reports.title")}</h2>
      <p>{t("client.evaluation.reports.intro", { period: label })}</p>
      <ul class="report-links">
        {reportLanguages.map((reportLanguage) =>
          FORMATS.map((format) => (
            <li key={`${reportLanguage}-${format}`}>
              <a
                href={reportUrl(period, format, reportLanguage)}
                hreflang={reportLanguage}
                download
              >
                {t("client.evaluation.reports.file", {
                  format: format.toUpperCase(),
                  name: LANGUAGES.find((l) => l.code === reportLanguage)?.name ?? reportLanguage,
                })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
