// The form of a section: the open questions that are shown given the answers so far (a
// condition hides a question until its answer fits), and the save button.
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";
import { type Draft, type DraftValue, isShown, type Question } from "./model";
import { type FieldContext, QuestionField } from "./QuestionField";

interface Props {
  questions: Question[];
  byCode: Map<string, Question>;
  draft: Draft;
  onChange: (code: string, value: DraftValue) => void;
  context: FieldContext;
  historyButton: (question: Question) => ComponentChildren;
  saving: boolean;
  onSubmit: (event: Event) => Promise<void>;
}

export function SectionForm(props: Props) {
  const { questions, byCode, draft, onChange, context, historyButton, saving, onSubmit } = props;
  return (
    <form noValidate class="section-form" onSubmit={(event) => void onSubmit(event)}>
      {questions
        .filter((question) => isShown(question, byCode, draft))
        .map((question) => (
          <QuestionField
            key={question.code}
            question={question}
            value={draft[question.code]}
            onChange={(value) => onChange(question.code, value)}
            context={context}
            extra={historyButton(question)}
          />
        ))}
      <div class="save-bar">
        <button type="submit" disabled={saving}>
          {saving ? t("client.biography.saving") : t("client.biography.save")}
        </button>
      </div>
    </form>
  );
}
