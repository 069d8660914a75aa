// An assisted profile (/new-profile): a caseworker creates the profile of a person without an
// account from the signed paper declarations (usage and release to the team), whose scan is
// required. Before saving, the duplicate check: matches in the team's caseload are listed,
// a match elsewhere is only said to exist; going on needs a reason, which is logged. Then the
// claim letter, with which the person takes the profile over.
import { useRef, useState } from "preact/hooks";
import { request, upload, type UploadProgress } from "../../api";
import { FileField, SelectField } from "../../components/admin/fields";
import { ClaimLetterButton } from "../../components/casework/ClaimLetterButton";
import "../../components/casework/casework.css";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { formatDate } from "../../components/releases/format";
import "../../components/releases/releases.css";
import { LoadError, Loading } from "../../components/Status";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import type { PossibleDuplicatesQuery } from "../../gql/graphql";
import { LANGUAGES, t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";

const NewProfileQuery = graphql(`
  query NewProfile {
    myTeams {
      id
      name
      kind
    }
    usage: consentDocuments(kind: USAGE) {
      id
      language
      version
    }
    teamRelease: consentDocuments(kind: TEAM_RELEASE) {
      id
      language
      version
    }
    questionnaire(page: "newcomer", section: PERSONAL) {
      questions {
        code
        label
        options {
          code
          label
        }
      }
    }
  }
`);

const PossibleDuplicates = graphql(`
  query PossibleDuplicates(
    $givenName: String!
    $familyName: String!
    $dateOfBirth: Date!
    $teamId: ID!
  ) {
    possibleDuplicates(
      givenName: $givenName
      familyName: $familyName
      dateOfBirth: $dateOfBirth
      teamId: $teamId
    ) {
      matches {
        id
        givenName
        familyName
        dateOfBirth
      }
      existsElsewhere
    }
  }
`);

const CreateAssistedProfile = graphql(`
  mutation CreateAssistedProfile(
    $givenName: String!
    $familyName: String!
    $dateOfBirth: Date!
    $language: String!
    $teamId: ID!
    $usageConsentDocumentId: ID!
    $teamReleaseConsentDocumentId: ID!
    $scan: Upload
    $sex: String
    $nationality: String
    $duplicateReason: String
  ) {
    createAssistedProfile(
      givenName: $givenName
      familyName: $familyName
      dateOfBirth: $dateOfBirth
      language: $language
      teamId: $teamId
      usageConsentDocumentId: $usageConsentDocumentId
      teamReleaseConsentDocumentId: $teamReleaseConsentDocumentId
      scan: $scan
      sex: $sex
      nationality: $nationality
      duplicateReason: $duplicateReason
    )
  }
`);

type Duplicates = PossibleDuplicatesQuery["possibleDuplicates"];

const IDS = {
  teamId: "profile-team",
  givenName: "profile-given-name",
  familyName: "profile-family-name",
  dateOfBirth: "profile-birth",
  language: "profile-language",
  sex: "profile-sex",
  nationality: "profile-nationality",
  usageConsentDocumentId: "profile-usage",
  teamReleaseConsentDocumentId: "profile-release",
  scan: "profile-scan",
  duplicateReason: "profile-duplicate-reason",
};

const ASSISTING = new Set(["SOCIAL_COUNSELLING", "INTEGRATION_MANAGEMENT"]);

/** The declaration in the person's language, else the German one. */
function documentFor(documents: { id: string; language: string }[], language: string): string {
  return (
    documents.find((d) => d.language === language)?.id ??
    documents.find((d) => d.language === "de")?.id ??
    ""
  );
}

export default function NewProfileScreen() {
  const { language: uiLanguage } = useApp();
  const { data, error, loading, reload } = useQuery(NewProfileQuery, {});
  const teams = (data?.myTeams ?? []).filter((team) => ASSISTING.has(team.kind));
  const [teamChoice, setTeamChoice] = useState("");
  const teamId = teamChoice || (teams.length === 1 ? (teams[0]?.id ?? "") : "");
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [birth, setBirth] = useState("");
  const [language, setLanguage] = useState("");
  const [sex, setSex] = useState("");
  const [nationality, setNationality] = useState("");
  const [usageChoice, setUsageChoice] = useState("");
  const [releaseChoice, setReleaseChoice] = useState("");
  const [scan, setScan] = useState<File | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [checkedFor, setCheckedFor] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const personLanguage = language || uiLanguage;
  const usageId = usageChoice || documentFor(data?.usage ?? [], personLanguage);
  const releaseId = releaseChoice || documentFor(data?.teamRelease ?? [], personLanguage);
  const personal = data?.questionnaire.flatMap((section) => section.questions) ?? [];
  const options = (code: string) =>
    (personal.find((q) => q.code === code)?.options ?? []).map((o) => ({
      value: o.code,
      label: o.label,
    }));
  const identity = `${givenName.trim()}|${familyName.trim()}|${birth}|${teamId}`;
  const anyDuplicate =
    checkedFor === identity &&
    !!duplicates &&
    (duplicates.matches.length > 0 || duplicates.existsElsewhere);

  function validate(): Problem[] {
    const found: Problem[] = [];
    const required = (field: string, label: string) =>
      found.push({ field, message: t("client.error.required", { field: label }) });
    if (!teamId) required(IDS.teamId, t("client.casework.profile.team"));
    if (!givenName.trim()) required(IDS.givenName, t("client.casework.profile.given_name"));
    if (!familyName.trim()) required(IDS.familyName, t("client.casework.profile.family_name"));
    if (!birth) required(IDS.dateOfBirth, t("client.casework.profile.date_of_birth"));
    if (!language) required(IDS.language, t("client.casework.profile.language"));
    if (!usageId) required(IDS.usageConsentDocumentId, t("client.casework.profile.usage"));
    if (!releaseId)
      required(IDS.teamReleaseConsentDocumentId, t("client.casework.profile.release"));
    if (!scan) required(IDS.scan, t("client.casework.profile.scan"));
    return found;
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found = validate();
    setProblems(found);
    if (found.length || !scan) return;
    setBusy(true);
    try {
      // The duplicate check first, for these names and this date: a match asks for a reason.
      if (checkedFor !== identity) {
        const check = (
          await request(PossibleDuplicates, {
            givenName: givenName.trim(),
            familyName: familyName.trim(),
            dateOfBirth: birth,
            teamId,
          })
        ).possibleDuplicates;
        setDuplicates(check);
        setCheckedFor(identity);
        if (check.matches.length || check.existsElsewhere) return;
      } else if (anyDuplicate && !reason.trim()) {
        setProblems([
          {
            field: IDS.duplicateReason,
            message: t("client.error.required", {
              field: t("client.casework.profile.duplicate_reason"),
            }),
          },
        ]);
        return;
      }
      const answer = await upload(
        CreateAssistedProfile,
        {
          givenName: givenName.trim(),
          familyName: familyName.trim(),
          dateOfBirth: birth,
          language,
          teamId,
          usageConsentDocumentId: usageId,
          teamReleaseConsentDocumentId: releaseId,
          scan: null,
          sex: sex || null,
          nationality: nationality || null,
          duplicateReason: anyDuplicate ? reason.trim() : null,
        },
        { "variables.scan": scan },
        { onProgress: setProgress },
      );
      setCreated({
        id: answer.createAssistedProfile,
        name: `${givenName.trim()} ${familyName.trim()}`,
      });
    } catch (failure) {
      setProblems(problemsFrom(failure, IDS));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  if (created) {
    return (
      <Page title={t("client.casework.profile.created_title")}>
        <p class="notice notice-success" role="status">
          {t("client.casework.profile.created", { name: created.name })}
        </p>
        <h2>{t("client.casework.claim.title")}</h2>
        <ClaimLetterButton personId={created.id} />
        <p>
          <a href={paths.person(created.id)}>
            {t("client.casework.profile.open", { name: created.name })}
          </a>
        </p>
      </Page>
    );
  }

  const declarationOptions = (documents: { id: string; language: string; version: number }[]) =>
    documents.map((d) => ({
      value: d.id,
      label: t("client.casework.profile.declaration_option", {
        language: languageName(d.language),
        version: d.version,
      }),
    }));

  return (
    <Page title={t("client.casework.profile.title")}>
      <p>{t("client.casework.profile.intro")}</p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      <ErrorSummary problems={problems} />
      {data && teams.length === 0 && (
        <p class="notice notice-error" role="alert">
          {t("client.casework.profile.no_team")}
        </p>
      )}
      {data && teams.length > 0 && (
        <form class="casework-form" onSubmit={(event) => void submit(event)} noValidate>
          {teams.length > 1 && (
            <SelectField
              id={IDS.teamId}
              label={t("client.casework.profile.team")}
              choose={t("client.casework.choose")}
              value={teamId}
              options={teams.map((team) => ({ value: team.id, label: team.name }))}
              onValue={setTeamChoice}
              error={errorFor(problems, IDS.teamId)}
            />
          )}
          <Field
            id={IDS.givenName}
            label={t("client.casework.profile.given_name")}
            autocomplete="off"
            value={givenName}
            onValue={setGivenName}
            error={errorFor(problems, IDS.givenName)}
          />
          <Field
            id={IDS.familyName}
            label={t("client.casework.profile.family_name")}
            autocomplete="off"
            value={familyName}
            onValue={setFamilyName}
            error={errorFor(problems, IDS.familyName)}
          />
          <Field
            id={IDS.dateOfBirth}
            type="date"
            label={t("client.casework.profile.date_of_birth")}
            value={birth}
            onValue={setBirth}
            error={errorFor(problems, IDS.dateOfBirth)}
          />
          <SelectField
            id={IDS.sex}
            label={t("client.casework.profile.sex")}
            choose={t("client.casework.not_given")}
            value={sex}
            options={options("sex")}
            onValue={setSex}
          />
          <SelectField
            id={IDS.nationality}
            label={t("client.casework.profile.nationality")}
            choose={t("client.casework.not_given")}
            value={nationality}
            options={options("nationality")}
            onValue={setNationality}
          />
          <SelectField
            id={IDS.language}
            label={t("client.casework.profile.language")}
            hint={t("client.casework.profile.language_hint")}
            choose={t("client.casework.choose")}
            value={language}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
            onValue={(value) => {
              setLanguage(value);
              setUsageChoice("");
              setReleaseChoice("");
            }}
            error={errorFor(problems, IDS.language)}
          />
          <fieldset>
            <legend>{t("client.casework.profile.paper")}</legend>
            <p class="hint">{t("client.casework.profile.paper_hint")}</p>
            <SelectField
              id={IDS.usageConsentDocumentId}
              label={t("client.casework.profile.usage")}
              value={usageId}
              options={declarationOptions(data.usage)}
              onValue={setUsageChoice}
              error={errorFor(problems, IDS.usageConsentDocumentId)}
            />
            <SelectField
              id={IDS.teamReleaseConsentDocumentId}
              label={t("client.casework.profile.release")}
              value={releaseId}
              options={declarationOptions(data.teamRelease)}
              onValue={setReleaseChoice}
              error={errorFor(problems, IDS.teamReleaseConsentDocumentId)}
            />
            <FileField
              id={IDS.scan}
              label={t("client.casework.profile.scan")}
              hint={t("client.casework.profile.scan_hint")}
              accept="application/pdf,image/jpeg,image/png"
              inputRef={scanInput}
              onFile={setScan}
              error={errorFor(problems, IDS.scan)}
            />
          </fieldset>
          {checkedFor === identity && duplicates && anyDuplicate && (
            <section class="notice notice-error" aria-labelledby="duplicates-title">
              <h2 id="duplicates-title">{t("client.casework.profile.duplicates_title")}</h2>
              {duplicates.matches.length > 0 && (
                <>
                  <p>{t("client.casework.profile.duplicates_here")}</p>
                  <ul>
                    {duplicates.matches.map((match) => (
                      <li key={match.id}>
                        <a href={paths.person(match.id ?? "")}>
                          {[match.givenName, match.familyName].filter(Boolean).join(" ")}
                        </a>{" "}
                        ({formatDate(match.dateOfBirth, uiLanguage)})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {duplicates.existsElsewhere && (
                <p>{t("client.casework.profile.duplicates_elsewhere")}</p>
              )}
              <Field
                id={IDS.duplicateReason}
                label={t("client.casework.profile.duplicate_reason")}
                hint={t("client.casework.profile.duplicate_reason_hint")}
                value={reason}
                onValue={setReason}
                error={errorFor(problems, IDS.duplicateReason)}
              />
            </section>
          )}
          {progress && (
            <p role="status">
              {t("client.casework.profile.uploading", {
                percent: progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0,
              })}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t(
              anyDuplicate
                ? "client.casework.profile.create_anyway"
                : "client.casework.profile.create",
            )}
          </button>
        </form>
      )}
    </Page>
  );
}
