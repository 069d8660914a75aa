// The password: current + new (twice); the server ends every other session.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { graphql } from "../../gql";
import { t } from "../../i18n";

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const MIN_PASSWORD_LENGTH = 10; // mobio/accounts/passwords.py; the server checks it too

const FIELD_IDS = { currentPassword: "current-password", newPassword: "new-password" };

export function PasswordSection({
  onChanged,
  announce,
}: {
  onChanged: () => void;
  announce: (message: string) => void;
}) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    setMessage("");
    announce("");
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
      announce(t("client.account.password_changed"));
      onChanged();
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-password-heading">
      <h2 id="account-password-heading">{t("client.account.password")}</h2>
      <p>{t("client.account.password_intro")}</p>
      {message && <p class="notice notice-success">{message}</p>}
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
  );
}
