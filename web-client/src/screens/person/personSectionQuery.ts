// The query of the caseworker's section screen: the newcomer's section query (questionnaire,
// answers with version and markers, the same fragments) rooted at `person(personId)` instead
// of `me`, without the owner's private notes.
import { graphql } from "../../gql";

export const PersonSectionQuery = graphql(`
  query PersonSection(
    $personId: ID!
    $page: String!
    $section: Section!
    $own: Boolean!
    $partner: Boolean!
    $child: Boolean!
    $personal: Boolean!
    $family: Boolean!
    $language: Boolean!
    $education: Boolean!
    $occupation: Boolean!
    $living: Boolean!
  ) {
    questionnaire(page: $page, section: $section) {
      section
      label
      questions {
        ...QuestionParts
        fields {
          ...QuestionParts
        }
      }
    }
    person(personId: $personId) {
      id
      givenName
      familyName
      biography {
        ...SectionPages
      }
    }
  }
`);
