// The newcomer's correction requests (/my-corrections): a locked answer of their personal page
// (entered once, now changed only by caseworkers) can be proposed anew with a reason and an
// evidence document, uploaded here as an official document. Their requests with the decision.
import { useRef, useState } from "preact/hooks";
import { request, upload } from "../../api";
import { FileField, SelectField, TextAreaField } from "../../components/admin/fields";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { shownValue } from "../../components/casework/correctionValues";
import { correctionStateLabel } from "../../components/casework/labels";
import "../../components/casework/casework.css";
import { formatDateTime } from "../../components/releases/format";
import "../../components/releases/releases.css";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";

const MyCorrectionsQuery = graphql(`
  query MyCorrections {
    me {
      person {
        id
        correctionRequests {
          id
          question
          questionLabel
          currentValue
          proposedValue
          reason
          evidenceFileName
          state
          decisionReason
          createdAt
          decidedAt
        }
      }
    }
    questionnaire(page: "newcomer", section: PERSONAL) {
      questions {
        code
        kind
        label
        writeOnce
        options {
          code
          label
        }
      }
    }
  }
`);

const UploadEvidence = graphql(`
  mutation UploadCorrectionEvidence($personId: ID!, $file: Upload!) {
    uploadDocument(personId: $personId, category: OFFICIAL_DOCUMENT, file: $file) {
      id
    }
  }
`);

const RequestCorrection = graphql(`
  mutation RequestCorrection(
    $personId: ID!
    $question: String!
    $proposedValue: JSON!
    $reason: String!
    $evidenceDocumentId: ID!
  ) {
    requestCorrection(
      personId: $personId
      question: $question
      proposedValue: $proposedValue
      reason: $reason
      evidenceDocumentId: $evidenceDocumentId
    )
  }
`);

const WithdrawCorrection = graphql(`
  mutation WithdrawCorrection($personId: ID!, $correctionId: ID!) {
    withdrawCorrection(personId: $personId, correctionId: $correctionId)
  }
`);

const IDS = {
  question: "correction-question",
  proposedValue: "correction-value",
  reason: "correction-reason",
  evidenceDocumentId: "correction-evidence",
};

