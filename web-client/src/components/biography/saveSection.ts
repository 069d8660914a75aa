// The three save mutations (the own page, a partner's, a child's) behind one call, so the save
// flow does not care whose page it is. Each sends the version read: the server refuses a stale
// one (VERSION_CONFLICT) instead of overwriting answers nobody here has seen.
import { request } from "../../api";
import { graphql } from "../../gql";
import type {
  ChildSectionInput,
  NewcomerSectionInput,
  PartnerSectionInput,
} from "../../gql/graphql";
import type { PageKind } from "./pageModel";

const SaveNewcomerSection = graphql(`
  mutation SaveNewcomerSection(
    $personId: ID!
    $expectedVersion: Int!
    $input: NewcomerSectionInput!
  ) {
    saveNewcomerSection(personId: $personId, expectedVersion: $expectedVersion, input: $input)
  }
`);
const SavePartnerSection = graphql(`
  mutation SavePartnerSection(
    $personId: ID!
    $memberId: ID!
    $expectedVersion: Int!
    $input: PartnerSectionInput!
  ) {
    savePartnerSection(
      personId: $personId
      memberId: $memberId
      expectedVersion: $expectedVersion
      input: $input
    )
  }
`);
const SaveChildSection = graphql(`
  mutation SaveChildSection(
    $personId: ID!
    $memberId: ID!
    $expectedVersion: Int!
    $input: ChildSectionInput!
  ) {
    saveChildSection(
      personId: $personId
      memberId: $memberId
      expectedVersion: $expectedVersion
      input: $input
    )
  }
`);

/** Whose section is saved, and the version its answers were read at. */
export interface SectionTarget {
  kind: PageKind;
  personId: string;
  memberId: string | undefined;
  slug: string;
  version: number;
}

/** Saves the changed answers of one section (rejects with the server's ApiError). */
export async function saveSection(
  { kind, personId, memberId, slug, version }: SectionTarget,
  changes: Record<string, unknown>,
): Promise<void> {
  const input = { [slug]: changes };
  if (kind === "own") {
    await request(SaveNewcomerSection, {
      personId,
      expectedVersion: version,
      input: input as NewcomerSectionInput,
    });
    return;
  }
  const member = { personId, memberId: memberId ?? "", expectedVersion: version };
  if (kind === "partner") {
    await request(SavePartnerSection, { ...member, input: input as PartnerSectionInput });
  } else {
    await request(SaveChildSection, { ...member, input: input as ChildSectionInput });
  }
}
