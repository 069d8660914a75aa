// Documents per category: upload with progress (GraphQL multipart through api.ts upload()),
// open/download from /documents/{id} with the session cookie, delete after a confirmation;
// and the pre-printed forms in the reader's language, downloaded from /forms/{id}.
import { useRef, useState } from "preact/hooks";
import { ApiError, request, upload } from "../../api";
import { ErrorSummary, errorFor, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import {
  ACCEPTED_TYPES,
  CATEGORIES,
  categoryLabel,
  formatSize,
  UPLOAD_LIMIT_MB,
} from "../../components/documents/labels";
import { ConfirmDialog } from "../../components/releases/ConfirmDialog";
import { formatDate } from "../../components/releases/format";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { DocumentCategory } from "../../gql/graphql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";

/** One query: the own documents and the forms in the interface language. */
const DocumentsScreenQuery = graphql(`
  query DocumentsScreen($language: String) {
    me {
      person {
        id
        documents {
          id
          category
          fileName
          contentType
          size
          uploadedAt
        }
      }
    }
    forms(language: $language) {
      id
      title
      language
      description
      fileName
      size
      downloadPath
      rightToLeft
    }
  }
`);

const UploadDocument = graphql(`
  mutation UploadDocument($personId: ID!, $category: DocumentCategory!, $file: Upload!) {
    uploadDocument(personId: $personId, category: $category, file: $file) {
      id
      fileName
    }
  }
`);

const DeleteDocument = graphql(`
  mutation DeleteDocument($personId: ID!, $documentId: ID!) {
    deleteDocument(personId: $personId, documentId: $documentId)
  }
`);

export default function DocumentsScreen() {
  const { language } = useApp();
  const query = useQuery(DocumentsScreenQuery, { language });
  const person = query.data?.me?.person;
  const [category, setCategory] = useState<DocumentCategory | "">("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!category)
      found.push({ field: "upload-category", message: t("client.documents.category_missing") });
    if (!file) found.push({ field: "upload-file", message: t("client.documents.file_missing") });
    setProblems(found);
    setMessage("");
    if (found.length || !file || !category || !person?.id) return;
    setProgress(0);
    try {
      const answer = await upload(
        UploadDocument,
        { personId: person.id, category, file },
        { "variables.file": file },
        {
          onProgress: ({ loaded, total }) =>
            setProgress(total ? Math.round((loaded / total) * 100) : 0),
        },
      );
      setMessage(
        t("client.documents.uploaded", { name: answer.uploadDocument?.fileName ?? file.name }),
      );
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      query.reload();
    } catch (error) {
      const field = error instanceof ApiError && !error.fields.length ? "upload-file" : undefined;
      setProblems(
        field
          ? [{ field, message: (error as ApiError).message }]
          : problemsFrom(error, { category: "upload-category", file: "upload-file" }),
      );
    } finally {
      setProgress(null);
    }
  }

  async function remove() {
    if (!pending || !person?.id) return;
    setBusy(true);
    setProblems([]);
    try {
      await request(DeleteDocument, { personId: person.id, documentId: pending.id });
      setMessage(t("client.documents.deleted", { name: pending.name }));
      query.reload();
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  const documents = person?.documents ?? [];
  const filled = CATEGORIES.filter((c) => documents.some((d) => d.category === c));
  const categoryError = errorFor(problems, "upload-category");
  const fileError = errorFor(problems, "upload-file");
  const uploading = progress !== null;

  return (
    <Page title={t("client.documents.title")}>
      <p>{t("client.documents.intro")}</p>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      {person && (
        <>
          <section aria-labelledby="upload-heading" class="upload">
            <h2 id="upload-heading">{t("client.documents.upload")}</h2>
            <ErrorSummary problems={problems} />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <div class={categoryError ? "field field-error" : "field"}>
                <label for="upload-category">{t("client.documents.category")}</label>
                <p id="upload-category-hint" class="hint">
                  {t("client.documents.miscellaneous_private")}
                </p>
                {categoryError && (
                  <p id="upload-category-error" class="error-message">
                    {categoryError}
                  </p>
                )}
                <select
                  id="upload-category"
                  value={category}
                  aria-invalid={categoryError ? true : undefined}
                  aria-describedby={[
                    "upload-category-hint",
                    categoryError ? "upload-category-error" : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                  onChange={(event) =>
                    setCategory(event.currentTarget.value as DocumentCategory | "")
                  }
                >
                  <option value="">{t("client.documents.category_choose")}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {categoryLabel(c)}
                    </option>
                  ))}
                </select>
              </div>
              <div class={fileError ? "field field-error" : "field"}>
                <label for="upload-file">{t("client.documents.file")}</label>
                <p id="upload-file-hint" class="hint">
                  {t("client.documents.file_hint", { size: UPLOAD_LIMIT_MB })}
                </p>
                {fileError && (
                  <p id="upload-file-error" class="error-message">
                    {fileError}
                  </p>
                )}
                <input
                  ref={fileInput}
                  id="upload-file"
                  type="file"
                  accept={ACCEPTED_TYPES}
                  aria-invalid={fileError ? true : undefined}
                  aria-describedby={["upload-file-hint", fileError ? "upload-file-error" : ""]
                    .filter(Boolean)
                    .join(" ")}
                  onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
                />
              </div>
              {uploading && (
                <div class="field upload-progress">
                  <label for="upload-progress">
                    {t("client.documents.progress", { percent: progress ?? 0 })}
                  </label>
                  <progress id="upload-progress" max={100} value={progress ?? 0} />
                </div>
              )}
              <button type="submit" disabled={uploading}>
                {t("client.documents.upload_submit")}
              </button>
            </form>
          </section>

          <h2 id="documents-heading">{t("client.documents.list")}</h2>
          {filled.length === 0 && <p>{t("client.documents.none")}</p>}
          {filled.map((c) => (
            <section key={c} class="document-category" aria-labelledby={`category-${c}`}>
              <h3 id={`category-${c}`}>{categoryLabel(c)}</h3>
              {c === "MISCELLANEOUS" && (
                <p class="hint">{t("client.documents.miscellaneous_private")}</p>
              )}
              <ul class="card-list">
                {documents
                  .filter((d) => d.category === c)
                  .map((d) => (
                    <li key={d.id} class="card document">
                      <p class="card-title file-name" dir="auto">
                        {d.fileName}
                      </p>
                      <p class="card-meta">
                        {t("client.documents.uploaded_on", {
                          date: formatDate(d.uploadedAt, language),
                          size: formatSize(d.size ?? 0, language),
                        })}
                      </p>
                      <div class="button-row">
                        <a
                          class="button button-secondary"
                          href={`/documents/${d.id}`}
                          target="_blank"
                          rel="noopener"
                        >
                          {t("client.documents.view")}
                          <span class="visually-hidden">: {d.fileName}</span>
                        </a>
                        <a
                          class="button button-secondary"
                          href={`/documents/${d.id}`}
                          download={d.fileName ?? true}
                        >
                          {t("client.documents.download")}
                          <span class="visually-hidden">: {d.fileName}</span>
                        </a>
                        <button
                          type="button"
                          class="button-secondary button-danger-outline"
                          onClick={() => setPending({ id: d.id ?? "", name: d.fileName ?? "" })}
                        >
                          {t("client.documents.delete")}
                          <span class="visually-hidden">: {d.fileName}</span>
                        </button>
                      </div>
                    </li>
                  ))}
              </ul>
            </section>
          ))}

          <h2 id="forms-heading">{t("client.documents.forms")}</h2>
          <p>{t("client.documents.forms_intro")}</p>
          {(query.data?.forms ?? []).length === 0 ? (
            <p>{t("client.documents.forms_none")}</p>
          ) : (
            <ul class="card-list" aria-labelledby="forms-heading">
              {(query.data?.forms ?? []).map((f) => (
                <li key={f.id} class="card">
                  <p class="card-title" lang={f.language} dir={f.rightToLeft ? "rtl" : "ltr"}>
                    {f.title}
                  </p>
                  {f.description && (
                    <p lang={f.language} dir={f.rightToLeft ? "rtl" : "ltr"}>
                      {f.description}
                    </p>
                  )}
                  <p class="card-meta">
                    {t("client.documents.form_meta", {
                      language: languageName(f.language),
                      size: formatSize(f.size, language),
                    })}
                  </p>
                  <a class="button button-secondary" href={f.downloadPath} download={f.fileName}>
                    {t("client.documents.download")}
                    <span class="visually-hidden">: {f.title}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ConfirmDialog
        id="delete-dialog"
        open={pending !== null}
        title={t("client.documents.delete_title", { name: pending?.name ?? "" })}
        confirmLabel={t("client.documents.delete_confirm")}
        cancelLabel={t("client.documents.cancel")}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setPending(null)}
      >
        <p>{t("client.documents.delete_text")}</p>
      </ConfirmDialog>
    </Page>
  );
}
