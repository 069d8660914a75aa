// Form fields the shared Form.tsx does not have (a choice, a longer text, a file), built the same
// way: a label, an optional hint and the translated error tied to the control by aria-describedby.
import type { ComponentChildren, Ref } from "preact";

interface Described {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function describedBy({ id, hint, error }: Described): string | undefined {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

/** Label, hint and error above a control, as Field in Form.tsx shows them. */
function Frame({ id, label, hint, error, children }: Described & { children: ComponentChildren }) {
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
      {children}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled <select>; `choose` is the empty first option ("Please choose"), if any. */
export function SelectField(
  props: Described & {
    value: string;
    options: Option[];
    choose?: string;
    onValue: (value: string) => void;
  },
) {
  const { id, value, options, choose, onValue, error } = props;
  return (
    <Frame {...props}>
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {choose !== undefined && <option value="">{choose}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A labelled <textarea> for longer texts (a declaration's Markdown). */
export function TextAreaField(
  props: Described & { value: string; rows?: number; onValue: (value: string) => void },
) {
  const { id, value, rows, onValue, error } = props;
  return (
    <Frame {...props}>
      <textarea
        id={id}
        name={id}
        rows={rows ?? 8}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </Frame>
  );
}

/** A labelled file input; the caller keeps the chosen file. */
export function FileField(
  props: Described & {
    accept: string;
    inputRef: Ref<HTMLInputElement>;
    onFile: (file: File | null) => void;
  },
) {
  const { id, accept, inputRef, onFile, error } = props;
  return (
    <Frame {...props}>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
      />
    </Frame>
  );
}
