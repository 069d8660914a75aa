// "My data": the owner asks for an export of everything MoBio holds about them (one ZIP made in
// the background), sees where each export stands, and downloads it while it is valid (7 days).
// While one is being made the screen asks again every few seconds; the mail says so, too.
import { useEffect, useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { formatSize } from "../../components/documents/labels";
import { Page } from "../../components/Page";
import { formatDate, formatDateTime } from "../../components/releases/format";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { ExportState } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import "../../components/releases/releases.css";

const ExportOwner = graphql(`
  query ExportOwner {
    me {
      id
      person {
        id
      }
    }
  }
`);

const DataExports = graphql(`
  query DataExports($personId: ID!) {
    dataExports(personId: $personId) {
      id
      state
      requestedAt
      expiresAt
      downloadedAt
      size
      downloadUrl
    }
  }
`);

const RequestDataExport = graphql(`
  mutation RequestDataExport($personId: ID!) {
    requestDataExport(personId: $personId) {
      id
      state
    }
  }
`);

const POLL_MS = 3000;
const SCHEMA_URL = "/exports/data.schema.json";

function stateLabel(state: ExportState | null | undefined): string {
  switch (state) {
    case "READY":
      return t("client.export.state.ready");
    case "FAILED":
      return t("client.export.state.failed");
    case "EXPIRED":
      return t("client.export.state.expired");
    default:
      return t("client.export.state.queued");
  }
}

export default function DataExportScreen() {
  const { language } = useApp();
  const owner = useQuery(ExportOwner, {});
  const personId = owner.data?.me?.person?.id ?? "";
  const exports = useQuery(DataExports, { personId }, { skip: !personId });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const list = exports.data?.dataExports ?? [];
  const making = list.some((e) => e.state === "QUEUED");

  // Ask again while an export is being made; stop once none is.
  useEffect(() => {
    if (!making) return;
    const timer = setTimeout(exports.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [making, exports.data, exports.reload]);

  async function ask(event: Event) {
    event.preventDefault();
    if (!personId) return;
    setProblems([]);
    setMessage("");
    setBusy(true);
    try {
      await request(RequestDataExport, { personId });
      setMessage(t("client.export.requested"));
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
      exports.reload();
    }
  }

  const error = owner.error ?? exports.error;
  return (
    <Page title={t("client.export.title")}>
      <p>{t("client.export.intro")}</p>
      <p>{t("client.export.how")}</p>
      <form onSubmit={ask} class="inline-form">
        <ErrorSummary problems={problems} />
        <button type="submit" disabled={busy || making || !personId}>
          {t("client.export.request")}
        </button>
      </form>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>

      <section aria-labelledby="export-list-heading">
        <h2 id="export-list-heading">{t("client.export.list")}</h2>
        {(owner.loading || exports.loading) && !exports.data && <Loading />}
        {error && <LoadError error={error} retry={exports.reload} />}
        {exports.data && list.length === 0 && <p class="notice">{t("client.export.none")}</p>}
        {list.length > 0 && (
          <ul class="card-list data-exports">
            {list.map((item) => (
              <li key={item.id} class="card" data-state={item.state ?? undefined}>
                <p class="card-title">{stateLabel(item.state)}</p>
                <dl class="facts">
                  <dt>{t("client.export.requested_at")}</dt>
                  <dd>
                    <time dateTime={item.requestedAt ?? undefined}>
                      {formatDateTime(item.requestedAt, language)}
                    </time>
                  </dd>
                  {item.downloadUrl && item.expiresAt && (
                    <>
                      <dt>{t("client.export.expires_at")}</dt>
                      <dd>
                        <time dateTime={item.expiresAt}>
                          {formatDate(item.expiresAt, language)}
                        </time>
                      </dd>
                    </>
                  )}
                  {item.downloadUrl && item.size != null && (
                    <>
                      <dt>{t("client.export.size")}</dt>
                      <dd dir="ltr">{formatSize(item.size, language)}</dd>
                    </>
                  )}
                  {item.downloadedAt && (
                    <>
                      <dt>{t("client.export.downloaded_at")}</dt>
                      <dd>
                        <time dateTime={item.downloadedAt}>
                          {formatDateTime(item.downloadedAt, language)}
                        </time>
                      </dd>
                    </>
                  )}
                </dl>
                {item.downloadUrl && (
                  <p>
                    <a class="button" href={item.downloadUrl} download>
                      {t("client.export.download")}
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href={SCHEMA_URL}>{t("client.export.schema")}</a>
      </p>
      <p>
        <a href={paths.account}>{t("client.export.to_account")}</a>
      </p>
    </Page>
  );
}
