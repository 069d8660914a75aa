// Claiming a profile a caseworker created (/claim): the code from the letter (the letter's QR
// code opens /claim#CODE, so the code arrives filled in and never reaches a server log), the
// date of birth, then the login and the person's own consent to the usage declaration. The
// server mails the activation link as at registration.
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import "../../components/casework/casework.css";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { Markdown } from "../../lib/markdown";
import { useQuery } from "../../lib/useQuery";
import { paths, queryParam } from "../../routes";

const ClaimDeclarations = graphql(`
  query ClaimDeclarations {
    consentDocuments(kind: USAGE) {
      id
      language
      title
    }
  }
`);

const ClaimDeclarationText = graphql(`
  query ClaimDeclarationText($id: ID!) {
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

const ClaimProfile = graphql(`
  mutation ClaimProfile(
    $code: String!
    $dateOfBirth: Date!
    $email: String!
    $password: String!
    $language: String!
    $usageConsentDocumentId: ID!
  ) {
    claimProfile(
      code: $code
      dateOfBirth: $dateOfBirth
      email: $email
      password: $password
      language: $language
      usageConsentDocumentId: $usageConsentDocumentId
    )
  }
`);

const MIN_PASSWORD_LENGTH = 10; // mobio/accounts/passwords.py; the server checks it too

const FIELD_IDS = {
  code: "claim-code",
  dateOfBirth: "claim-birth",
  email: "email",
  password: "password",
  usageConsentDocumentId: "consent",
};

/** The code from the letter's link: the fragment (#CODE), or ?code= as typed by hand. */
function codeFromAddress(): string {
  const fragment = decodeURIComponent(location.hash.replace(/^#/, ""));
  return fragment || queryParam("code") || "";
}

export default function ClaimScreen() {
  const { language } = useApp();
  const { route } = useLocation();
  const declarations = useQuery(ClaimDeclarations, {});
  const [code, setCode] = useState(codeFromAddress);
  const [birth, setBirth] = useState("");
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
  const text = useQuery(ClaimDeclarationText, { id: documentId ?? "" }, { skip: !documentId });
  const declaration = text.data?.consentDocument;

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    const required = (field: string, label: string) =>
      found.push({ field, message: t("client.error.required", { field: label }) });
    if (!code.trim()) required(FIELD_IDS.code, t("client.claim.code"));
    if (!birth) required(FIELD_IDS.dateOfBirth, t("client.claim.date_of_birth"));
    if (!agreed) found.push({ field: "consent", message: t("client.register.consent_missing") });
    if (!email.trim()) required("email", t("client.field.email"));
    if (!password) required("password", t("client.field.password"));
    else if (password !== repeat)
      found.push({ field: "password-repeat", message: t("client.register.password_mismatch") });
    setProblems(found);
    if (found.length || !documentId) return;
    setBusy(true);
    try {
      await request(ClaimProfile, {
        code: code.trim(),
        dateOfBirth: birth,
        email: email.trim(),
        password,
        language,
        usageConsentDocumentId: documentId,
      });
      route(paths.registerSent);
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  const consentError = errorFor(problems, "consent");
  return (
    <Page title={t("client.claim.title")}>
      <p>{t("client.claim.intro")}</p>
      {declarations.loading && <Loading />}
      {declarations.error && <LoadError error={declarations.error} retry={declarations.reload} />}
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t("client.claim.letter")}</legend>
          <Field
            id={FIELD_IDS.code}
            label={t("client.claim.code")}
            hint={t("client.claim.code_hint")}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            onValue={setCode}
            error={errorFor(problems, FIELD_IDS.code)}
          />
          <Field
            id={FIELD_IDS.dateOfBirth}
            type="date"
            label={t("client.claim.date_of_birth")}
            value={birth}
            onValue={setBirth}
            error={errorFor(problems, FIELD_IDS.dateOfBirth)}
          />
        </fieldset>
        {documentId && (
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
            <div class={consentError ? "field field-error checkbox" : "field checkbox"}>
              {consentError && (
                <p id="consent-error" class="error-message">
                  {consentError}
                </p>
              )}
              <input
                id="consent"
                type="checkbox"
                checked={agreed}
                onChange={(event) => setAgreed(event.currentTarget.checked)}
                aria-invalid={consentError ? true : undefined}
                aria-describedby={consentError ? "consent-error" : undefined}
              />
              <label for="consent">{t("client.register.consent")}</label>
            </div>
          </section>
        )}
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
          {t("client.claim.submit")}
        </button>
      </form>
      <p>
        {t("client.register.have_account")} <a href={paths.login}>{t("client.login.title")}</a>
      </p>
    </Page>
  );
}
