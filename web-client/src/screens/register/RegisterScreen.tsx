// Registration: read the current usage declaration in a chosen language, agree, choose the
// login, register. The server then mails the activation link (to the server page /activate).
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { Markdown } from "../../lib/markdown";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";

/** The screen's query: the current usage declaration in every language it exists in. */
const UsageDeclarations = graphql(`
  query UsageDeclarations {
    consentDocuments(kind: USAGE) {
      id
      language
      title
    }
  }
`);

/** The chosen declaration's text (only asked for one document at a time). */
const UsageDeclarationText = graphql(`
  query UsageDeclarationText($id: ID!) {
    consentDocument(id: $id) {
      id
      title
      body
      version
      language
      rightToLeft
    }
  }
`);

const Register = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input)
  }
`);

const MIN_PASSWORD_LENGTH = 10; // mobio/accounts/passwords.py; the server checks it too

const FIELD_IDS = { email: "email", password: "password", usageConsentDocumentId: "consent" };

export default function RegisterScreen() {
  const { language } = useApp();
  const { route } = useLocation();
  const declarations = useQuery(UsageDeclarations, {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const documents = declarations.data?.consentDocuments ?? [];
  const fallback =
    documents.find((d) => d.language === language) ??
    documents.find((d) => d.language === "de") ??
    documents[0];
  const documentId =
    chosen && documents.some((d) => d.id === chosen) ? chosen : (fallback?.id ?? null);
  const text = useQuery(UsageDeclarationText, { id: documentId ?? "" }, { skip: !documentId });
  const declaration = text.data?.consentDocument;

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!agreed) found.push({ field: "consent", message: t("client.register.consent_missing") });
    if (!email.trim())
      found.push({
        field: "email",
        message: t("client.error.required", { field: t("client.field.email") }),
      });
    if (!password)
      found.push({
        field: "password",
        message: t("client.error.required", { field: t("client.field.password") }),
      });
    else if (password !== repeat)
      found.push({ field: "password-repeat", message: t("client.register.password_mismatch") });
    setProblems(found);
    if (found.length || !documentId) return;
    setBusy(true);
    try {
      await request(Register, {
        input: { email: email.trim(), password, language, usageConsentDocumentId: documentId },
      });
      route(paths.registerSent);
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("client.register.title")}>
      <p>{t("client.register.intro")}</p>
      {declarations.loading && <Loading />}
      {declarations.error && <LoadError error={declarations.error} retry={declarations.reload} />}
      {declarations.data && !documentId && (
        <p class="notice notice-error" role="alert">
          {t("client.register.declaration_missing")}
        </p>
      )}
      {documentId && (
        <>
          <ErrorSummary problems={problems} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <section class="declaration" aria-labelledby="declaration-heading">
              <h2 id="declaration-heading">{t("client.register.declaration")}</h2>
              {documents.length > 1 && (
                <div class="field">
                  <label for="declaration-language">
                    {t("client.register.declaration_language")}
                  </label>
                  <select
                    id="declaration-language"
                    value={documentId}
                    onChange={(event) => setChosen(event.currentTarget.value)}
                  >
                    {documents.map((d) => (
                      <option key={d.id} value={d.id} lang={d.language}>
                        {languageName(d.language)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {text.loading && <Loading />}
              {text.error && <LoadError error={text.error} retry={text.reload} />}
              {declaration && (
                <div
                  class="declaration-text"
                  lang={declaration.language}
                  dir={declaration.rightToLeft ? "rtl" : "ltr"}
                  tabIndex={0}
                  aria-labelledby="declaration-title"
                >
                  <h3 id="declaration-title">{declaration.title}</h3>
                  <p class="hint">
                    {t("client.register.declaration_version", { version: declaration.version })}
                  </p>
                  <Markdown text={declaration.body ?? ""} />
                </div>
              )}
              <div
                class={
                  errorFor(problems, "consent") ? "field field-error checkbox" : "field checkbox"
                }
              >
                {errorFor(problems, "consent") && (
                  <p id="consent-error" class="error-message">
                    {errorFor(problems, "consent")}
                  </p>
                )}
                <input
                  id="consent"
                  type="checkbox"
                  checked={agreed}
                  onChange={(event) => setAgreed(event.currentTarget.checked)}
                  aria-invalid={errorFor(problems, "consent") ? true : undefined}
                  aria-describedby={errorFor(problems, "consent") ? "consent-error" : undefined}
                />
                <label for="consent">{t("client.register.consent")}</label>
              </div>
            </section>
            <fieldset>
              <legend>{t("client.register.account")}</legend>
              <Field
                id="email"
                type="email"
                autocomplete="email"
                inputMode="email"
                label={t("client.field.email")}
                value={email}
                onValue={setEmail}
                error={errorFor(problems, "email")}
              />
              <Field
                id="password"
                type="password"
                autocomplete="new-password"
                label={t("client.field.password")}
                hint={t("client.register.password_hint", { min: MIN_PASSWORD_LENGTH })}
                value={password}
                onValue={setPassword}
                error={errorFor(problems, "password")}
              />
              <Field
                id="password-repeat"
                type="password"
                autocomplete="new-password"
                label={t("client.register.password_repeat")}
                value={repeat}
                onValue={setRepeat}
                error={errorFor(problems, "password-repeat")}
              />
            </fieldset>
            <button type="submit" disabled={busy}>
              {t("client.register.submit")}
            </button>
          </form>
        </>
      )}
      <p>
        {t("client.register.have_account")} <a href={paths.login}>{t("client.login.title")}</a>
      </p>
    </Page>
  );
}
