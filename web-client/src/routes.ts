// Every client path in one place: link with `paths.x`, never with a literal string.
// Server paths (/graphql, /activate, /reset-password, /shared, /documents/…, /exports/…, /forms/…,
// /evaluation/reports/…, /research/extracts/…, /healthz)
// are not client routes: the LocationProvider leaves links to them to the browser (SERVER_PATHS).
export const paths = {
  start: "/",
  language: "/language",
  register: "/register",
  registerSent: "/register/sent",
  login: "/login",
  passwordForgotten: "/password-forgotten",
  home: "/home",
  biography: "/biography",
  section: (section: string) => `/biography/${section}`,
  memberSection: (kind: "partner" | "child", memberId: string, section: string) =>
    `/biography/${kind}/${memberId}/${section}`,
  releases: "/releases",
  accessLog: "/access-log",
  documents: "/my-documents",
  account: "/account",
  dataExport: "/account/export",
  deletion: "/account/delete",
  undoDeletion: "/deletion/undo",
  confirmEmail: "/confirm-email",
  // Case management: the newcomer's goals and corrections, claiming a profile from its letter.
  myGoals: "/my-goals",
  myCorrections: "/my-corrections",
  claim: "/claim",
  // The caseworker's screens (their dashboard is at /home).
  caseload: "/caseload",
  newProfile: "/new-profile",
  handOverOffers: "/hand-over-offers",
  person: (personId: string) => `/persons/${personId}`,
  personTab: (personId: string, tab: string) => `/persons/${personId}/${tab}`,
  personSection: (personId: string, section: string) => `/persons/${personId}/biography/${section}`,
  personMemberSection: (
    personId: string,
    kind: "partner" | "child",
    memberId: string,
    section: string,
  ) => `/persons/${personId}/biography/${kind}/${memberId}/${section}`,
  admin: "/admin",
  adminMunicipalities: "/admin/municipalities",
  adminTeams: "/admin/teams",
  adminAccounts: "/admin/accounts",
  adminDeclarations: "/admin/declarations",
  adminForms: "/admin/forms",
  // The analyst's screens (their home leads to the evaluation). Not under /evaluation/, which
  // holds the server's report downloads.
  evaluation: "/analysis",
  extracts: "/analysis/extracts",
  adminExtracts: "/admin/extracts",
  // The newcomer's choice about research (GET /research/extracts/… are the server's files).
  research: "/account/research",
} as const;

/** A statutory report of `period` as a file of the server, in German or English. */
export function reportUrl(period: string, format: "csv" | "xlsx" | "ods", language: "de" | "en") {
  return `/evaluation/reports/${encodeURIComponent(period)}.${format}?lang=${language}`;
}

/** Links the client router must leave to the browser (served by the Python server). */
export const SERVER_PATHS =
  /^\/(graphql|activate|reset-password|shared|documents|exports|forms|evaluation|research|healthz)(\/|\?|$)/;

/** Links the client router handles: same-origin paths that are not the server's. */
export const CLIENT_SCOPE =
  /^\/(?!(graphql|activate|reset-password|shared|documents|exports|forms|evaluation|research|healthz)(\/|\?|$))/;

/** Query-string value `name` of the current address. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** A `next` target that stays inside the client (never another origin or a server page). */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || SERVER_PATHS.test(next)) {
    return fallback;
  }
  return next;
}

/** Go to `url` from code outside a component (the router follows history's popstate). */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  dispatchEvent(new PopStateEvent("popstate"));
}
