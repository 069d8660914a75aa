// The caseload: persons with an active release to the caller's teams. A search (name, spelling
// tolerant, or date of birth), filters that show how many persons each value gives, and paging
// by cursor ("show more" appends the next page). Search and filters live in the address.
import { useLocation } from "preact-iso";
import { useEffect, useState } from "preact/hooks";
import { type ApiError, request } from "../../api";
import { CaseloadRow } from "../../components/caseload/CaseloadRow";
import { addressOf, caseloadUrl, FILTERS, filterOf } from "../../components/caseload/caseloadQuery";
import "../../components/caseload/caseload.css";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { graphql } from "../../gql";
import type { CaseloadQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";

export const PAGE_SIZE = 25;

const CaseloadDocument = graphql(`
  query Caseload($search: String, $filter: CaseloadFilter, $first: Int!, $after: String) {
    caseload(search: $search, filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CaseloadRowParts
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      facets {
        field
        values {
          value
          label
          count
        }
      }
    }
  }
`);

type Connection = CaseloadQuery["caseload"];
type Edge = Connection["edges"][number];

export default function CaseloadScreen() {
  const { query, route } = useLocation();
  const address = addressOf(new URLSearchParams(query as Record<string, string>));
  const [typed, setTyped] = useState(address.search);
  useEffect(() => setTyped(address.search), [address.search]);

  const variables = {
    search: address.search || null,
    filter: filterOf(address.chosen),
    first: PAGE_SIZE,
    after: null,
  };
  const { data, error, loading, reload } = useQuery(CaseloadDocument, variables);

  // Pages after the first, appended by "show more"; a new search or filter starts over.
  const [more, setMore] = useState<{ edges: Edge[]; next: Connection["pageInfo"] } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [fetching, setFetching] = useState(false);
  const key = JSON.stringify(variables);
  useEffect(() => setMore(null), [key, data]);
  // Which search the data answers: after a new one, the old list stays hidden until it is in
  // (useQuery drops answers to earlier variables, so new data belongs to the current key).
  const [answered, setAnswered] = useState<string | null>(null);
  useEffect(() => setAnswered(key), [data]);
  const fresh = Boolean(data) && answered === key && !loading;

  const connection = data?.caseload;
  const edges = [...(connection?.edges ?? []), ...(more?.edges ?? [])];
  const pageInfo = more?.next ?? connection?.pageInfo;

  async function showMore() {
    if (!pageInfo?.endCursor) return;
    const firstNewIndex = edges.length;
    setFetching(true);
    setMoreError(null);
    try {
      const next = await request(CaseloadDocument, { ...variables, after: pageInfo.endCursor });
      setMore({
        edges: [...(more?.edges ?? []), ...next.caseload.edges],
        next: next.caseload.pageInfo,
      });
      // The first new person takes the focus, so reading goes on where the list grew.
      requestAnimationFrame(() => {
        const links = document.querySelectorAll<HTMLAnchorElement>(".case-row .case-name");
        links[firstNewIndex]?.focus();
      });
    } catch (caught) {
      setMoreError(caught as ApiError);
    } finally {
      setFetching(false);
    }
  }

  function go(search: string, chosen: Record<string, string>) {
    route(caseloadUrl({ search, chosen }));
  }

  const filtered = address.search || Object.keys(address.chosen).length > 0;
  return (
    <Page title={t("client.caseload.title")}>
      <form
        role="search"
        class="caseload-search"
        aria-label={t("client.caseload.search")}
        onSubmit={(event) => {
          event.preventDefault();
          go(typed, address.chosen);
        }}
      >
        <div class="field">
          <label for="caseload-search">{t("client.caseload.search_label")}</label>
          <p id="caseload-search-hint" class="hint">
            {t("client.caseload.search_hint")}
          </p>
          <div class="search-row">
            <input
              id="caseload-search"
              type="search"
              name="q"
              value={typed}
              maxLength={100}
              autoComplete="off"
              aria-describedby="caseload-search-hint"
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
            <button type="submit">{t("client.caseload.search_submit")}</button>
          </div>
        </div>
      </form>
      {connection && connection.facets.length > 0 && (
        <fieldset class="caseload-filters">
          <legend>{t("client.caseload.filters")}</legend>
          {connection.facets.map((facet) => {
            const { param, label } = FILTERS[facet.field];
            const id = `filter-${param}`;
            return (
              <div class="field" key={facet.field}>
                <label for={id}>{t(label)}</label>
                <select
                  id={id}
                  value={address.chosen[param] ?? ""}
                  onChange={(event) =>
                    go(address.search, { ...address.chosen, [param]: event.currentTarget.value })
                  }
                >
                  <option value="">{t("client.caseload.filter_any")}</option>
                  {facet.values.map((value) => (
                    <option key={value.value} value={value.value}>
                      {t("client.caseload.filter_value", {
                        label: value.label,
                        count: value.count,
                      })}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          {filtered && (
            <button type="button" class="button-secondary" onClick={() => go("", {})}>
              {t("client.caseload.filter_reset")}
            </button>
          )}
        </fieldset>
      )}
      {/* A new search or filter: the old list would answer the wrong question, so it waits. */}
      {!fresh && !error && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {connection && fresh && (
        <>
          <p class="caseload-count" role="status">
            {connection.totalCount === 0
              ? t("client.caseload.empty")
              : t("client.caseload.results", { count: connection.totalCount })}
          </p>
          <ul class="caseload-list">
            {edges.map((edge) => (
              <CaseloadRow key={edge.cursor} entry={edge.node} />
            ))}
          </ul>
          {edges.length > 0 && edges.length < connection.totalCount && (
            <p class="hint">
              {t("client.caseload.shown", { shown: edges.length, count: connection.totalCount })}
            </p>
          )}
          {moreError && <LoadError error={moreError} retry={() => void showMore()} />}
          {pageInfo?.hasNextPage && (
            <button
              type="button"
              class="button-secondary"
              disabled={fetching}
              onClick={() => void showMore()}
            >
              {fetching ? t("client.caseload.loading_more") : t("client.caseload.more")}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
