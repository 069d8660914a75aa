// The login address: shown, and changed only through a link mailed to the new address. The answer
// is the same whether or not the new address is free (the server never tells who uses it).
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { graphql } from "../../gql";
import { t } from "../../i18n";

const ChangeEmail = graphql(`
  mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {
    changeEmail(currentPassword: $currentPassword, newEmail: $newEmail)
  }
`);

const FIELD_IDS = { currentPassword: "email-password", newEmail: "new-email" };

export function EmailSection({
  email,
  announce,
}: {
  email: string | null | undefined;
  announce: (message: string) => void;
}) {
  const [address, setAddress] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    setMessage("");
    announce("");
    const found: Problem[] = [];
    if (!address.trim()) {
      found.push({
        field: "new-email",
        message: t("client.error.required", { field: t("client.account.new_email") }),
      });
    }
    if (!password) {
      found.push({
        field: "email-password",
        message: t("client.error.required", { field: t("client.account.email_password") }),
      });
    }
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      await request(ChangeEmail, { currentPassword: password, newEmail: address.trim() });
      const sent = t("client.account.email_sent", { email: address.trim() });
      setMessage(sent);
      announce(sent);
      setAddress("");
      setPassword("");
    } catch (error) {
      setProblems(problemsFrom(error, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-email-heading">
      <h2 id="account-email-heading">{t("client.account.email")}</h2>
      <p class="account-email" dir="ltr">
        {email}
      </p>
      <p>{t("client.account.email_intro")}</p>
      {message && <p class="notice notice-success">{message}</p>}
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id="new-email"
          type="email"
          autocomplete="email"
          dir="ltr"
          label={t("client.account.new_email")}
          value={address}
          onValue={setAddress}
          error={errorFor(problems, "new-email")}
        />
        <Field
          id="email-password"
          type="password"
          autocomplete="current-password"
          label={t("client.account.email_password")}
          value={password}
          onValue={setPassword}
          error={errorFor(problems, "email-password")}
        />
        <button type="submit" disabled={busy}>
          {t("client.account.email_submit")}
        </button>
      </form>
    </section>
  );
}
