// The account: its e-mail address (changed through a link to the new one), the interface
// language, the password (the server ends every other session), the browsers logged in (end one
// or all others) and the record of logins.
import { useState } from "preact/hooks";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { isLanguage, LANGUAGES, t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import { EmailSection } from "./EmailSection";
import { LoginRecordSection } from "./LoginRecordSection";
import { PasswordSection } from "./PasswordSection";
import { SessionsSection } from "./SessionsSection";
import "../../components/releases/releases.css";

const AccountActivity = graphql(`
  query AccountActivity {
    me {
      id
      sessions {
        id
        browser
        network
        createdAt
        lastSeenAt
        current
      }
      loginRecord {
        id
        at
        succeeded
        browser
        network
      }
    }
  }
`);

export default function AccountScreen() {
  // The session holds the address and the language; the query only the activity.
  const { me, language, setLanguage } = useApp();
  const { data, error, loading, reload } = useQuery(AccountActivity, {});
  // One live region for the screen: each section shows its notice beside itself, and this
  // announces it (several status regions on one screen would compete).
  const [announcement, announce] = useState("");

  return (
    <Page title={t("client.account.title")}>
      <p>{t("client.account.intro")}</p>
      <p role="status" class="visually-hidden">
        {announcement}
      </p>
      <EmailSection email={me?.email} announce={announce} />

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

      <PasswordSection onChanged={reload} announce={announce} />

      {me?.kind === "NEWCOMER" && (
        <section aria-labelledby="account-export-heading">
          <h2 id="account-export-heading">{t("client.export.title")}</h2>
          <p>
            <a href={paths.dataExport}>{t("client.export.open")}</a>
          </p>
          <p>
            <a href={paths.deletion}>{t("client.deletion.open")}</a>
          </p>
        </section>
      )}

      {me?.kind === "NEWCOMER" && (
        <section aria-labelledby="account-research-heading">
          <h2 id="account-research-heading">{t("client.research.title")}</h2>
          <p>{t("client.research.account_hint")}</p>
          <p>
            <a href={paths.research}>{t("client.research.open")}</a>
          </p>
        </section>
      )}

      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data?.me && (
        <>
          <SessionsSection sessions={data.me.sessions ?? []} reload={reload} announce={announce} />
          <LoginRecordSection entries={data.me.loginRecord ?? []} />
        </>
      )}
    </Page>
  );
}
