// The caseload list's state lives in its address (/caseload?q=…&completeness=…), so a dashboard
// card, the back button and a reload all show the same list. This maps the address to the
// query's search and filter, and a filter's facet value (as the server counts it) back.
import type {
  CaseloadFacetField,
  CaseloadFilter,
  Completeness,
  GoalsDue,
  HandOverFilter,
} from "../../gql/graphql";
import type { MessageId } from "../../i18n";
import { paths } from "../../routes";

/** Each filter: its address parameter and its label. The facets come in the server's order. */
export const FILTERS: Record<CaseloadFacetField, { param: string; label: MessageId }> = {
  MUNICIPALITY: { param: "municipality", label: "client.caseload.facet_municipality" },
  COMPLETENESS: { param: "completeness", label: "client.caseload.facet_completeness" },
  RELEASE_ENDING: { param: "releaseEnding", label: "client.caseload.facet_release_ending" },
  HAND_OVER: { param: "handOver", label: "client.caseload.facet_hand_over" },
  GOALS: { param: "goals", label: "client.caseload.facet_goals" },
};

export interface CaseloadAddress {
  search: string;
  /** Address parameter → chosen facet value (as the server names it). */
  chosen: Record<string, string>;
}

export function addressOf(query: URLSearchParams): CaseloadAddress {
  const chosen: Record<string, string> = {};
  for (const { param } of Object.values(FILTERS)) {
    const value = query.get(param);
    if (value) chosen[param] = value;
  }
  return { search: query.get("q") ?? "", chosen };
}

/** The list's address for a search and filters (empty ones left out). */
export function caseloadUrl({ search, chosen }: CaseloadAddress): string {
  const query = new URLSearchParams();
  if (search.trim()) query.set("q", search.trim());
  for (const [param, value] of Object.entries(chosen)) if (value) query.set(param, value);
  const text = query.toString();
  return text ? `${paths.caseload}?${text}` : paths.caseload;
}

/** The query's filter; the facets name values in lower case, the enums in upper case. */
export function filterOf(chosen: Record<string, string>): CaseloadFilter {
  const upper = (param: string) => chosen[param]?.toUpperCase();
  const filter: CaseloadFilter = {};
  if (chosen["municipality"]) filter.municipalityId = chosen["municipality"];
  if (upper("completeness")) filter.completeness = upper("completeness") as Completeness;
  if (chosen["releaseEnding"] === "true") filter.releaseEnding = true;
  if (upper("handOver")) filter.handOver = upper("handOver") as HandOverFilter;
  if (upper("goals")) filter.goals = upper("goals") as GoalsDue;
  return filter;
}
