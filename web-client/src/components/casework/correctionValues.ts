// A correction's stored values as the reader reads them: the question's options and kind come
// from the personal page's questionnaire (the same texts the biography shows).
import type { QuestionKind } from "../../gql/graphql";
import { displayValue } from "../biography/HistoryDialog";
import type { Question } from "../biography/model";

export interface QuestionLike {
  code: string;
  kind: QuestionKind;
  label: string;
  options: { code: string; label: string }[];
}

/** The value in words, or the raw value when the question is unknown here. */
export function shownValue(
  questions: QuestionLike[],
  code: string | null | undefined,
  value: unknown,
): string {
  const question = questions.find((q) => q.code === code);
  if (!question) return value === null || value === undefined ? "" : String(value);
  return displayValue(question as unknown as Question, value);
}
