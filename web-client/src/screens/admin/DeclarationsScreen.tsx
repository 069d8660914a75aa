// Consent documents (declarations) per kind: the current version in each language, and a form to
// publish a new version. A new version replaces the current one for new consents; consents
// already given keep pointing at the version that was agreed to.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SelectField, TextAreaField } from "../../components/admin/fields";
import { CONSENT_KINDS, consentKindLabel, LANGUAGE_CODE } from "../../components/admin/labels";
import { SuccessNotice } from "../../components/admin/Notice";
import { required, useAction } from "../../components/admin/useAction";
import { graphql } from "../../gql";
import type { ConsentKind } from "../../gql/graphql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const DeclarationsQuery = graphql(`
  query AdminDeclarations {
    usage: consentDocuments(kind: USAGE) {
      ...AdminDeclaration
    }
    teamRelease: consentDocuments(kind: TEAM_RELEASE) {
      ...AdminDeclaration
    }
    stakeholderRelease: consentDocuments(kind: STAKEHOLDER_RELEASE) {
      ...AdminDeclaration
    }
    research: consentDocuments(kind: RESEARCH) {
      ...AdminDeclaration
    }
  }
  fragment AdminDeclaration on ConsentDocument {
    id
    language
    version
    title
    rightToLeft
  }
`);

const PublishDeclaration = graphql(`
  mutation AdminPublishDeclaration(
    $kind: ConsentKind!
    $language: String!
    $title: String!
    $body: String!
  ) {
    publishConsentDocument(kind: $kind, language: $language, title: $title, body: $body)
  }
`);

interface Declaration {
  id: string;
  language: string;
  version: number;
  title: string;
  rightToLeft: boolean;
}

export default function DeclarationsScreen() {
  const query = useQuery(DeclarationsQuery, {});
  const action = useAction();
  const [kind, setKind] = useState("");
  const [language, setLanguage] = useState("");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");

  const byKind: Record<ConsentKind, Declaration[]> = {
    USAGE: (query.data?.usage ?? []) as Declaration[],
    TEAM_RELEASE: (query.data?.teamRelease ?? []) as Declaration[],
    STAKEHOLDER_RELEASE: (query.data?.stakeholderRelease ?? []) as Declaration[],
    RESEARCH: (query.data?.research ?? []) as Declaration[],
  };
  const code = language.trim();
  const current = kind
    ? byKind[kind as ConsentKind].find((d) => d.language === code.toLowerCase())
    : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = required(
      [
        ["declaration-kind", t("client.admin.consent.kind"), kind],
        ["declaration-language", t("client.admin.consent.language"), language],
        ["declaration-title", t("client.admin.consent.doc_title"), title],
        ["declaration-body", t("client.admin.consent.body"), body],
      ],
      (field) => t("client.error.required", { field }),
    );
    if (code && !LANGUAGE_CODE.test(code)) {
      found.push({ field: "declaration-language", message: t("client.admin.language_invalid") });
    }
    const done = await action.run(
      found,
      async () => {
        await request(PublishDeclaration, {
          kind: kind as ConsentKind,
          language: code.toLowerCase(),
          title: title.trim(),
          body,
        });
        return t("client.admin.consent.published", {
          kind: consentKindLabel(kind as ConsentKind),
          lang: code.toLowerCase(),
          version: (current?.version ?? 0) + 1,
        });
      },
      "declaration-body",
    );
    if (done) {
      setTitle("");
      setBody("");
      query.reload();
    }
  }

  return (
    <Page title={t("client.admin.consent.title")}>
      <p>{t("client.admin.consent.intro")}</p>
      <SuccessNotice message={action.message} />
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data &&
        CONSENT_KINDS.map((k) => (
          <section key={k} aria-labelledby={`declarations-${k}`}>
            <h2 id={`declarations-${k}`}>{consentKindLabel(k)}</h2>
            {byKind[k].length === 0 ? (
              <p>{t("client.admin.consent.none")}</p>
            ) : (
              <ul class="card-list" aria-labelledby={`declarations-${k}`}>
                {byKind[k].map((d) => (
                  <li key={d.id} class="card declaration">
                    <p class="card-title" lang={d.language} dir={d.rightToLeft ? "rtl" : "ltr"}>
                      {d.title}
                    </p>
                    <p class="card-meta">
                      {t("client.admin.consent.meta", {
                        lang: `${languageName(d.language)} (${d.language})`,
                        version: d.version,
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      <section aria-labelledby="declaration-new" class="admin-form">
        <h2 id="declaration-new">{t("client.admin.consent.new")}</h2>
        <p>{t("client.admin.consent.new_intro")}</p>
        <ErrorSummary problems={action.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <SelectField
            id="declaration-kind"
            label={t("client.admin.consent.kind")}
            choose={t("client.admin.choose")}
            value={kind}
            options={CONSENT_KINDS.map((k) => ({ value: k, label: consentKindLabel(k) }))}
            onValue={setKind}
            error={errorFor(action.problems, "declaration-kind")}
          />
          <Field
            id="declaration-language"
            label={t("client.admin.consent.language")}
            hint={
              current
                ? t("client.admin.consent.next_version", {
                    current: current.version,
                    next: current.version + 1,
                  })
                : t("client.admin.language_hint")
            }
            autocomplete="off"
            maxLength={8}
            value={language}
            onValue={setLanguage}
            error={errorFor(action.problems, "declaration-language")}
          />
          <Field
            id="declaration-title"
            label={t("client.admin.consent.doc_title")}
            autocomplete="off"
            dir="auto"
            value={title}
            onValue={setTitle}
            error={errorFor(action.problems, "declaration-title")}
          />
          <TextAreaField
            id="declaration-body"
            label={t("client.admin.consent.body")}
            hint={t("client.admin.consent.body_hint")}
            rows={10}
            value={body}
            onValue={setBody}
            error={errorFor(action.problems, "declaration-body")}
          />
          <button type="submit" disabled={action.busy}>
            {t("client.admin.consent.publish")}
          </button>
        </form>
      </section>
    </Page>
  );
}
