// The analyst's research extracts: ask for one (why, for whom, which closed period, which
// variables from the allowed list), and the register of every extract with its state; the
// analyst's own ready extract has a download link for a few days.
import { useEffect, useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SuccessNotice } from "../../components/admin/Notice";
import { SelectField, TextAreaField } from "../../components/admin/fields";
import { required, useAction } from "../../components/admin/useAction";
import { periodLabel } from "../../components/evaluation/format";
import { ExtractCard } from "../../components/research/ExtractCard";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";
import "../../components/evaluation/evaluation.css";

const ExtractsQuery = graphql(`
  query AnalystExtracts {
    evaluationPeriods {
      code
      year
      quarter
    }
    researchVariables {
      code
      label
    }
    researchExtracts {
      ...RegisterExtract
    }
  }
  fragment RegisterExtract on ResearchExtract {
    id
    number
    purpose
    recipient
    period
    variables
    state
    requestedAt
    rejectionReason
    readyAt
    expiresAt
    persons
    rowsDropped
    downloadUrl
  }
`);

const RequestExtract = graphql(`
  mutation AnalystRequestExtract($request: ResearchExtractInput!) {
    requestResearchExtract(request: $request) {
      id
      number
    }
  }
`);

const POLL_MS = 3000;

export default function ExtractsScreen() {
  const { language } = useApp();
  const query = useQuery(ExtractsQuery, {});
  const action = useAction();
  const [purpose, setPurpose] = useState("");
  const [recipient, setRecipient] = useState("");
  const [period, setPeriod] = useState("");
  const [variables, setVariables] = useState<string[]>([]);
  const periods = query.data?.evaluationPeriods ?? [];
  const allowed = query.data?.researchVariables ?? [];
  const labels = new Map(allowed.map((v) => [v.code, v.label]));
  const register = query.data?.researchExtracts ?? [];
  const chosenPeriod = period || periods[0]?.code || "";
  const being = register.some((e) => e.state === "APPROVED");

  // Ask again while an approved extract is being written; stop once none is.
  useEffect(() => {
    if (!being) return;
    const timer = setTimeout(query.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [being, query.data, query.reload]);

  async function submit(event: Event) {
    event.preventDefault();
    const found = required(
      [
        ["extract-purpose", t("client.research.purpose"), purpose],
        ["extract-recipient", t("client.research.recipient"), recipient],
      ],
      (field) => t("client.error.required", { field }),
    );
    if (!variables.length) {
      found.push({ field: "extract-variable-0", message: t("client.research.variables_missing") });
    }
    const done = await action.run(
      found,
      async () => {
        const made = await request(RequestExtract, {
          request: { purpose, recipient, period: chosenPeriod, variables },
        });
        return t("client.research.requested", {
          number: made.requestResearchExtract.number ?? "",
        });
      },
      (code) => (code === "BAD_INPUT" ? "extract-purpose" : undefined),
    );
    if (done) {
      setPurpose("");
      setRecipient("");
      setVariables([]);
      query.reload();
    }
  }

  return (
    <Page title={t("client.research.analyst.title")}>
      <p>{t("client.research.analyst.intro")}</p>
      <SuccessNotice message={action.message} />
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && (
        <section aria-labelledby="extract-new" class="admin-form">
          <h2 id="extract-new">{t("client.research.new")}</h2>
          <ErrorSummary problems={action.problems} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <TextAreaField
              id="extract-purpose"
              label={t("client.research.purpose")}
              hint={t("client.research.purpose_hint")}
              rows={3}
              value={purpose}
              onValue={setPurpose}
              error={errorFor(action.problems, "extract-purpose")}
            />
            <Field
              id="extract-recipient"
              label={t("client.research.recipient")}
              autocomplete="off"
              maxLength={200}
              value={recipient}
              onValue={setRecipient}
              error={errorFor(action.problems, "extract-recipient")}
            />
            <SelectField
              id="extract-period"
              label={t("client.research.period")}
              value={chosenPeriod}
              options={periods.map((p) => ({ value: p.code, label: periodLabel(p) }))}
              onValue={setPeriod}
            />
            <fieldset
              class={
                errorFor(action.problems, "extract-variable-0")
                  ? "evaluation-filter field-error"
                  : "evaluation-filter"
              }
            >
              <legend>{t("client.research.variables")}</legend>
              {errorFor(action.problems, "extract-variable-0") && (
                <p class="error-message">{errorFor(action.problems, "extract-variable-0")}</p>
              )}
              <ul class="checkbox-list">
                {allowed.map((variable, index) => (
                  <li key={variable.code} class="field checkbox">
                    <input
                      type="checkbox"
                      id={`extract-variable-${index}`}
                      checked={variables.includes(variable.code)}
                      onChange={(event) =>
                        setVariables(
                          allowed
                            .map((v) => v.code)
                            .filter((code) =>
                              code === variable.code
                                ? event.currentTarget.checked
                                : variables.includes(code),
                            ),
                        )
                      }
                    />
                    <label for={`extract-variable-${index}`}>{variable.label}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" disabled={action.busy}>
              {t("client.research.request")}
            </button>
          </form>
        </section>
      )}
      <h2 id="extract-register">{t("client.research.register")}</h2>
      {query.data && register.length === 0 && <p>{t("client.research.register_empty")}</p>}
      {register.length > 0 && (
        <ul class="card-list" aria-labelledby="extract-register">
          {register.map((extract) => (
            <ExtractCard key={extract.id} extract={extract} labels={labels} language={language} />
          ))}
        </ul>
      )}
    </Page>
  );
}
