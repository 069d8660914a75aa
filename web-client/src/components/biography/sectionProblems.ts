// The problems a section form shows: what the browser can tell before sending (numbers, dates),
// the server's refusals tied to their inputs, and the per-input messages beside the fields.
// Kept apart from the save flow so that flow reads as steps, not as validation detail.
import { type Problem, problemsFrom } from "../Form";
import { t } from "../../i18n";
import { type Draft, type Entry, inputId, isShown, type Question } from "./model";

/** The problems of a draft the browser can tell before sending: numbers and dates. */
export function draftProblems(
  questions: Question[],
  draft: Draft,
  byCode: Map<string, Question>,
): Problem[] {
  const problems: Problem[] = [];
  const checkOne = (question: Question, value: string, id: string) => {
    const text = value.trim();
    if (!text) return;
    if (question.kind === "NUMBER") {
      const number = Number(text);
      if (!Number.isInteger(number) || number < question.minimum || number > question.maximum) {
        problems.push({
          field: id,
          message: t("client.biography.error_number", {
            label: question.label,
            min: question.minimum,
            max: question.maximum,
          }),
        });
      }
    } else if (question.kind === "DATE") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(new Date(text).getTime())) {
        problems.push({
          field: id,
          message: t("client.biography.error_date", { label: question.label }),
        });
      }
    }
  };
  for (const question of questions) {
    if (!isShown(question, byCode, draft)) continue;
    const value = draft[question.code];
    if (question.kind === "ENTRIES") {
      ((value ?? []) as Entry[]).forEach((entry, index) => {
        for (const field of question.fields ?? []) {
          checkOne(
            field,
            entry.values[field.code] ?? "",
            inputId(question.code, index, field.code),
          );
        }
      });
    } else if (typeof value === "string") {
      checkOne(question, value, inputId(question.code));
    }
  }
  return problems;
}

/** A failed save as problems: the server's errors of a question link to its input. */
export function saveProblems(error: unknown, questions: Question[]): Problem[] {
  return problemsFrom(error, Object.fromEntries(questions.map((q) => [q.code, inputId(q.code)])));
}

/** Input id → message, for the fields to show their own problem beside them. */
export function fieldErrors(problems: Problem[]): Record<string, string> {
  return Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.message]));
}
