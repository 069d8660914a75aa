// The link mailed to a new address: a mail scanner may open it, so only the click confirms.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { paths, queryParam } from "../../routes";

const ConfirmEmailChange = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

export default function ConfirmEmailScreen() {
  const { me, refreshSession } = useApp();
  const token = queryParam("token");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function confirm() {
    if (!token) return;
    setBusy(true);
    setProblems([]);
    try {
      await request(ConfirmEmailChange, { token });
      setDone(true);
      if (me) void refreshSession();
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  const onward = me ? (
    <a href={paths.account}>{t("client.confirm_email.to_account")}</a>
  ) : (
    <a href={paths.login}>{t("client.confirm_email.to_login")}</a>
  );

  return (
    <Page title={t("client.confirm_email.title")}>
      <ErrorSummary problems={problems} />
      {!token && <p class="notice">{t("client.confirm_email.missing")}</p>}
      {token && done && (
        <p role="status" class="notice notice-success">
          {t("client.confirm_email.done")}
        </p>
      )}
      {token && !done && problems.length === 0 && (
        <>
          <p>{t("client.confirm_email.intro")}</p>
          <p>
            <button type="button" disabled={busy} onClick={() => void confirm()}>
              {t("client.confirm_email.submit")}
            </button>
          </p>
        </>
      )}
      <p>{onward}</p>
    </Page>
  );
}
