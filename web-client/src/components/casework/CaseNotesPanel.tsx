// The case-notes tab of the person view: the team's notes, newest first, and the form to write
// one. Only the author changes or deletes a note; the form says that the newcomer reads every
// note in their own data export, so nothing is written that could not be shown to them.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { PersonCaseNotesQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { TextAreaField } from "../admin/fields";
import type { PanelProps } from "../caseload/personTabs";
import { ErrorSummary, errorFor, type Problem, problemsFrom } from "../Form";
import { ConfirmDialog } from "../releases/ConfirmDialog";
import { formatDateTime } from "../releases/format";
import "../releases/releases.css";
import { LoadError, Loading } from "../Status";
import "./casework.css";

const PersonCaseNotesQuery = graphql(`
  query PersonCaseNotes($personId: ID!) {
    person(personId: $personId) {
      id
      caseNotes {
        id
        body
        movesWithCase
        teamName
        authorName
        writtenByCaller
        createdAt
        updatedAt
      }
    }
  }
`);

const WriteCaseNote = graphql(`
  mutation WriteCaseNote($personId: ID!, $body: String!, $movesWithCase: Boolean!) {
    writeCaseNote(personId: $personId, body: $body, movesWithCase: $movesWithCase) {
      id
    }
  }
`);

const UpdateCaseNote = graphql(`
  mutation UpdateCaseNote($personId: ID!, $noteId: ID!, $body: String!, $movesWithCase: Boolean!) {
    updateCaseNote(
      personId: $personId
      noteId: $noteId
      body: $body
      movesWithCase: $movesWithCase
    ) {
      id
    }
  }
`);

const DeleteCaseNote = graphql(`
  mutation DeleteCaseNote($personId: ID!, $noteId: ID!) {
    deleteCaseNote(personId: $personId, noteId: $noteId)
  }
`);

type Note = NonNullable<
  NonNullable<NonNullable<PersonCaseNotesQuery["person"]>["caseNotes"]>[number]
>;

const MAX_BODY = 4000; // mobio/casenotes/service.py; the server checks it too

/** Writing a new note, or changing one (`note`). */
function NoteForm({
  personId,
  note,
  onSaved,
  onCancel,
}: {
  personId: string;
  note?: Note;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const prefix = note ? `note-${note.id}` : "new-note";
  const [body, setBody] = useState(note?.body ?? "");
  const [moves, setMoves] = useState(note?.movesWithCase ?? false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!body.trim()) {
      setProblems([
        {
          field: `${prefix}-body`,
          message: t("client.error.required", { field: t("client.casework.notes.body") }),
        },
      ]);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      if (note?.id) {
        await request(UpdateCaseNote, { personId, noteId: note.id, body, movesWithCase: moves });
        onSaved(t("client.casework.notes.updated"));
      } else {
        await request(WriteCaseNote, { personId, body, movesWithCase: moves });
        setBody("");
        setMoves(false);
        onSaved(t("client.casework.notes.saved"));
      }
    } catch (error) {
      setProblems(problemsFrom(error, { body: `${prefix}-body` }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="casework-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={problems} />
      <TextAreaField
        id={`${prefix}-body`}
        label={t(note ? "client.casework.notes.body_edit" : "client.casework.notes.body")}
        hint={t("client.casework.notes.export_hint")}
        rows={5}
        value={body}
        onValue={setBody}
        error={errorFor(problems, `${prefix}-body`)}
      />
      <p class="hint">{t("client.casework.notes.length", { max: MAX_BODY })}</p>
      <div class="field checkbox">
        <input
          id={`${prefix}-moves`}
          type="checkbox"
          checked={moves}
          onChange={(event) => setMoves(event.currentTarget.checked)}
          aria-describedby={`${prefix}-moves-hint`}
        />
        <label for={`${prefix}-moves`}>{t("client.casework.notes.moves_with_case")}</label>
        <p id={`${prefix}-moves-hint`} class="hint">
          {t("client.casework.notes.moves_with_case_hint")}
        </p>
      </div>
      <div class="button-row">
        <button type="submit" disabled={busy}>
          {t(note ? "client.casework.notes.update" : "client.casework.notes.save")}
        </button>
        {onCancel && (
          <button type="button" class="button-secondary" onClick={onCancel}>
            {t("client.casework.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

export function CaseNotesPanel({ personId }: PanelProps) {
  const { language } = useApp();
  const { data, error, loading, reload } = useQuery(PersonCaseNotesQuery, { personId });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const notes = data?.person?.caseNotes ?? [];

  function saved(text: string) {
    setMessage(text);
    setEditing(null);
    reload();
  }

  async function remove() {
    if (!deleting?.id) return;
    setProblems([]);
    setBusy(true);
    try {
      await request(DeleteCaseNote, { personId, noteId: deleting.id });
      saved(t("client.casework.notes.deleted"));
    } catch (failure) {
      setProblems(problemsFrom(failure));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  }

  return (
    <section aria-labelledby="case-notes-title" class="casework-panel">
      <h2 id="case-notes-title">{t("client.casework.notes.title")}</h2>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      <h3>{t("client.casework.notes.new")}</h3>
      <NoteForm personId={personId} onSaved={saved} />
      <h3>{t("client.casework.notes.list")}</h3>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && notes.length === 0 && <p>{t("client.casework.notes.none")}</p>}
      <ul class="casework-list">
        {notes.map((note) => (
          <li key={note.id} class="casework-item case-note">
            {editing === note.id ? (
              <NoteForm
                personId={personId}
                note={note}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p class="casework-meta">
                  {t("client.casework.notes.by", {
                    author: note.authorName ?? "",
                    team: note.teamName ?? "",
                    date: formatDateTime(note.createdAt, language),
                  })}
                </p>
                <p class="case-note-body">{note.body}</p>
                {note.movesWithCase && (
                  <p class="casework-flag">{t("client.casework.notes.moves_flag")}</p>
                )}
                {note.writtenByCaller && (
                  <div class="button-row">
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => setEditing(note.id ?? null)}
                    >
                      {t("client.casework.notes.edit")}
                    </button>
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => setDeleting(note)}
                    >
                      {t("client.casework.notes.delete")}
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        id="delete-note-dialog"
        open={deleting !== null}
        title={t("client.casework.notes.delete_title")}
        confirmLabel={t("client.casework.notes.delete")}
        cancelLabel={t("client.casework.cancel")}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t("client.casework.notes.delete_text")}</p>
      </ConfirmDialog>
    </section>
  );
}
