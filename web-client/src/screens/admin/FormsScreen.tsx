// Pre-printed forms (blank PDFs) for everyone logged in: the published ones, a form to publish
// one (uploaded with progress), and withdrawing one after a confirmation.
import { useRef, useState } from "preact/hooks";
import { request, upload } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { FileField } from "../../components/admin/fields";
import { LANGUAGE_CODE } from "../../components/admin/labels";
import { SuccessNotice } from "../../components/admin/Notice";
import { required, useAction } from "../../components/admin/useAction";
import { formatSize } from "../../components/documents/labels";
import { ConfirmDialog } from "../../components/releases/ConfirmDialog";
import { formatDate } from "../../components/releases/format";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const FormsQuery = graphql(`
  query AdminForms {
    forms {
      id
      title
      language
      description
      fileName
      size
      publishedAt
      downloadPath
      rightToLeft
    }
  }
`);

const PublishForm = graphql(`
  mutation AdminPublishForm(
    $title: String!
    $language: String!
    $description: String
    $file: Upload!
  ) {
    publishForm(title: $title, language: $language, description: $description, file: $file) {
      id
      title
    }
  }
`);

const WithdrawForm = graphql(`
  mutation AdminWithdrawForm($formId: ID!) {
    withdrawForm(formId: $formId)
  }
`);

export default function FormsScreen() {
  const { language: interfaceLanguage } = useApp();
  const query = useQuery(FormsQuery, {});
  const action = useAction();
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState("");
  const [description, setDescription] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [pending, setPending] = useState<{ id: string; title: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const code = language.trim();
    const found: Problem[] = required(
      [
        ["form-title", t("client.admin.forms.form_title"), title],
        ["form-language", t("client.admin.forms.language"), language],
      ],
      (field) => t("client.error.required", { field }),
    );
    if (code && !LANGUAGE_CODE.test(code)) {
      found.push({ field: "form-language", message: t("client.admin.language_invalid") });
    }
    if (!file) found.push({ field: "form-file", message: t("client.admin.forms.file_missing") });
    const done = await action.run(
      found,
      async () => {
        if (!file) return "";
        setProgress(0);
        try {
          const answer = await upload(
            PublishForm,
            { title: title.trim(), language: code, description: description.trim() || null, file },
            { "variables.file": file },
            {
              onProgress: ({ loaded, total }) =>
                setProgress(total ? Math.round((loaded / total) * 100) : 0),
            },
          );
          return t("client.admin.forms.published", { title: answer.publishForm.title });
        } finally {
          setProgress(null);
        }
      },
      // the server names what it refuses (not a PDF, too large, a bad title or language)
      "form-file",
    );
    if (done) {
      setTitle("");
      setDescription("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      query.reload();
    }
  }

  async function withdraw() {
    if (!pending) return;
    const { id, title: withdrawn } = pending;
    const done = await action.run([], async () => {
      await request(WithdrawForm, { formId: id });
      return t("client.admin.forms.withdrawn", { title: withdrawn });
    });
    setPending(null);
    if (done) query.reload();
  }

  const forms = query.data?.forms ?? [];
  const uploading = progress !== null;

  return (
    <Page title={t("client.admin.forms.title")}>
      <p>{t("client.admin.forms.intro")}</p>
      <SuccessNotice message={action.message} />
      <section aria-labelledby="form-new" class="admin-form">
        <h2 id="form-new">{t("client.admin.forms.new")}</h2>
        <ErrorSummary problems={action.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            id="form-title"
            label={t("client.admin.forms.form_title")}
            autocomplete="off"
            dir="auto"
            value={title}
            onValue={setTitle}
            error={errorFor(action.problems, "form-title")}
          />
          <Field
            id="form-language"
            label={t("client.admin.forms.language")}
            hint={t("client.admin.language_hint")}
            autocomplete="off"
            maxLength={8}
            value={language}
            onValue={setLanguage}
            error={errorFor(action.problems, "form-language")}
          />
          <Field
            id="form-description"
            label={t("client.admin.forms.description")}
            hint={t("client.admin.optional")}
            autocomplete="off"
            dir="auto"
            value={description}
            onValue={setDescription}
            error={errorFor(action.problems, "form-description")}
          />
          <FileField
            id="form-file"
            label={t("client.admin.forms.file")}
            hint={t("client.admin.forms.file_hint")}
            accept="application/pdf,.pdf"
            inputRef={fileInput}
            onFile={setFile}
            error={errorFor(action.problems, "form-file")}
          />
          {uploading && (
            <div class="field upload-progress">
              <label for="form-progress">
                {t("client.documents.progress", { percent: progress ?? 0 })}
              </label>
              <progress id="form-progress" max={100} value={progress ?? 0} />
            </div>
          )}
          <button type="submit" disabled={action.busy}>
            {t("client.admin.forms.publish")}
          </button>
        </form>
      </section>
      <h2 id="form-list">{t("client.admin.forms.list")}</h2>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && forms.length === 0 && <p>{t("client.admin.forms.none")}</p>}
      {forms.length > 0 && (
        <ul class="card-list" aria-labelledby="form-list">
          {forms.map((f) => (
            <li key={f.id} class="card admin-published-form">
              <p class="card-title" lang={f.language} dir={f.rightToLeft ? "rtl" : "ltr"}>
                {f.title}
              </p>
              {f.description && (
                <p lang={f.language} dir={f.rightToLeft ? "rtl" : "ltr"}>
                  {f.description}
                </p>
              )}
              <p class="card-meta">
                {t("client.admin.forms.meta", {
                  lang: `${languageName(f.language)} (${f.language})`,
                  size: formatSize(f.size, interfaceLanguage),
                  date: formatDate(f.publishedAt, interfaceLanguage),
                })}
              </p>
              <div class="button-row">
                <a class="button button-secondary" href={f.downloadPath} download={f.fileName}>
                  {t("client.documents.download")}
                  <span class="visually-hidden">: {f.title}</span>
                </a>
                <button
                  type="button"
                  class="button-secondary button-danger-outline"
                  onClick={() => setPending({ id: f.id, title: f.title })}
                >
                  {t("client.admin.forms.withdraw")}
                  <span class="visually-hidden">: {f.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        id="withdraw-dialog"
        open={pending !== null}
        title={t("client.admin.forms.withdraw_title", { title: pending?.title ?? "" })}
        confirmLabel={t("client.admin.forms.withdraw_confirm")}
        cancelLabel={t("client.documents.cancel")}
        busy={action.busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setPending(null)}
      >
        <p>{t("client.admin.forms.withdraw_text")}</p>
      </ConfirmDialog>
    </Page>
  );
}
