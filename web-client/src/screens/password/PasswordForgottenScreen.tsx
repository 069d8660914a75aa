// Ask for a reset link. The mail links to the server page /reset-password (mobio/web/pages.py),
// which sets the new password; the answer here never tells whether the address is registered.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { paths } from "../../routes";

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export default function PasswordForgottenScreen() {
  const [email, setEmail] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!email.trim()) {
      setProblems([
        { field: "email", message: t("client.error.required", { field: t("client.field.email") }) },
      ]);
      return;
    }
    setBusy(true);
    try {
      await request(RequestPasswordReset, { email: email.trim() });
      setProblems([]);
      setSent(true);
    } catch (error) {
      setProblems(problemsFrom(error, { email: "email" }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t("client.reset.title")}>
      <div role="status">
        {sent && <p class="notice notice-success">{t("client.reset.sent")}</p>}
      </div>
      {!sent && (
        <>
          <p>{t("client.reset.intro")}</p>
          <ErrorSummary problems={problems} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Field
              id="email"
              type="email"
              autocomplete="username"
              inputMode="email"
              label={t("client.field.email")}
              value={email}
              onValue={setEmail}
              error={errorFor(problems, "email")}
            />
            <button type="submit" disabled={busy}>
              {t("client.reset.submit")}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={paths.login}>{t("client.reset.back")}</a>
      </p>
    </Page>
  );
}
