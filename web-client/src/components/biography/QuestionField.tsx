// One question of a section, rendered for its kind: choice (radios for a few options, a select
// for many), multi-choice (checkboxes, filterable when long), yes/no, text, date, number, and
// entries (repeatable groups). Hints and errors are tied to the inputs with aria-describedby.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { type DraftValue, type Entry, inputId, newEntry, type Question } from "./model";

const RADIO_LIMIT = 5;
const FILTER_FROM = 12;

export interface FieldContext {
  /** Error per input id. */
  errors: Record<string, string>;
  /** Show the German label beside the translated one. */
  german: boolean;
}

interface Props {
  question: Question;
  value: DraftValue | undefined;
  onChange: (value: DraftValue) => void;
  context: FieldContext;
  /** For the fields of an entry: the entry's index (part of the ids). */
  entry?: number | undefined;
  /** For the fields of an entry: the entries question's code. */
  parent?: string | undefined;
  /** The question's history button, if it has a history. */
  extra?: ComponentChildren;
}

function described(...ids: (string | false | undefined)[]): string | undefined {
  const found = ids.filter(Boolean).join(" ");
  return found || undefined;
}

export function German({ question, context }: { question: Question; context: FieldContext }) {
  if (!context.german || question.labelDe === question.label) return null;
  return (
    <span class="label-de" lang="de" dir="ltr">
      {question.labelDe}
    </span>
  );
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="error-message">
      {message}
    </p>
  );
}

