// One administrator action (a form's mutation): problems found before sending or answered by the
// server, a success message for the status region, and busy while it runs.
import { useState } from "preact/hooks";
import { ApiError } from "../../api";
import { type Problem, problemsFrom } from "../Form";
import { useApp } from "../../context";

/** The input a refusal concerns: one field, or chosen by the error's code. */
export type FieldFor = string | ((code: string) => string | undefined);

/** Codes that say nothing about the input: shown in the summary only. */
const NOT_ABOUT_INPUT = new Set([
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "NETWORK",
  "ABORTED",
  "UNEXPECTED",
]);

export interface Action {
  problems: Problem[];
  message: string;
  busy: boolean;
  /**
   * Shows `found` (checked in the client) or else runs `action`, whose result is the success
   * message. A refusal of the input without field details (BAD_INPUT, CONFLICT, …) is shown
   * beside `field` (or the field it names for the error code), the input it most likely
   * concerns. Resolves to whether it succeeded.
   */
  run: (found: Problem[], action: () => Promise<string>, field?: FieldFor) => Promise<boolean>;
  clear: () => void;
}

export function useAction(): Action {
  const { endSession } = useApp();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(found: Problem[], action: () => Promise<string>, field?: FieldFor) {
    setMessage("");
    setProblems(found);
    if (found.length) return false;
    setBusy(true);
    try {
      setMessage(await action());
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === "UNAUTHENTICATED") endSession("expired");
      const about =
        error instanceof ApiError && !error.fields.length && !NOT_ABOUT_INPUT.has(error.code)
          ? typeof field === "function"
            ? field(error.code)
            : field
          : undefined;
      setProblems(
        about ? [{ field: about, message: (error as ApiError).message }] : problemsFrom(error),
      );
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { problems, message, busy, run, clear: () => setProblems([]) };
}

/** "Please fill in {field}" for each empty required value: [field id, label, value]. */
export function required(fields: [string, string, string][], message: (label: string) => string) {
  return fields
    .filter(([, , value]) => !value.trim())
    .map(([field, label]) => ({ field, message: message(label) }));
}
