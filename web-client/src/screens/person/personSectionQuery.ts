// The query of the caseworker's section screen: the newcomer's section query (questionnaire,
// answers with version and markers) rooted at `person(personId)` instead of `me`, without the
// owner's private notes. Kept in step with screens/biography/SectionScreen.tsx by hand: the
// fields a section shows are the same for the owner and a caseworker (the server leaves out
// what the caller may not read).
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
        ...PersonQuestionParts
        fields {
          ...PersonQuestionParts
        }
      }
    }
    person(personId: $personId) {
      id
      givenName
      familyName
      biography {
        own @include(if: $own) {
          personal @include(if: $personal) {
            familyName {
              text
            }
            givenName {
              text
            }
            sex {
              code
            }
            dateOfBirth
            nationality {
              code
            }
            placeOfBirth {
              text
            }
            countryOfBirth {
              code
            }
            countryOfOrigin {
              code
            }
            arrivalDate
            residenceStatus {
              code
            }
            residenceDocumentValidUntil
            version
            loggedQuestions
            writableQuestions
            lockedForOwner
          }
          family @include(if: $family) {
            maritalStatus {
              code
            }
            numberOfChildren
            singleParent
            familyAbroad
            familyAbroadMembers {
              code
            }
            familyReunification {
              code
            }
            relativesInGermany
            version
            loggedQuestions
            writableQuestions
          }
          language @include(if: $language) {
            literacy {
              code
            }
            motherTongues {
              code
            }
            germanLevel {
              code
            }
            germanLevelCertified
            otherLanguages {
              language {
                code
              }
              level {
                code
              }
            }
            attendsLanguageCourse
            languageCourses {
              kind {
                code
              }
              levelReached {
                code
              }
              completed
              certificate
              year
            }
            integrationCourseAccess {
              code
            }
            languageCourseWish
            desiredCourseKind {
              code
            }
            courseTimes {
              code
            }
            childcareForCourse
            interpreterNeeded
            version
            loggedQuestions
            writableQuestions
          }
          education @include(if: $education) {
            attendsSchool
            currentSchoolType {
              code
            }
            schoolAbroad
            schoolYearsAbroad
            schoolCountry {
              code
            }
            schoolTypeAbroad {
              code
            }
            schoolCertificateAbroad {
              code
            }
            schoolCertificateGermany {
              code
            }
            vocationalTraining {
              code
            }
            vocationalTrainings {
              occupation {
                text
              }
              field {
                code
              }
              country {
                code
              }
              years
              completed
              certificate
            }
            universityStudy {
              code
            }
            universityStudies {
              subject {
                text
              }
              degree {
                code
              }
              country {
                code
              }
              years
              completed
              certificate
            }
            foreignQualification {
              code
            }
            recognitionStatus {
              code
            }
            recognitionReferenceOccupation {
              text
            }
            recognitionCounselling
            furtherEducationWish
            furtherEducationGoals {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          occupation @include(if: $occupation) {
            currentlyWorking
            weeklyHours
            workExperience {
              kind {
                code
              }
              jobTitle {
                text
              }
              field {
                code
              }
              tasks {
                text
              }
              country {
                code
              }
              years
              months
            }
            workPermit {
              code
            }
            employmentRegistration {
              code
            }
            lookingForWork
            desiredJob {
              text
            }
            desiredFields {
              code
            }
            desiredEmploymentKinds {
              code
            }
            workingTimePreference {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          living @include(if: $living) {
            hasDrivingLicence
            drivingLicenceClasses {
              code
            }
            foreignLicenceConversion {
              code
            }
            drivingLicenceWish
            transportMeans {
              code
            }
            healthRestrictions
            healthRestrictionsDetails {
              text
            }
            disabilitySupportNeeded
            disabilityCard {
              code
            }
            counsellingWish
            housingSituation {
              code
            }
            householdSize
            lookingForFlat
            digitalAccess {
              code
            }
            leisureInterests {
              text
            }
            clubMembership
            volunteering
            version
            loggedQuestions
            writableQuestions
          }
        }
        partners @include(if: $partner) {
          identity: personal {
            givenName {
              text
            }
            familyName {
              text
            }
          }
          personal @include(if: $personal) {
            familyName {
              text
            }
            givenName {
              text
            }
            sex {
              code
            }
            dateOfBirth
            nationality {
              code
            }
            version
            loggedQuestions
            writableQuestions
            lockedForOwner
          }
          family @include(if: $family) {
            partnerInGermany
            partnerSameHousehold
            version
            loggedQuestions
            writableQuestions
          }
          language @include(if: $language) {
            partnerGermanLevel {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          education @include(if: $education) {
            partnerSchoolYears
            partnerQualification {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          occupation @include(if: $occupation) {
            partnerWorking
            partnerOccupationField {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          memberId
        }
        children @include(if: $child) {
          identity: personal {
            givenName {
              text
            }
            familyName {
              text
            }
          }
          personal @include(if: $personal) {
            familyName {
              text
            }
            givenName {
              text
            }
            sex {
              code
            }
            dateOfBirth
            nationality {
              code
            }
            version
            loggedQuestions
            writableQuestions
            lockedForOwner
          }
          family @include(if: $family) {
            childInGermany
            childcareStatus {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          education @include(if: $education) {
            childAttendsSchool
            childSchoolType {
              code
            }
            version
            loggedQuestions
            writableQuestions
          }
          memberId
        }
      }
    }
  }

  fragment PersonQuestionParts on QuestionInfo {
    code
    kind
    label
    labelDe
    writeOnce
    maxLength
    minimum
    maximum
    options {
      code
      label
    }
    shownIf {
      question
      codes
    }
  }
`);
