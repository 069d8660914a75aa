// Which biography page a section screen shows (the own one, a partner's or a child's) and where
// its answers sit in the screen's query result. Kept apart so the screen reads the route and the
// result by name instead of by casts.

export type PageKind = "own" | "partner" | "child";

/** The answers of one section as the query returns them, with their version and markers. */
export interface SectionData {
  version?: number | null;
  loggedQuestions?: readonly string[] | null;
  lockedForOwner?: readonly string[] | null;
  writableQuestions?: readonly string[] | null;
  [answer: string]: unknown;
}

/** A partner or child as the query returns them: the name, and one section under its slug. */
export interface Member {
  memberId?: string | null;
  identity?: {
    givenName?: { text?: string | null } | null;
    familyName?: { text?: string | null } | null;
  } | null;
  [section: string]: unknown;
}

/** The route's `kind`: none is the own page; anything but partner or child is no page (null). */
export function pageKindOf(kindParam: string | undefined): PageKind | null {
  if (kindParam === undefined) return "own";
  return kindParam === "partner" || kindParam === "child" ? kindParam : null;
}

/** The member's name as entered, or null. */
export function memberName(member: Member | undefined): string | null {
  const name = [member?.identity?.givenName?.text, member?.identity?.familyName?.text]
    .filter(Boolean)
    .join(" ");
  return name || null;
}
