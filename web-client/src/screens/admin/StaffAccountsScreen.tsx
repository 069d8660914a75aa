// Staff accounts: caseworkers, administrators and analysts with their teams, and a form to create
// one (active at once; the administrator passes the first password on, the owner changes it).
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SelectField } from "../../components/admin/fields";
import { accountKindLabel, STAFF_KINDS } from "../../components/admin/labels";
import { SuccessNotice } from "../../components/admin/Notice";
import { required, useAction } from "../../components/admin/useAction";
import { graphql } from "../../gql";
import type { AccountKind } from "../../gql/graphql";
import { LANGUAGES, t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const MIN_PASSWORD_LENGTH = 10; // mobio/accounts/passwords.py; the server checks it too

const StaffQuery = graphql(`
  query AdminStaffAccounts {
    staffAccounts {
      id
      email
      kind
      language
      teamIds
    }
    teams {
      id
      name
    }
  }
`);

const CreateStaffAccount = graphql(`
  mutation AdminCreateStaffAccount(
    $email: String!
    $password: String!
    $kind: AccountKind!
    $language: String!
  ) {
    createStaffAccount(email: $email, password: $password, kind: $kind, language: $language)
  }
`);

export default function StaffAccountsScreen() {
  const query = useQuery(StaffQuery, {});
  const action = useAction();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [kind, setKind] = useState("");
  const [language, setLanguage] = useState("de");

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = required(
      [
        ["staff-email", t("client.field.email"), email],
        ["staff-password", t("client.admin.account.password"), password],
        ["staff-kind", t("client.admin.account.kind"), kind],
      ],
      (field) => t("client.error.required", { field }),
    );
    const done = await action.run(
      found,
      async () => {
        await request(CreateStaffAccount, {
          email: email.trim(),
          password,
          kind: kind as AccountKind,
          language,
        });
        return t("client.admin.account.created", { email: email.trim() });
      },
      (code) => (code.startsWith("PASSWORD") ? "staff-password" : "staff-email"),
    );
    if (done) {
      setEmail("");
      setPassword("");
      setKind("");
      query.reload();
    }
  }

  const teams = query.data?.teams ?? [];
  const teamNames = (ids: string[]) =>
    ids.map((id) => teams.find((team) => team.id === id)?.name ?? "").filter(Boolean);

  return (
    <Page title={t("client.admin.account.title")}>
      <p>{t("client.admin.account.intro")}</p>
      <SuccessNotice message={action.message} />
      <section aria-labelledby="staff-new" class="admin-form">
        <h2 id="staff-new">{t("client.admin.account.new")}</h2>
        <ErrorSummary problems={action.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            id="staff-email"
            type="email"
            inputMode="email"
            autocomplete="off"
            label={t("client.field.email")}
            value={email}
            onValue={setEmail}
            error={errorFor(action.problems, "staff-email")}
          />
          <Field
            id="staff-password"
            type="password"
            autocomplete="new-password"
            label={t("client.admin.account.password")}
            hint={t("client.admin.account.password_hint", { min: MIN_PASSWORD_LENGTH })}
            value={password}
            onValue={setPassword}
            error={errorFor(action.problems, "staff-password")}
          />
          <SelectField
            id="staff-kind"
            label={t("client.admin.account.kind")}
            choose={t("client.admin.choose")}
            value={kind}
            options={STAFF_KINDS.map((k) => ({ value: k, label: accountKindLabel(k) }))}
            onValue={setKind}
            error={errorFor(action.problems, "staff-kind")}
          />
          <SelectField
            id="staff-language"
            label={t("client.admin.account.language")}
            hint={t("client.admin.account.language_hint")}
            value={language}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
            onValue={setLanguage}
          />
          <button type="submit" disabled={action.busy}>
            {t("client.admin.account.create")}
          </button>
        </form>
      </section>
      <h2 id="staff-list">{t("client.admin.account.list")}</h2>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && (
        <ul class="card-list" aria-labelledby="staff-list">
          {query.data.staffAccounts.map((account) => {
            const names = teamNames(account.teamIds ?? []);
            return (
              <li key={account.id} class="card">
                <p class="card-title">{account.email}</p>
                <p class="card-meta">
                  {account.kind ? accountKindLabel(account.kind) : ""} ·{" "}
                  <span lang={account.language ?? undefined}>
                    {languageName(account.language ?? "de")}
                  </span>
                </p>
                {account.kind === "CASEWORKER" && (
                  <p class="card-meta">
                    {names.length
                      ? t("client.admin.account.teams", { teams: names.join(", ") })
                      : t("client.admin.account.no_team")}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
