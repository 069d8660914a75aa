// The biography form's model: answers as the API reads them → a draft of strings per question
// (what inputs hold), conditions (shownIf) evaluated on the draft, and the draft → the save input.
import type { QuestionKind } from "../../gql/graphql";

/** A question of the questionnaire (and, for entries, the fields of an entry). */
export interface Question {
  code: string;
  kind: QuestionKind;
  label: string;
  labelDe: string;
  writeOnce: boolean;
  maxLength: number;
  minimum: number;
  maximum: number;
  options: { code: string; label: string }[];
  shownIf?: { question: string; codes: string[] } | null;
  fields?: Question[];
}

/** One repeated group (a course, a job): field code → its value as typed; `key` for rendering. */
export interface Entry {
  key: string;
  values: Record<string, string>;
}

/** What an input holds: choice/text/date/number/boolean ("true"/"false"/"") as a string,
 *  multi-choice as codes, entries as entries. */
export type DraftValue = string | string[] | Entry[];
export type Draft = Record<string, DraftValue>;

let entryKeys = 0;
export function newEntry(values: Record<string, string> = {}): Entry {
  entryKeys += 1;
  return { key: `entry-${entryKeys}`, values };
}

/** "german_level" → "germanLevel" (the API's field for a question code). */
export function camel(code: string): string {
  return code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** One stored scalar as an input's string: ChoiceAnswer → code, TextAnswer → text. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const object = value as { code?: string | null; text?: string | null };
    if ("code" in object) return object.code ?? "";
    if ("text" in object) return object.text ?? "";
  }
  return "";
}

/** The draft of a section as the API returned it (`section` is e.g. `own.language`). */
export function draftFrom(
  questions: Question[],
  section: Record<string, unknown> | null | undefined,
): Draft {
  const draft: Draft = {};
  for (const question of questions) {
    const value = section?.[camel(question.code)];
    if (question.kind === "ENTRIES") {
      draft[question.code] = Array.isArray(value)
        ? value.map((item) =>
            newEntry(
              Object.fromEntries(
                (question.fields ?? []).map((field) => [
                  field.code,
                  scalar((item as Record<string, unknown>)[camel(field.code)]),
                ]),
              ),
            ),
          )
        : [];
    } else if (question.kind === "MULTI_CHOICE") {
      draft[question.code] = Array.isArray(value) ? value.map(scalar).filter(Boolean) : [];
    } else {
      draft[question.code] = scalar(value);
    }
  }
  return draft;
}

/** Whether a question is asked, given the answers so far (its condition's question must be
 *  shown itself and answered with one of the codes). */
export function isShown(
  question: Question,
  byCode: Map<string, Question>,
  draft: Draft,
  depth = 0,
): boolean {
  const condition = question.shownIf;
  if (!condition) return true;
  const parent = byCode.get(condition.question);
  if (parent && depth < 10 && !isShown(parent, byCode, draft, depth + 1)) return false;
  const value = draft[condition.question];
  if (Array.isArray(value))
    return value.some((v) => typeof v === "string" && condition.codes.includes(v));
  return typeof value === "string" && condition.codes.includes(value);
}

/** An input's string as the API's value for `question`'s kind (null deletes). */
function toValue(question: Question, value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed) return null;
  switch (question.kind) {
    case "BOOLEAN":
      return trimmed === "true";
    case "NUMBER":
      return Number(trimmed);
    case "TEXT":
      return value;
    default:
      return trimmed;
  }
}

/** The API's value of a question's draft (entries: the filled ones; multi-choice: codes). */
export function valueOf(question: Question, value: DraftValue | undefined): unknown {
  if (question.kind === "ENTRIES") {
    const entries = (Array.isArray(value) ? value : []) as Entry[];
    const filled = entries
      .map((entry) =>
        Object.fromEntries(
          (question.fields ?? []).map((field) => [
            camel(field.code),
            toValue(field, entry.values[field.code] ?? ""),
          ]),
        ),
      )
      .filter((entry) => Object.values(entry).some((v) => v !== null));
    return filled.length ? filled : null;
  }
  if (question.kind === "MULTI_CHOICE") {
    const codes = Array.isArray(value) ? (value as string[]) : [];
    return codes.length ? [...codes].sort() : null;
  }
  return toValue(question, typeof value === "string" ? value : "");
}

/** The save input: changed answers of shown questions, and null for answers now hidden. */
export function changesOf(
  questions: Question[],
  base: Draft,
  draft: Draft,
  locked: ReadonlySet<string>,
): Record<string, unknown> {
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const input: Record<string, unknown> = {};
  for (const question of questions) {
    if (locked.has(question.code)) continue;
    const before = valueOf(question, base[question.code]);
    const after = isShown(question, byCode, draft) ? valueOf(question, draft[question.code]) : null;
    if (JSON.stringify(before) !== JSON.stringify(after)) input[camel(question.code)] = after;
  }
  return input;
}

/** The codes whose draft differs from the base (what the user typed), for re-applying. */
export function editedCodes(questions: Question[], base: Draft, draft: Draft): string[] {
  return questions
    .filter(
      (q) => JSON.stringify(valueOf(q, base[q.code])) !== JSON.stringify(valueOf(q, draft[q.code])),
    )
    .map((q) => q.code);
}

/** The id of a question's input (or, for groups, of its first input), for links and focus. */
export function inputId(code: string, entry?: number, field?: string): string {
  return entry === undefined ? `q-${code}` : `q-${code}-${entry}-${field ?? ""}`;
}
