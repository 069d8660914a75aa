// The six biography sections: the API's enum and the client's path segment for each.
import type { Section } from "../gql/graphql";

export const SECTIONS: readonly Section[] = [
  "PERSONAL",
  "FAMILY",
  "LANGUAGE",
  "EDUCATION",
  "OCCUPATION",
  "LIVING",
];

/** "LANGUAGE" → "language" (as in /biography/language). */
export function sectionSlug(section: Section): string {
  return section.toLowerCase();
}

/** "language" → "LANGUAGE", or null for anything that is not a section. */
export function sectionFromSlug(slug: string | undefined): Section | null {
  return SECTIONS.find((section) => sectionSlug(section) === slug) ?? null;
}
