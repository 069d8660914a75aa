// What both section screens read of a biography (the newcomer's own, and a caseworker's
// person view): each page's sections, chosen by the operation's variables ($own, $partner,
// $child, and one per section), with version and markers; and what they read of a question.
// One selection, so the two screens cannot drift apart. The server leaves out what the
// caller may not read.
import { graphql } from "../../gql";

export const SectionPagesFragment = graphql(`
  fragment SectionPages on Biography {
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
`);

export const QuestionPartsFragment = graphql(`
  fragment QuestionParts on QuestionInfo {
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