export default function MyCorrectionsScreen() {
  const { language } = useApp();
  const { data, error, loading, reload } = useQuery(MyCorrectionsQuery, {});
  const [code, setCode] = useState("");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const person = data?.me?.person;
  const questions = data?.questionnaire.flatMap((section) => section.questions) ?? [];
  const correctable = questions.filter(
    (q) => q.writeOnce && (q.kind === "TEXT" || q.kind === "DATE" || q.kind === "CHOICE"),
  );
  const question = correctable.find((q) => q.code === code);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    const required = (field: string, label: string) =>
      found.push({ field, message: t("client.error.required", { field: label }) });
    if (!question) required(IDS.question, t("client.casework.corrections.question"));
    if (!value.trim()) required(IDS.proposedValue, t("client.casework.corrections.proposed"));
    if (!reason.trim()) required(IDS.reason, t("client.casework.corrections.reason"));
    if (!file) required(IDS.evidenceDocumentId, t("client.casework.corrections.evidence"));
    setProblems(found);
    if (found.length || !person?.id || !file || !question) return;
    setBusy(true);
    try {
      const stored = await upload(
        UploadEvidence,
        { personId: person.id, file },
        {
          "variables.file": file,
        },
      );
      const evidenceDocumentId = stored.uploadDocument?.id;
      if (!evidenceDocumentId) throw new Error("no document");
      await request(RequestCorrection, {
        personId: person.id,
        question: question.code,
        proposedValue: value.trim(),
        reason,
        evidenceDocumentId,
      });
      setCode("");
      setValue("");
      setReason("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      setMessage(t("client.casework.corrections.requested"));
      reload();
    } catch (failure) {
      setProblems(problemsFrom(failure, IDS));
    } finally {
      setBusy(false);
    }
  }

  async function withdraw(correctionId: string) {
    if (!person?.id) return;
    setProblems([]);
    try {
      await request(WithdrawCorrection, { personId: person.id, correctionId });
      setMessage(t("client.casework.corrections.withdrawn"));
      reload();
    } catch (failure) {
      setProblems(problemsFrom(failure));
    }
  }

  return (
    <Page title={t("client.casework.corrections.my_title")}>
      <p>{t("client.casework.corrections.my_intro")}</p>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && (
        <form class="casework-form" onSubmit={(event) => void submit(event)} noValidate>
          <h2>{t("client.casework.corrections.new")}</h2>
          <SelectField
            id={IDS.question}
            label={t("client.casework.corrections.question")}
            choose={t("client.casework.choose")}
            value={code}
            options={correctable.map((q) => ({ value: q.code, label: q.label }))}
            onValue={(next) => {
              setCode(next);
              setValue("");
            }}
            error={errorFor(problems, IDS.question)}
          />
          {question?.kind === "CHOICE" ? (
            <SelectField
              id={IDS.proposedValue}
              label={t("client.casework.corrections.proposed")}
              choose={t("client.casework.choose")}
              value={value}
              options={question.options.map((o) => ({ value: o.code, label: o.label }))}
              onValue={setValue}
              error={errorFor(problems, IDS.proposedValue)}
            />
          ) : (
            <Field
              id={IDS.proposedValue}
              type={question?.kind === "DATE" ? "date" : "text"}
              label={t("client.casework.corrections.proposed")}
              value={value}
              onValue={setValue}
              error={errorFor(problems, IDS.proposedValue)}
            />
          )}
          <TextAreaField
            id={IDS.reason}
            label={t("client.casework.corrections.reason")}
            rows={3}
            value={reason}
            onValue={setReason}
            error={errorFor(problems, IDS.reason)}
          />
          <FileField
            id={IDS.evidenceDocumentId}
            label={t("client.casework.corrections.evidence")}
            hint={t("client.casework.corrections.evidence_hint")}
            accept="application/pdf,image/jpeg,image/png"
            inputRef={fileInput}
            onFile={setFile}
            error={errorFor(problems, IDS.evidenceDocumentId)}
          />
          <button type="submit" disabled={busy}>
            {t("client.casework.corrections.send")}
          </button>
        </form>
      )}
      <h2>{t("client.casework.corrections.my_list")}</h2>
      {data && !(person?.correctionRequests ?? []).length && (
        <p>{t("client.casework.corrections.my_none")}</p>
      )}
      <ul class="casework-list">
        {(person?.correctionRequests ?? []).map((c) => (
          <li key={c.id} class="casework-item correction">
            <h3>{c.questionLabel}</h3>
            <p class="casework-meta">
              {correctionStateLabel(c.state)} · {formatDateTime(c.createdAt, language)}
            </p>
            <dl class="casework-facts">
              <dt>{t("client.casework.corrections.current")}</dt>
              <dd>{shownValue(questions, c.question, c.currentValue)}</dd>
              <dt>{t("client.casework.corrections.proposed")}</dt>
              <dd>{shownValue(questions, c.question, c.proposedValue)}</dd>
              <dt>{t("client.casework.corrections.reason")}</dt>
              <dd>{c.reason}</dd>
              <dt>{t("client.casework.corrections.evidence")}</dt>
              <dd>{c.evidenceFileName}</dd>
              {c.decisionReason && (
                <>
                  <dt>{t("client.casework.corrections.decision_reason")}</dt>
                  <dd>{c.decisionReason}</dd>
                </>
              )}
            </dl>
            {c.state === "OPEN" && c.id && (
              <button
                type="button"
                class="button-secondary"
                onClick={() => void withdraw(c.id ?? "")}
              >
                {t("client.casework.corrections.withdraw")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