export function QuestionField({ question, value, onChange, context, entry, parent, extra }: Props) {
  const id =
    entry === undefined ? inputId(question.code) : inputId(parent ?? "entry", entry, question.code);
  const error = context.errors[id];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const text = typeof value === "string" ? value : "";
  const writeOnce = question.writeOnce && entry === undefined;
  const writeOnceHint = writeOnce ? <p class="hint">{t("client.biography.write_once")}</p> : null;

  switch (question.kind) {
    case "TEXT":
    case "DATE":
    case "NUMBER": {
      const hint =
        question.kind === "NUMBER"
          ? t("client.biography.range", { min: question.minimum, max: question.maximum })
          : question.kind === "TEXT" && question.maxLength < 500
            ? t("client.biography.max_length", { max: question.maxLength })
            : undefined;
      const common = {
        id,
        name: id,
        value: text,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described(hint && hintId, error && errorId, writeOnce && `${id}-once`),
      };
      return (
        <div class={error ? "field question field-error" : "field question"}>
          <label for={id}>{question.label}</label>
          <German question={question} context={context} />
          {hint && (
            <p id={hintId} class="hint">
              {hint}
            </p>
          )}
          {writeOnce && (
            <p id={`${id}-once`} class="hint">
              {t("client.biography.write_once")}
            </p>
          )}
          <ErrorText id={errorId} message={error} />
          {question.kind === "TEXT" && question.maxLength > 200 ? (
            <textarea
              {...common}
              rows={3}
              maxLength={question.maxLength}
              onInput={(event) => onChange(event.currentTarget.value)}
            />
          ) : (
            <input
              {...common}
              type={
                question.kind === "DATE" ? "date" : question.kind === "NUMBER" ? "number" : "text"
              }
              inputMode={question.kind === "NUMBER" ? "numeric" : undefined}
              maxLength={question.kind === "TEXT" ? question.maxLength : undefined}
              min={
                question.kind === "NUMBER"
                  ? question.minimum
                  : question.kind === "DATE"
                    ? "1900-01-01"
                    : undefined
              }
              max={question.kind === "NUMBER" ? question.maximum : undefined}
              step={question.kind === "NUMBER" ? 1 : undefined}
              onInput={(event) => onChange(event.currentTarget.value)}
            />
          )}
          {extra}
        </div>
      );
    }
    case "BOOLEAN":
    case "CHOICE": {
      const options =
        question.kind === "BOOLEAN"
          ? [
              { code: "true", label: t("client.biography.yes") },
              { code: "false", label: t("client.biography.no") },
            ]
          : question.options;
      if (options.length > RADIO_LIMIT) {
        return (
          <div class={error ? "field question field-error" : "field question"}>
            <label for={id}>{question.label}</label>
            <German question={question} context={context} />
            {writeOnce && (
              <p id={`${id}-once`} class="hint">
                {t("client.biography.write_once")}
              </p>
            )}
            <ErrorText id={errorId} message={error} />
            <select
              id={id}
              name={id}
              value={text}
              aria-invalid={error ? true : undefined}
              aria-describedby={described(error && errorId, writeOnce && `${id}-once`)}
              onChange={(event) => onChange(event.currentTarget.value)}
            >
              <option value="">{t("client.biography.choose")}</option>
              {options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
            {extra}
          </div>
        );
      }
      return (
        <fieldset
          class={error ? "question choice-group field-error" : "question choice-group"}
          id={id}
          tabIndex={-1}
          aria-describedby={described(error && errorId)}
        >
          <legend>{question.label}</legend>
          <German question={question} context={context} />
          {writeOnceHint}
          <ErrorText id={errorId} message={error} />
          <div class={question.kind === "BOOLEAN" ? "options options-inline" : "options"}>
            {options.map((option) => (
              <label key={option.code} class="option">
                <input
                  type="radio"
                  name={id}
                  value={option.code}
                  checked={text === option.code}
                  onChange={() => onChange(option.code)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
          {text && (
            <button type="button" class="link-button clear-choice" onClick={() => onChange("")}>
              {t("client.biography.no_answer")}
            </button>
          )}
          {extra}
        </fieldset>
      );
    }
    case "MULTI_CHOICE":
      return (
        <MultiChoice
          question={question}
          id={id}
          value={value}
          onChange={onChange}
          context={context}
          extra={extra}
        />
      );
    case "ENTRIES":
      return (
        <Entries
          question={question}
          id={id}
          value={value}
          onChange={onChange}
          context={context}
          extra={extra}
        />
      );
    default:
      return null;
  }
}

function MultiChoice({ question, id, value, onChange, context, extra }: Props & { id: string }) {
  const [filter, setFilter] = useState("");
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const error = context.errors[id];
  const long = question.options.length > FILTER_FROM;
  const needle = filter.trim().toLocaleLowerCase();
  const shown = question.options.filter(
    (option) =>
      !needle || chosen.includes(option.code) || option.label.toLocaleLowerCase().includes(needle),
  );
  return (
    <fieldset
      class={error ? "question choice-group field-error" : "question choice-group"}
      id={id}
      tabIndex={-1}
      aria-describedby={described(error && `${id}-error`)}
    >
      <legend>{question.label}</legend>
      <German question={question} context={context} />
      <ErrorText id={`${id}-error`} message={error} />
      {long && (
        <div class="field option-filter">
          <label for={`${id}-filter`}>{t("client.biography.filter_options")}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
        </div>
      )}
      <div class={long ? "options options-scroll" : "options"}>
        {shown.map((option) => (
          <label key={option.code} class="option">
            <input
              type="checkbox"
              name={id}
              value={option.code}
              checked={chosen.includes(option.code)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked
                    ? [...chosen, option.code]
                    : chosen.filter((code) => code !== option.code),
                )
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {extra}
    </fieldset>
  );
}

function Entries({ question, id, value, onChange, context, extra }: Props & { id: string }) {
  const entries = Array.isArray(value) ? (value as Entry[]) : [];
  const error = context.errors[id];

  function focusLater(selector: string) {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
  }

  return (
    <fieldset
      class={error ? "question entries field-error" : "question entries"}
      id={id}
      tabIndex={-1}
      aria-describedby={described(error && `${id}-error`)}
    >
      <legend>{question.label}</legend>
      <German question={question} context={context} />
      <ErrorText id={`${id}-error`} message={error} />
      {entries.length === 0 && <p class="hint">{t("client.biography.no_entries")}</p>}
      {entries.map((entry, index) => {
        const number = index + 1;
        return (
          <fieldset key={entry.key} class="entry" id={`${id}-entry-${index}`}>
            <legend>{t("client.biography.entry", { number })}</legend>
            {(question.fields ?? []).map((field) => (
              <QuestionField
                key={field.code}
                question={field}
                value={entry.values[field.code] ?? ""}
                context={context}
                entry={index}
                parent={question.code}
                onChange={(next) =>
                  onChange(
                    entries.map((e, i) =>
                      i === index
                        ? { ...e, values: { ...e.values, [field.code]: String(next) } }
                        : e,
                    ),
                  )
                }
              />
            ))}
            <button
              type="button"
              class="button-secondary"
              onClick={() => {
                onChange(entries.filter((_, i) => i !== index));
                focusLater(`#${id}-add`);
              }}
            >
              {t("client.biography.remove_entry", { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="button-secondary"
        id={`${id}-add`}
        onClick={() => {
          onChange([...entries, newEntry()]);
          focusLater(`#${id}-entry-${entries.length} input, #${id}-entry-${entries.length} select`);
        }}
      >
        {t("client.biography.add_entry")}
      </button>
      {extra}
    </fieldset>
  );
}
