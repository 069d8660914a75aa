// Form building blocks: labelled fields with hints and inline errors, and an error summary that
// is announced (aria-live) and focused, with links to the fields in error.
import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiError } from "../api";
import { t } from "../i18n";

/** One problem of a form; `field` is the id of the input it belongs to, if any. */
export interface Problem {
  field?: string;
  message: string;
}

/** Problems from a failed request: per-field errors of the server, else its message. */
export function problemsFrom(error: unknown, fieldIds: Record<string, string> = {}): Problem[] {
  if (!(error instanceof ApiError)) return [{ message: t("client.error.unexpected") }];
  if (error.fields.length) {
    return error.fields.map((f) => {
      const id = fieldIds[f.field];
      return id ? { field: id, message: f.message } : { message: f.message };
    });
  }
  return [{ message: error.message }];
}

export function ErrorSummary({ problems }: { problems: Problem[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) box.current?.focus();
  }, [problems]);
  // The live region stays in the page so that screen readers announce what appears in it.
  return (
    <div
      ref={box}
      class={problems.length ? "error-summary" : "visually-hidden"}
      tabIndex={-1}
      aria-live="assertive"
    >
      {problems.length > 0 && (
        <>
          <h2>{t("client.error.summary")}</h2>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.field ? (
                  <a href={`#${problem.field}`}>{problem.message}</a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "label" | "value"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
};

/** A labelled text-like input; hint and error are tied to it with aria-describedby. */
export function Field({ id, label, hint, error, value, onValue, ...rest }: InputProps) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error-message">
          {error}
        </p>
      )}
      <input
        {...rest}
        id={id}
        name={id}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** The error of one field among the problems, for showing it beside the field. */
export function errorFor(problems: Problem[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
