// The account's live sessions: browser family, first and last use, shortened network; this
// browser marked. Ending one takes effect at that browser's next request.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { formatDateTime } from "../../components/releases/format";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { AccountActivityQuery } from "../../gql/graphql";
import { t } from "../../i18n";

const EndSession = graphql(`
  mutation EndSession($sessionId: ID!) {
    endSession(sessionId: $sessionId)
  }
`);

const EndOtherSessions = graphql(`
  mutation EndOtherSessions {
    endOtherSessions
  }
`);

type Session = NonNullable<NonNullable<AccountActivityQuery["me"]>["sessions"]>[number];

export function SessionsSection({
  sessions,
  reload,
  announce,
}: {
  sessions: Session[];
  reload: () => void;
  announce: (message: string) => void;
}) {
  const { language } = useApp();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const others = sessions.filter((s) => !s.current);

  async function run(action: () => Promise<unknown>, done: string) {
    setMessage("");
    announce("");
    setProblems([]);
    setBusy(true);
    try {
      await action();
      setMessage(done);
      announce(done);
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
      reload();
    }
  }

  return (
    <section aria-labelledby="account-sessions-heading">
      <h2 id="account-sessions-heading">{t("client.account.sessions")}</h2>
      <p>{t("client.account.sessions_intro")}</p>
      {message && <p class="notice notice-success">{message}</p>}
      <ErrorSummary problems={problems} />
      <ul class="card-list account-sessions">
        {sessions.map((session) => (
          <li key={session.id} class="card" data-current={session.current ? "true" : undefined}>
            <p class="card-title">
              <span dir="auto">{session.browser || t("client.account.browser_unknown")}</span>
              {session.current && (
                <>
                  {" · "}
                  <strong>{t("client.account.session_this")}</strong>
                </>
              )}
            </p>
            <dl class="facts">
              <dt>{t("client.account.session_since")}</dt>
              <dd>
                <time dateTime={session.createdAt ?? undefined}>
                  {formatDateTime(session.createdAt, language)}
                </time>
              </dd>
              <dt>{t("client.account.session_last")}</dt>
              <dd>
                <time dateTime={session.lastSeenAt ?? undefined}>
                  {formatDateTime(session.lastSeenAt, language)}
                </time>
              </dd>
              <dt>{t("client.account.network")}</dt>
              <dd dir="ltr">{session.network || "–"}</dd>
            </dl>
            {!session.current && session.id && (
              <button
                type="button"
                class="button-secondary"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => request(EndSession, { sessionId: session.id ?? "" }),
                    t("client.account.session_ended"),
                  )
                }
              >
                {t("client.account.session_end")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(() => request(EndOtherSessions, {}), t("client.account.sessions_ended"))
            }
          >
            {t("client.account.sessions_end_others")}
          </button>
        </p>
      )}
    </section>
  );
}
