// One section of a biography page: the own page (/biography/<section>) or a partner's or
// child's (/biography/<partner|child>/<memberId>/<section>). One query reads the questionnaire
// of the section, its answers with the version, and the private notes; saving sends the
// changed answers with the version read, so a save never overwrites someone else's unseen one.
import { useRoute } from "preact-iso";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, request } from "../../api";
import { HistoryDialog } from "../../components/biography/HistoryDialog";
import { displayValue } from "../../components/biography/HistoryDialog";
import {
  changesOf,
  type Draft,
  type DraftValue,
  draftFrom,
  editedCodes,
  type Entry,
  inputId,
  isShown,
  type Question,
} from "../../components/biography/model";
import { PrivateNotes } from "../../components/biography/PrivateNotes";
import { QuestionField } from "../../components/biography/QuestionField";
import "../../components/biography/biography.css";
import { ErrorSummary, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type {
  ChildSectionInput,
  NewcomerSectionInput,
  PartnerSectionInput,
  Section,
} from "../../gql/graphql";
import { t } from "../../i18n";
import { sectionFromSlug, sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import NotFoundScreen from "../not-found/NotFoundScreen";

const SectionScreenQuery = graphql(`
  query SectionScreen(
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
    me {
      person {
        id
        privateNotes(section: $section) @include(if: $own) {
          id
          body
          createdAt
          updatedAt
        }
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
              lockedForOwner
            }
            family @include(if: $family) {
              partnerInGermany
              partnerSameHousehold
              version
              loggedQuestions
            }
            language @include(if: $language) {
              partnerGermanLevel {
                code
              }
              version
              loggedQuestions
            }
            education @include(if: $education) {
              partnerSchoolYears
              partnerQualification {
                code
              }
              version
              loggedQuestions
            }
            occupation @include(if: $occupation) {
              partnerWorking
              partnerOccupationField {
                code
              }
              version
              loggedQuestions
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
              lockedForOwner
            }
            family @include(if: $family) {
              childInGermany
              childcareStatus {
                code
              }
              version
              loggedQuestions
            }
            education @include(if: $education) {
              childAttendsSchool
              childSchoolType {
                code
              }
              version
              loggedQuestions
            }
            memberId
          }
        }
      }
    }
  }

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

type PageKind = "own" | "partner" | "child";

const GERMAN_KEY = "mobio.germanLabels";

function storedGerman(): boolean {
  try {
    return localStorage.getItem(GERMAN_KEY) !== "off";
  } catch {
    return true;
  }
}

interface SectionData {
  version?: number | null;
  loggedQuestions?: readonly string[] | null;
  lockedForOwner?: readonly string[] | null;
  [answer: string]: unknown;
}

interface Member {
  memberId?: string | null;
  identity?: {
    givenName?: { text?: string | null } | null;
    familyName?: { text?: string | null } | null;
  } | null;
  [section: string]: unknown;
}

/** The member's name as entered, or null. */
export function memberName(member: Member | undefined): string | null {
  const name = [member?.identity?.givenName?.text, member?.identity?.familyName?.text]
    .filter(Boolean)
    .join(" ");
  return name || null;
}

/** The problems of a draft the browser can tell before sending: numbers and dates. */
function check(questions: Question[], draft: Draft, byCode: Map<string, Question>): Problem[] {
  const problems: Problem[] = [];
  const checkOne = (question: Question, value: string, id: string) => {
    const text = value.trim();
    if (!text) return;
    if (question.kind === "NUMBER") {
      const number = Number(text);
      if (!Number.isInteger(number) || number < question.minimum || number > question.maximum) {
        problems.push({
          field: id,
          message: t("client.biography.error_number", {
            label: question.label,
            min: question.minimum,
            max: question.maximum,
          }),
        });
      }
    } else if (question.kind === "DATE") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(new Date(text).getTime())) {
        problems.push({
          field: id,
          message: t("client.biography.error_date", { label: question.label }),
        });
      }
    }
  };
  for (const question of questions) {
    if (!isShown(question, byCode, draft)) continue;
    const value = draft[question.code];
    if (question.kind === "ENTRIES") {
      ((value ?? []) as Entry[]).forEach((entry, index) => {
        for (const field of question.fields ?? []) {
          checkOne(
            field,
            entry.values[field.code] ?? "",
            inputId(question.code, index, field.code),
          );
        }
      });
    } else if (typeof value === "string") {
      checkOne(question, value, inputId(question.code));
    }
  }
  return problems;
}

export default function SectionScreen() {
  const { params } = useRoute();
  const { language } = useApp();
  const section = sectionFromSlug(params["section"]);
  const kindParam = params["kind"];
  const kind: PageKind | null =
    kindParam === undefined
      ? "own"
      : kindParam === "partner" || kindParam === "child"
        ? kindParam
        : null;
  const memberId = params["memberId"];
  const slug = section ? sectionSlug(section) : "personal";
  const valid = Boolean(section && kind && (kind === "own" || memberId));

  const { data, error, loading, reload } = useQuery(
    SectionScreenQuery,
    {
      page: kind === "own" || !kind ? "newcomer" : kind,
      section: section ?? "PERSONAL",
      own: kind === "own",
      partner: kind === "partner",
      child: kind === "child",
      personal: slug === "personal",
      family: slug === "family",
      language: slug === "language",
      education: slug === "education",
      occupation: slug === "occupation",
      living: slug === "living",
    },
    { skip: !valid },
  );

  const info = data?.questionnaire[0];
  const questions = useMemo(() => (info?.questions ?? []) as Question[], [info]);
  const byCode = useMemo(() => new Map(questions.map((q) => [q.code, q])), [questions]);
  const person = data?.me?.person;
  const personId = person?.id ?? "";
  const biography = person?.biography;
  const member: Member | undefined =
    kind === "partner"
      ? (biography?.partners ?? []).find((m) => m.memberId === memberId)
      : kind === "child"
        ? (biography?.children ?? []).find((m) => m.memberId === memberId)
        : undefined;
  const sectionData = (
    kind === "own"
      ? (biography?.own as Record<string, unknown> | null | undefined)?.[slug]
      : member?.[slug]
  ) as SectionData | null | undefined;
  const version = sectionData?.version ?? 0;
  const logged = new Set(sectionData?.loggedQuestions ?? []);
  const locked = useMemo(() => new Set(sectionData?.lockedForOwner ?? []), [sectionData]);

  const [base, setBase] = useState<Draft>({});
  const [draft, setDraft] = useState<Draft>({});
  const loadedKey = useRef<string>("");
  const [conflict, setConflict] = useState<Record<string, DraftValue> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<{ text: string; tone: "success" | "info" } | null>(null);
  const [saving, setSaving] = useState(false);
  const [german, setGerman] = useState(storedGerman);
  const [history, setHistory] = useState<Question | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  // New answers from the server (first load, after a save, after a conflict): the form shows
  // them. The same version again (e.g. the language changed) keeps what is being typed.
  useEffect(() => {
    if (!data || !questions.length) return;
    const key = `${kind}/${memberId ?? ""}/${slug}/${version}`;
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    const fresh = draftFrom(questions, sectionData as Record<string, unknown> | null);
    setBase(fresh);
    setDraft(fresh);
  }, [data, questions, kind, memberId, slug, version]);

  if (!valid || !section || !kind) return <NotFoundScreen />;
  if (data && kind !== "own" && !member) return <NotFoundScreen />;

  const sectionLabel = info?.label ?? t("client.biography.title");
  const name =
    memberName(member) ??
    (kind === "partner"
      ? t("client.biography.unnamed_partner")
      : t("client.biography.unnamed_child"));
  const title =
    kind === "own"
      ? sectionLabel
      : t("client.biography.member_title", { section: sectionLabel, name });
  const showGermanToggle = language !== "de";
  const context = {
    errors: Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.message])),
    german: german && showGermanToggle,
  };
  const lockedQuestions = questions.filter((q) => locked.has(q.code));
  const openQuestions = questions.filter((q) => !locked.has(q.code));

  function change(code: string, value: DraftValue) {
    setDraft((previous) => ({ ...previous, [code]: value }));
  }

  function showStatus(text: string, tone: "success" | "info") {
    setStatus({ text, tone });
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    setStatus(null);
    const found = check(questions, draft, byCode);
    setProblems(found);
    if (found.length) return;
    const changes = changesOf(questions, base, draft, locked);
    if (!Object.keys(changes).length) {
      showStatus(t("client.biography.no_changes"), "info");
      return;
    }
    setSaving(true);
    try {
      const expectedVersion = version;
      if (kind === "own") {
        const input = { [slug]: changes } as NewcomerSectionInput;
        await request(SaveNewcomerSection, { personId, expectedVersion, input });
      } else if (kind === "partner") {
        const input = { [slug]: changes } as PartnerSectionInput;
        await request(SavePartnerSection, {
          personId,
          memberId: memberId ?? "",
          expectedVersion,
          input,
        });
      } else {
        const input = { [slug]: changes } as ChildSectionInput;
        await request(SaveChildSection, {
          personId,
          memberId: memberId ?? "",
          expectedVersion,
          input,
        });
      }
      setConflict(null);
      reload();
      showStatus(t("client.biography.saved"), "success");
    } catch (caught) {
      const apiError =
        caught instanceof ApiError
          ? caught
          : new ApiError(t("client.error.unexpected"), "UNEXPECTED");
      if (apiError.code === "VERSION_CONFLICT") {
        // Keep what was typed, show the current answers, offer to apply the input again.
        const edited = Object.fromEntries(
          editedCodes(questions, base, draft).map((code) => [code, draft[code] as DraftValue]),
        );
        setConflict(edited);
        reload();
        requestAnimationFrame(() => conflictRef.current?.focus());
      } else if (apiError.fields.length) {
        setProblems(
          apiError.fields.map((f) =>
            byCode.has(f.field)
              ? { field: inputId(f.field), message: f.message }
              : { message: f.message },
          ),
        );
      } else {
        setProblems([{ message: apiError.message }]);
      }
    } finally {
      setSaving(false);
    }
  }

  function reapply() {
    if (!conflict) return;
    setDraft((current) => ({ ...current, ...conflict }));
    setConflict(null);
    showStatus(t("client.biography.reapplied"), "info");
  }

  function historyButton(question: Question) {
    if (!logged.has(question.code)) return null;
    return (
      <button
        type="button"
        class="history-button link-button"
        aria-label={t("client.biography.history_of", { label: question.label })}
        onClick={() => setHistory(question)}
      >
        {t("client.biography.history")}
      </button>
    );
  }

  return (
    <Page title={title}>
      <p>
        <a href={paths.biography}>{t("client.biography.back")}</a>
      </p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && (
        <>
          {showGermanToggle && (
            <div class="field checkbox german-toggle">
              <input
                id="german-labels"
                type="checkbox"
                checked={german}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setGerman(on);
                  try {
                    localStorage.setItem(GERMAN_KEY, on ? "on" : "off");
                  } catch {
                    // not stored: lasts for this visit
                  }
                }}
              />
              <label for="german-labels">{t("client.biography.german_labels")}</label>
            </div>
          )}
          {conflict && (
            <div ref={conflictRef} class="notice notice-warning" role="alert" tabIndex={-1}>
              <p>{t("client.biography.conflict")}</p>
              <div class="button-row">
                <button type="button" onClick={reapply}>
                  {t("client.biography.reapply")}
                </button>
                <button type="button" class="button-secondary" onClick={() => setConflict(null)}>
                  {t("client.biography.discard")}
                </button>
              </div>
            </div>
          )}
          <div
            ref={statusRef}
            role="status"
            tabIndex={-1}
            class={
              status ? `notice notice-${status.tone} save-status` : "visually-hidden save-status"
            }
          >
            {status && <p>{status.text}</p>}
          </div>
          <ErrorSummary problems={problems} />
          {lockedQuestions.length > 0 && (
            <section class="locked-answers" aria-labelledby="locked-title">
              <h2 id="locked-title">{t("client.biography.locked_title")}</h2>
              <p>{t("client.biography.locked_body")}</p>
              <dl>
                {lockedQuestions.map((question) => (
                  <div key={question.code} class="locked-answer">
                    <dt>
                      {question.label}
                      {context.german && question.labelDe !== question.label && (
                        <span class="label-de" lang="de" dir="ltr">
                          {question.labelDe}
                        </span>
                      )}
                    </dt>
                    <dd>
                      {displayValue(question, draft[question.code]) ||
                        t("client.biography.no_answer")}
                      {historyButton(question)}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <form noValidate class="section-form" onSubmit={(event) => void save(event)}>
            {openQuestions
              .filter((question) => isShown(question, byCode, draft))
              .map((question) => (
                <QuestionField
                  key={question.code}
                  question={question}
                  value={draft[question.code]}
                  onChange={(value) => change(question.code, value)}
                  context={context}
                  extra={historyButton(question)}
                />
              ))}
            <div class="save-bar">
              <button type="submit" disabled={saving}>
                {saving ? t("client.biography.saving") : t("client.biography.save")}
              </button>
            </div>
          </form>
          {kind === "own" && person?.privateNotes && (
            <PrivateNotes
              personId={personId}
              section={section as Section}
              notes={person.privateNotes}
              reload={reload}
            />
          )}
          {history && (
            <HistoryDialog
              personId={personId}
              memberId={kind === "own" ? undefined : memberId}
              question={history}
              onClose={() => setHistory(null)}
            />
          )}
        </>
      )}
    </Page>
  );
}
