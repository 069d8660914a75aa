// The record of successful and failed logins to the account, newest first; the owner's alone.
import { formatDateTime } from "../../components/releases/format";
import { useApp } from "../../context";
import type { AccountActivityQuery } from "../../gql/graphql";
import { t } from "../../i18n";

type Entry = NonNullable<NonNullable<AccountActivityQuery["me"]>["loginRecord"]>[number];

export function LoginRecordSection({ entries }: { entries: Entry[] }) {
  const { language } = useApp();
  return (
    <section aria-labelledby="account-logins-heading">
      <h2 id="account-logins-heading">{t("client.account.logins")}</h2>
      <p>{t("client.account.logins_intro")}</p>
      {entries.length === 0 && <p class="notice">{t("client.account.logins_empty")}</p>}
      {entries.length > 0 && (
        <ol class="card-list account-logins">
          {entries.map((entry) => (
            <li key={entry.id} class="card" data-succeeded={entry.succeeded ? "true" : "false"}>
              <p class="card-title">
                {entry.succeeded
                  ? t("client.account.login_succeeded")
                  : t("client.account.login_failed")}
              </p>
              <dl class="facts">
                <dt>{t("client.account.login_at")}</dt>
                <dd>
                  <time dateTime={entry.at ?? undefined}>{formatDateTime(entry.at, language)}</time>
                </dd>
                <dt>{t("client.account.browser")}</dt>
                <dd dir="auto">{entry.browser || t("client.account.browser_unknown")}</dd>
                <dt>{t("client.account.network")}</dt>
                <dd dir="ltr">{entry.network || "–"}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
