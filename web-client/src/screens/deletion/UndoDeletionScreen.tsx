// The undo link from the deletion mail: a mail scanner may open it, so only the click undoes.
// Without a token it confirms a request just made (the requester is logged out by then).
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { paths, queryParam } from "../../routes";

const UndoAccountDeletionByLink = graphql(`
  mutation UndoAccountDeletionByLink($token: String!) {
    undoAccountDeletionByLink(token: $token)
  }
`);

export default function UndoDeletionScreen() {
  const token = queryParam("token");
  // Arriving from the deletion screen (now logged out) rather than from the mail.
  const requested = queryParam("requested") === "1";
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function undo() {
    if (!token) return;
    setBusy(true);
    setProblems([]);
    try {
      await request(UndoAccountDeletionByLink, { token });
      setDone(true);
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t(requested && !token ? "client.deletion.title" : "client.deletion.undo_title")}>
      <ErrorSummary problems={problems} />
      {requested && !token && (
        <p role="status" class="notice notice-success">
          {t("client.deletion.requested")}
        </p>
      )}
      {done && (
        <p role="status" class="notice notice-success">
          {t("client.deletion.undone")}
        </p>
      )}
      {token && !done && (
        <>
          <p>{t("client.deletion.undo_intro")}</p>
          <p>
            <button type="button" disabled={busy || !token} onClick={() => void undo()}>
              {t("client.deletion.undo")}
            </button>
          </p>
        </>
      )}
      <p>
        <a href={paths.login}>{t("client.deletion.to_login")}</a>
      </p>
    </Page>
  );
}
