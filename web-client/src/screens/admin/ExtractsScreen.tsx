// The administrator's decisions on research extracts: each requested one is approved (a job then
// writes its file) or rejected with a reason; the register shows every extract and its state.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SuccessNotice } from "../../components/admin/Notice";
import { TextAreaField } from "../../components/admin/fields";
import { required, useAction } from "../../components/admin/useAction";
import { ExtractCard } from "../../components/research/ExtractCard";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const AdminExtractsQuery = graphql(`
  query AdminExtracts {
    researchVariables {
      code
      label
    }
    researchExtracts {
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
    }
  }
`);

const Approve = graphql(`
  mutation AdminApproveExtract($id: ID!) {
    approveResearchExtract(id: $id) {
      id
      state
    }
  }
`);

const Reject = graphql(`
  mutation AdminRejectExtract($id: ID!, $reason: String!) {
    rejectResearchExtract(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

export default function AdminExtractsScreen() {
  const { language } = useApp();
  const query = useQuery(AdminExtractsQuery, {});
  const action = useAction();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const labels = new Map((query.data?.researchVariables ?? []).map((v) => [v.code, v.label]));
  const register = query.data?.researchExtracts ?? [];

  async function approve(id: string, number: number) {
    const done = await action.run([], async () => {
      await request(Approve, { id });
      return t("client.research.admin.approved", { number });
    });
    if (done) query.reload();
  }

  async function reject(id: string, number: number) {
    const field = `extract-reason-${number}`;
    const reason = reasons[id] ?? "";
    const found = required([[field, t("client.research.admin.reason"), reason]], (label) =>
      t("client.error.required", { field: label }),
    );
    const done = await action.run(
      found,
      async () => {
        await request(Reject, { id, reason: reason.trim() });
        return t("client.research.admin.rejected", { number });
      },
      field,
    );
    if (done) query.reload();
  }

  return (
    <Page title={t("client.research.admin.title")}>
      <p>{t("client.research.admin.intro")}</p>
      <SuccessNotice message={action.message} />
      <ErrorSummary problems={action.problems} />
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && register.length === 0 && <p>{t("client.research.register_empty")}</p>}
      {register.length > 0 && (
        <ul class="card-list" aria-label={t("client.research.register")}>
          {register.map((extract) => {
            const id = extract.id ?? "";
            const number = extract.number ?? 0;
            const field = `extract-reason-${number}`;
            return (
              <ExtractCard key={id} extract={extract} labels={labels} language={language}>
                {extract.state === "REQUESTED" && (
                  <div class="extract-decision">
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => void approve(id, number)}
                    >
                      {t("client.research.admin.approve", { number })}
                    </button>
                    <TextAreaField
                      id={field}
                      label={t("client.research.admin.reason")}
                      rows={2}
                      value={reasons[id] ?? ""}
                      onValue={(value) => setReasons({ ...reasons, [id]: value })}
                      error={errorFor(action.problems, field)}
                    />
                    <button
                      type="button"
                      class="button-secondary"
                      disabled={action.busy}
                      onClick={() => void reject(id, number)}
                    >
                      {t("client.research.admin.reject", { number })}
                    </button>
                  </div>
                )}
              </ExtractCard>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
