// The editing state of one section: its answers as read (base) and as typed (draft), and the
// save with its outcomes: problems, a status line, or a version conflict that keeps the input
// and offers to apply it again. A hook, so the screen only wires this state to the markup.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api";
import type { Problem } from "../Form";
import { t } from "../../i18n";
import {
  changesOf,
  type Draft,
  type DraftValue,
  draftFrom,
  editedCodes,
  type Question,
} from "./model";
import { saveSection, type SectionTarget } from "./saveSection";
import type { SectionData } from "./pageModel";
import { draftProblems, saveProblems } from "./sectionProblems";

export interface StatusLine {
  text: string;
  tone: "success" | "info";
}

interface Options {
  questions: Question[];
  byCode: Map<string, Question>;
  /** The section's answers as read; null or undefined while there are none. */
  answers: SectionData | null | undefined;
  /** Codes of the answers the newcomer can no longer change (never sent). */
  locked: ReadonlySet<string>;
  target: SectionTarget;
  /** Reads the section again (after a save or a conflict). */
  reload: () => void;
}

export function useSectionSave({ questions, byCode, answers, locked, target, reload }: Options) {
  const [base, setBase] = useState<Draft>({});
  const [draft, setDraft] = useState<Draft>({});
  const loadedKey = useRef<string>("");
  const [conflict, setConflict] = useState<Record<string, DraftValue> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const [saving, setSaving] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  // New answers from the server (first load, after a save, after a conflict): the form shows
  // them. The same version again (e.g. the language changed) keeps what is being typed.
  const key = `${target.kind}/${target.memberId ?? ""}/${target.slug}/${target.version}`;
  useEffect(() => {
    if (!questions.length) return;
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    const fresh = draftFrom(questions, answers as Record<string, unknown> | null);
    setBase(fresh);
    setDraft(fresh);
  }, [questions, answers, key]);

  function change(code: string, value: DraftValue) {
    setDraft((previous) => ({ ...previous, [code]: value }));
  }

  function showStatus(text: string, tone: StatusLine["tone"]) {
    setStatus({ text, tone });
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    setStatus(null);
    const found = draftProblems(questions, draft, byCode);
    setProblems(found);
    if (found.length) return;
    const changes = changesOf(questions, base, draft, locked);
    if (!Object.keys(changes).length) {
      showStatus(t("client.biography.no_changes"), "info");
      return;
    }
    setSaving(true);
    try {
      await saveSection(target, changes);
      setConflict(null);
      reload();
      showStatus(t("client.biography.saved"), "success");
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "VERSION_CONFLICT") {
        // Keep what was typed, show the current answers, offer to apply the input again.
        const edited = editedCodes(questions, base, draft).map((code) => [code, draft[code]]);
        setConflict(Object.fromEntries(edited) as Record<string, DraftValue>);
        reload();
        requestAnimationFrame(() => conflictRef.current?.focus());
      } else {
        setProblems(saveProblems(caught, questions));
      }
    } finally {
      setSaving(false);
    }
  }

  function reapply() {
    if (!conflict) return;
    setDraft((current) => ({ ...current, ...conflict }));
    setConflict(null);
    showStatus(t("client.biography.reapplied"), "info");
  }

  return {
    draft,
    change,
    problems,
    status,
    saving,
    conflict,
    save,
    reapply,
    discard: () => setConflict(null),
    statusRef,
    conflictRef,
  };
}
