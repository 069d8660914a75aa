// The owner's private notes on one section: list, add, edit, delete. Nobody else reads them.
import { useRef, useState } from "preact/hooks";
import { request } from "../../api";
import { graphql } from "../../gql";
import type { Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { ErrorSummary, type Problem, problemsFrom } from "../Form";
import { formatDate } from "./HistoryDialog";

const CreateNote = graphql(`
  mutation CreatePrivateNote($personId: ID!, $section: Section!, $body: String!) {
    createPrivateNote(personId: $personId, section: $section, body: $body)
  }
`);
const UpdateNote = graphql(`
  mutation UpdatePrivateNote($personId: ID!, $noteId: ID!, $body: String!) {
    updatePrivateNote(personId: $personId, noteId: $noteId, body: $body)
  }
`);
const DeleteNote = graphql(`
  mutation DeletePrivateNote($personId: ID!, $noteId: ID!) {
    deletePrivateNote(personId: $personId, noteId: $noteId)
  }
`);

export interface Note {
  id?: string | null;
  body?: string | null;
  createdAt?: unknown;
  updatedAt?: unknown;
}

interface Props {
  personId: string;
  section: Section;
  notes: readonly Note[];
  /** Read the notes again (the screen's query). */
  reload: () => void;
}

export function PrivateNotes({ personId, section, notes, reload }: Props) {
  const [body, setBody] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  async function run(action: () => Promise<unknown>, done: string, field?: string) {
    setBusy(true);
    setProblems([]);
    try {
      await action();
      setStatus(done);
      reload();
      requestAnimationFrame(() => statusRef.current?.focus());
      return true;
    } catch (error) {
      setProblems(problemsFrom(error, field ? { body: field } : {}));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    if (!body.trim()) {
      setProblems([
        {
          field: "note-new",
          message: t("client.error.required", { field: t("client.notes.new") }),
        },
      ]);
      return;
    }
    if (
      await run(
        () => request(CreateNote, { personId, section, body }),
        t("client.notes.saved"),
        "note-new",
      )
    ) {
      setBody("");
    }
  }

  async function update(event: Event) {
    event.preventDefault();
    if (!editing) return;
    const field = `note-${editing.id}`;
    if (!editing.body.trim()) {
      setProblems([
        { field, message: t("client.error.required", { field: t("client.notes.edit") }) },
      ]);
      return;
    }
    const { id, body: text } = editing;
    if (
      await run(
        () => request(UpdateNote, { personId, noteId: id, body: text }),
        t("client.notes.saved"),
        field,
      )
    ) {
      setEditing(null);
    }
  }

  async function remove(id: string) {
    if (await run(() => request(DeleteNote, { personId, noteId: id }), t("client.notes.deleted"))) {
      setConfirming(null);
    }
  }

  return (
    <section class="private-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t("client.notes.count", { count: notes.length })}</h2>
      <p class="hint">{t("client.notes.intro")}</p>
      <ErrorSummary problems={problems} />
      <p
        ref={statusRef}
        role="status"
        tabIndex={-1}
        class={status ? "notice notice-success" : "visually-hidden"}
      >
        {status}
      </p>
      {notes.length === 0 && <p>{t("client.notes.empty")}</p>}
      <ul class="notes-list">
        {notes.map((note) => {
          const id = note.id ?? "";
          const date = formatDate(String(note.updatedAt ?? note.createdAt ?? ""), true);
          if (editing?.id === id) {
            const field = `note-${id}`;
            return (
              <li key={id} class="note">
                <form noValidate onSubmit={(event) => void update(event)}>
                  <div class="field">
                    <label for={field}>{t("client.notes.edit_label", { date })}</label>
                    <textarea
                      id={field}
                      rows={4}
                      value={editing.body}
                      onInput={(event) => setEditing({ id, body: event.currentTarget.value })}
                    />
                  </div>
                  <div class="button-row">
                    <button type="submit" disabled={busy}>
                      {t("client.notes.add")}
                    </button>
                    <button type="button" class="button-secondary" onClick={() => setEditing(null)}>
                      {t("client.biography.cancel")}
                    </button>
                  </div>
                </form>
              </li>
            );
          }
          return (
            <li key={id} class="note">
              <p class="note-body">{note.body}</p>
              <p class="hint">{t("client.notes.changed", { date })}</p>
              {confirming === id ? (
                <div class="confirm" role="group" aria-label={t("client.notes.delete_confirm")}>
                  <p>{t("client.notes.delete_confirm")}</p>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button-danger"
                      disabled={busy}
                      onClick={() => void remove(id)}
                    >
                      {t("client.notes.delete_yes")}
                    </button>
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => setConfirming(null)}
                    >
                      {t("client.biography.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <div class="button-row">
                  <button
                    type="button"
                    class="button-secondary"
                    onClick={() => {
                      setEditing({ id, body: note.body ?? "" });
                      requestAnimationFrame(() => document.getElementById(`note-${id}`)?.focus());
                    }}
                  >
                    {t("client.notes.edit")}
                  </button>
                  <button type="button" class="button-secondary" onClick={() => setConfirming(id)}>
                    {t("client.notes.delete")}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <form noValidate onSubmit={(event) => void add(event)} class="note-new">
        <div class="field">
          <label for="note-new">{t("client.notes.new")}</label>
          <textarea
            id="note-new"
            rows={3}
            value={body}
            onInput={(event) => setBody(event.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t("client.notes.add")}
        </button>
      </form>
    </section>
  );
}
