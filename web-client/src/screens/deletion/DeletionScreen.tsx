// Deleting the account: password and an explicit confirmation open a 14-day undo window (the
// server ends every session, so the screen then says how to come back). While a request is
// pending, logging in brings the owner here: the days left, the undo button, and whom MoBio
// told about the end of their data (stakeholders who opened a link, teams).
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { formatDate } from "../../components/releases/format";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { NoticeOccasion } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import "../../components/releases/releases.css";

const DeletionState = graphql(`
  query DeletionState {
    me {
      id
      person {
        id
      }
    }
  }
`);

const DeletionDetails = graphql(`
  query DeletionDetails($personId: ID!) {
    pendingDeletion(personId: $personId) {
      daysLeft
      eraseAfter
    }
    erasureNotices(personId: $personId) {
      recipientKind
      occasion
      recipient
      sentAt
    }
  }
`);

const DeleteAccount = graphql(`
  mutation DeleteAccount($password: String!, $confirmed: Boolean!) {
    deleteAccount(password: $password, confirmed: $confirmed) {
      daysLeft
    }
  }
`);

const UndoAccountDeletion = graphql(`
  mutation UndoAccountDeletion {
    undoAccountDeletion
  }
`);

function occasionLabel(occasion: NoticeOccasion | null | undefined): string {
  switch (occasion) {
    case "LINK_REVOKED":
      return t("client.deletion.occasion.link_revoked");
    case "DELETION_REQUESTED":
      return t("client.deletion.occasion.deletion_requested");
    default:
      return t("client.deletion.occasion.erased");
  }
}

export default function DeletionScreen() {
  const { language, refreshSession } = useApp();
  const { route } = useLocation();
  const owner = useQuery(DeletionState, {});
  const personId = owner.data?.me?.person?.id ?? "";
  const details = useQuery(DeletionDetails, { personId }, { skip: !personId });
  const [password, setPassword] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function remove(event: Event) {
    event.preventDefault();
    setProblems([]);
    setBusy(true);
    try {
      await request(DeleteAccount, { password, confirmed });
      setPassword("");
      // Every session ended with the request: the confirmation lives on a public screen, and
      // the app learns it is logged out.
      route(`${paths.undoDeletion}?requested=1`);
      void refreshSession();
    } catch (error) {
      setProblems(problemsFrom(error, { password: "deletion-password" }));
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    setProblems([]);
    setBusy(true);
    try {
      await request(UndoAccountDeletion, {});
      setMessage(t("client.deletion.undone"));
      details.reload();
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  const error = owner.error ?? details.error;
  const pending = details.data?.pendingDeletion;
  const notices = details.data?.erasureNotices ?? [];
  return (
    <Page title={t("client.deletion.title")}>
      <ErrorSummary problems={problems} />
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      {(owner.loading || details.loading) && !details.data && <Loading />}
      {error && <LoadError error={error} retry={details.reload} />}
      {pending && (
        <section aria-labelledby="deletion-pending-heading">
          <h2 id="deletion-pending-heading">{t("client.deletion.pending")}</h2>
          <p class="notice">
            {t("client.deletion.days_left", {
              days: String(pending.daysLeft ?? 0),
              date: formatDate(pending.eraseAfter, language),
            })}
          </p>
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {t("client.deletion.undo")}
          </button>
        </section>
      )}
      {details.data && !pending && (
        <form onSubmit={remove} aria-labelledby="deletion-form-heading">
          <h2 id="deletion-form-heading">{t("client.deletion.request")}</h2>
          <p>{t("client.deletion.intro")}</p>
          <p>{t("client.deletion.what")}</p>
          <Field
            id="deletion-password"
            label={t("client.deletion.password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            required
          />
          <div class="field">
            <label>
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(event) => setConfirmed(event.currentTarget.checked)}
              />{" "}
              {t("client.deletion.confirm")}
            </label>
          </div>
          <button type="submit" disabled={busy || !confirmed || !password}>
            {t("client.deletion.submit")}
          </button>
        </form>
      )}
      {details.data && (
        <section aria-labelledby="deletion-notices-heading">
          <h2 id="deletion-notices-heading">{t("client.deletion.notices")}</h2>
          {notices.length === 0 ? (
            <p>{t("client.deletion.notices_none")}</p>
          ) : (
            <ul>
              {notices.map((notice) => (
                <li key={`${notice.recipient}-${notice.sentAt}`}>
                  <bdi>{notice.recipient}</bdi> ({occasionLabel(notice.occasion)},{" "}
                  {formatDate(notice.sentAt, language)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
