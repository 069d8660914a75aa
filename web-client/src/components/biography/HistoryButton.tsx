// The "history" button beside an answer that has logged changes; it opens the HistoryDialog.
// Shared by the open questions (SectionForm) and the read-only ones (LockedAnswers).
import { t } from "../../i18n";
import type { Question } from "./model";

interface Props {
  question: Question;
  /** Codes of the questions with a history. */
  logged: ReadonlySet<string>;
  onOpen: (question: Question) => void;
}

export function HistoryButton({ question, logged, onOpen }: Props) {
  if (!logged.has(question.code)) return null;
  return (
    <button
      type="button"
      class="history-button link-button"
      aria-label={t("client.biography.history_of", { label: question.label })}
      onClick={() => onOpen(question)}
    >
      {t("client.biography.history")}
    </button>
  );
}
