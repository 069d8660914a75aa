// The answers the newcomer can no longer change (write-once answers once set), shown read-only
// above the form, each with its history button.
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";
import { displayValue } from "./HistoryDialog";
import type { Draft, Question } from "./model";
import { type FieldContext, German } from "./QuestionField";

interface Props {
  questions: Question[];
  /** The heading and explanation; by default the owner's (write-once answers). */
  title?: string;
  body?: string;
  draft: Draft;
  context: FieldContext;
  historyButton: (question: Question) => ComponentChildren;
}

export function LockedAnswers({ questions, title, body, draft, context, historyButton }: Props) {
  return (
    <section class="locked-answers" aria-labelledby="locked-title">
      <h2 id="locked-title">{title ?? t("client.biography.locked_title")}</h2>
      <p>{body ?? t("client.biography.locked_body")}</p>
      <dl>
        {questions.map((question) => (
          <div key={question.code} class="locked-answer">
            <dt>
              {question.label}
              <German question={question} context={context} />
            </dt>
            <dd>
              {displayValue(question, draft[question.code]) || t("client.biography.no_answer")}
              {historyButton(question)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
