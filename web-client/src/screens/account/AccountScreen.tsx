// The account: its e-mail address (shown; the API has no way to change it), the password
// (current + new; the server ends every other session) and the interface language.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { isLanguage, LANGUAGES, t } from "../../i18n";
import "../../components/releases/releases.css";

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const MIN_PASSWORD_LENGTH = 10; // mobio/accounts/passwords.py; the server checks it too

const FIELD_IDS = { currentPassword: "current-password", newPassword: "new-password" };

export default function AccountScreen() {
  // The session already holds the address and the language: this screen needs no query.
  const { me, language, setLanguage } = useApp();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    setMessage("");
    const found: Problem[] = [];
    if (!current) {
      found.push({
        field: "current-password",
        message: t("client.error.required", { field: t("client.account.current_password") }),
      });
    }
    if (!next) {
      found.push({
        field: "new-password",
        message: t("client.error.required", { field: t("client.account.new_password") }),
      });
    } else if (next !== repeat) {
      found.push({ field: "new-password-repeat", message: t("client.account.password_mismatch") });
    }
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      await request(ChangePassword, { currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setRepeat("");
      setMessage(t("client.account.password_changed"));
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("client.account.title")}>
      <p>{t("client.account.intro")}</p>
      <section aria-labelledby="account-email-heading">
        <h2 id="account-email-heading">{t("client.account.email")}</h2>
        <p class="account-email" dir="ltr">
          {me?.email}
        </p>
      </section>

      <section aria-labelledby="account-language-heading">
        <h2 id="account-language-heading">{t("client.account.language")}</h2>
        <div class="inline-form">
          <div class="field">
            <label for="account-language">{t("client.account.language_label")}</label>
            <p id="account-language-hint" class="hint">
              {t("client.account.language_hint")}
            </p>
            <select
              id="account-language"
              value={language}
              aria-describedby="account-language-hint"
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLanguage(value)) void setLanguage(value);
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code} dir={l.rtl ? "rtl" : "ltr"}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>

      <section aria-labelledby="account-password-heading">
        <h2 id="account-password-heading">{t("client.account.password")}</h2>
        <p>{t("client.account.password_intro")}</p>
        <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
          {message}
        </p>
        <ErrorSummary problems={problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            id="current-password"
            type="password"
            autocomplete="current-password"
            label={t("client.account.current_password")}
            value={current}
            onValue={setCurrent}
            error={errorFor(problems, "current-password")}
          />
          <Field
            id="new-password"
            type="password"
            autocomplete="new-password"
            label={t("client.account.new_password")}
            hint={t("client.account.password_hint", { min: MIN_PASSWORD_LENGTH })}
            value={next}
            onValue={setNext}
            error={errorFor(problems, "new-password")}
          />
          <Field
            id="new-password-repeat"
            type="password"
            autocomplete="new-password"
            label={t("client.account.new_password_repeat")}
            value={repeat}
            onValue={setRepeat}
            error={errorFor(problems, "new-password-repeat")}
          />
          <button type="submit" disabled={busy}>
            {t("client.account.password_submit")}
          </button>
        </form>
      </section>
    </Page>
  );
}
