// One section of a biography page: the own page (/biography/<section>) or a partner's or
// child's (/biography/<partner|child>/<memberId>/<section>). One query reads the questionnaire
// of the section, its answers with the version, and the private notes; saving sends the
// changed answers with the version read, so a save never overwrites someone else's unseen one
// (useSectionSave). The parts of the page are in components/biography/.
import { useRoute } from "preact-iso";
import { useMemo, useState } from "preact/hooks";
import { GermanToggle, useGermanLabels } from "../../components/biography/GermanLabels";
import { HistoryButton } from "../../components/biography/HistoryButton";
import { HistoryDialog } from "../../components/biography/HistoryDialog";
import { LockedAnswers } from "../../components/biography/LockedAnswers";
import type { Question } from "../../components/biography/model";
import { type Member, pageKindOf, type SectionData } from "../../components/biography/pageModel";
import { PrivateNotes } from "../../components/biography/PrivateNotes";
import { ConflictNotice, SaveStatus } from "../../components/biography/SaveNotices";
import { SectionForm } from "../../components/biography/SectionForm";
import { SectionPage } from "../../components/biography/SectionPage";
import { fieldErrors } from "../../components/biography/sectionProblems";
import { useSectionSave } from "../../components/biography/useSectionSave";
import "../../components/biography/biography.css";
import { ErrorSummary } from "../../components/Form";
import { LoadError, Loading } from "../../components/Status";
import { graphql } from "../../gql";
import type { Section } from "../../gql/graphql";
import { sectionFromSlug, sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
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
          ...SectionPages
        }
      }
    }
  }
`);

export default function SectionScreen() {
  const { params } = useRoute();
  const section = sectionFromSlug(params["section"]);
  const kind = pageKindOf(params["kind"]);
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
  const answers = (
    kind === "own"
      ? (biography?.own as Record<string, unknown> | null | undefined)?.[slug]
      : member?.[slug]
  ) as SectionData | null | undefined;
  const logged = new Set(answers?.loggedQuestions ?? []);
  const locked = useMemo(() => new Set(answers?.lockedForOwner ?? []), [answers]);

  const form = useSectionSave({
    questions,
    byCode,
    answers,
    locked,
    target: { kind: kind ?? "own", personId, memberId, slug, version: answers?.version ?? 0 },
    reload,
  });
  const german = useGermanLabels();
  const [history, setHistory] = useState<Question | null>(null);

  if (!valid || !section || !kind) return <NotFoundScreen />;
  if (data && kind !== "own" && !member) return <NotFoundScreen />;

  const context = { errors: fieldErrors(form.problems), german: german.shown };
  const historyButton = (question: Question) => (
    <HistoryButton question={question} logged={logged} onOpen={setHistory} />
  );
  const lockedQuestions = questions.filter((q) => locked.has(q.code));

  return (
    <SectionPage kind={kind} sectionLabel={info?.label} member={member}>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && (
        <>
          {german.offered && <GermanToggle checked={german.checked} onChoose={german.choose} />}
          {form.conflict && (
            <ConflictNotice
              box={form.conflictRef}
              onReapply={form.reapply}
              onDiscard={form.discard}
            />
          )}
          <SaveStatus box={form.statusRef} status={form.status} />
          <ErrorSummary problems={form.problems} />
          {lockedQuestions.length > 0 && (
            <LockedAnswers
              questions={lockedQuestions}
              draft={form.draft}
              context={context}
              historyButton={historyButton}
            />
          )}
          <SectionForm
            questions={questions.filter((q) => !locked.has(q.code))}
            byCode={byCode}
            draft={form.draft}
            onChange={form.change}
            context={context}
            historyButton={historyButton}
            saving={form.saving}
            onSubmit={form.save}
          />
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
    </SectionPage>
  );
}
