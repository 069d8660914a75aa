// Labels of the evaluation that the client puts together: a period, a count in the reader's digits.
import { currentLanguage, t } from "../../i18n";

export interface PeriodInfo {
  code: string;
  year: number;
  quarter?: number | null;
}

/** "4. Quartal 2025" or "Jahr 2025", in the interface language. */
export function periodLabel(period: PeriodInfo): string {
  return period.quarter
    ? t("client.evaluation.period_quarter", { quarter: period.quarter, year: period.year })
    : t("client.evaluation.period_year", { year: period.year });
}

/** A count as the reader writes numbers (grouping, Arabic-Indic digits in Arabic). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}
