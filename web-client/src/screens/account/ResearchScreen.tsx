// Taking part in research, for the newcomer: off unless they agree to the research declaration
// shown here (recorded with its version and language), withdrawable at any time; and the
// extracts that held their pseudonymised data.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SuccessNotice } from "../../components/admin/Notice";
import { useAction } from "../../components/admin/useAction";
import { periodName, variableNames } from "../../components/research/ExtractCard";
import { formatDate } from "../../components/releases/format";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { Markdown } from "../../lib/markdown";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";

const MyResearch = graphql(`
  query MyResearch {
    researchParticipation {
      participating
      since
      document {
        id
        language
        version
        title
        body
        rightToLeft
      }
    }
    myResearchExtracts {
      number
      purpose
      recipient
      period
      variables
      usedAt
    }
    researchVariables {
      code
      label
    }
  }
`);

const Join = graphql(`
  mutation JoinResearch($documentId: ID!) {
    joinResearch(documentId: $documentId) {
      participating
    }
  }
`);

const Leave = graphql(`
  mutation LeaveResearch {
    leaveResearch {
      participating
    }
  }
`);

export default function ResearchScreen() {
  const { language } = useApp();
  const query = useQuery(MyResearch, {});
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const state = query.data?.researchParticipation;
  const declaration = state?.document;
  const uses = query.data?.myResearchExtracts ?? [];
  const labels = new Map((query.data?.researchVariables ?? []).map((v) => [v.code, v.label]));

  async function change(join: boolean) {
    setBusy(true);
    const done = await action.run([], async () => {
      if (join) await request(Join, { documentId: declaration?.id ?? "" });
      else await request(Leave);
      return t(join ? "client.research.joined" : "client.research.left");
    });
    setBusy(false);
    if (done) query.reload();
  }

  return (
    <Page title={t("client.research.title")}>
      <p>{t("client.research.intro")}</p>
      <SuccessNotice message={action.message} />
      <ErrorSummary problems={action.problems} />
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {state && (
        <section aria-labelledby="research-choice" class="research-choice">
          <h2 id="research-choice">{t("client.research.choice")}</h2>
          <p class="notice">
            {state.participating
              ? t("client.research.participating", { date: formatDate(state.since, language) })
              : t("client.research.not_participating")}
          </p>
          {!state.participating && declaration && (
            <div
              class="declaration-text"
              lang={declaration.language}
              dir={declaration.rightToLeft ? "rtl" : "ltr"}
              tabIndex={0}
              aria-labelledby="research-declaration-title"
            >
              <h3 id="research-declaration-title">{declaration.title}</h3>
              <p class="hint">
                {t("client.register.declaration_version", { version: declaration.version })}
              </p>
              <Markdown text={declaration.body ?? ""} />
            </div>
          )}
          {state.participating ? (
            <>
              <p class="hint">{t("client.research.leave_hint")}</p>
              <button type="button" disabled={busy} onClick={() => void change(false)}>
                {t("client.research.leave")}
              </button>
            </>
          ) : declaration ? (
            <button type="button" disabled={busy} onClick={() => void change(true)}>
              {t("client.research.join")}
            </button>
          ) : (
            <p>{t("client.research.no_declaration")}</p>
          )}
        </section>
      )}
      {query.data && (
        <section aria-labelledby="research-uses">
          <h2 id="research-uses">{t("client.research.uses")}</h2>
          {uses.length === 0 ? (
            <p>{t("client.research.uses_none")}</p>
          ) : (
            <ul class="card-list">
              {uses.map((use) => (
                <li key={use.number} class="card">
                  <p class="card-title">
                    {t("client.research.used_in", { number: use.number ?? "" })}
                  </p>
                  <dl class="facts">
                    <dt>{t("client.research.purpose")}</dt>
                    <dd>{use.purpose}</dd>
                    <dt>{t("client.research.recipient")}</dt>
                    <dd>{use.recipient}</dd>
                    <dt>{t("client.research.period")}</dt>
                    <dd>{periodName(use.period)}</dd>
                    <dt>{t("client.research.variables")}</dt>
                    <dd>{variableNames(use.variables, labels)}</dd>
                    <dt>{t("client.research.used_at")}</dt>
                    <dd>{formatDate(use.usedAt, language)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
