// One section of a person's biography as a caseworker sees it: /persons/<id>/biography/<section>
// or a partner's or child's (/persons/<id>/biography/<partner|child>/<memberId>/<section>).
// The newcomer's components (form, history, conflict notice) with the caseworker's rights:
// write-once answers stay open (caseworkers may correct them), there are no private notes, and
// what the caller may not read the server leaves out. Saving sends the version read, as the
// newcomer's screen does, so nobody's unseen answers are overwritten.
import { useRoute } from "preact-iso";
import { useMemo, useState } from "preact/hooks";
import { GermanToggle, useGermanLabels } from "../../components/biography/GermanLabels";
import { HistoryButton } from "../../components/biography/HistoryButton";
import { HistoryDialog } from "../../components/biography/HistoryDialog";
import { LockedAnswers } from "../../components/biography/LockedAnswers";
import type { Question } from "../../components/biography/model";
import {
  type Member,
  memberName,
  pageKindOf,
  type SectionData,
} from "../../components/biography/pageModel";
import { ConflictNotice, SaveStatus } from "../../components/biography/SaveNotices";
import { SectionForm } from "../../components/biography/SectionForm";
import { fieldErrors } from "../../components/biography/sectionProblems";
import { useSectionSave } from "../../components/biography/useSectionSave";
import "../../components/biography/biography.css";
import { PersonFrame, personName } from "../../components/caseload/PersonFrame";
import { ErrorSummary } from "../../components/Form";
import { LoadError, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { sectionFromSlug, sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import NotFoundScreen from "../not-found/NotFoundScreen";
import { PersonSectionQuery } from "./personSectionQuery";

/** One screen per person: another person's section starts from their answers, not a draft. */
export default function PersonSectionScreen() {
  const { params } = useRoute();
  return <PersonSection key={params["personId"]} />;
}

function PersonSection() {
  const { params } = useRoute();
  const personId = params["personId"] ?? "";
  const section = sectionFromSlug(params["section"]);
  const kind = pageKindOf(params["kind"]);
  const memberId = params["memberId"];
  const slug = section ? sectionSlug(section) : "personal";
  const valid = Boolean(personId && section && kind && (kind === "own" || memberId));

  const { data, error, loading, reload } = useQuery(
    PersonSectionQuery,
    {
      personId,
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
  const person = data?.person;
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
  // The owner's write-once rule does not bind a caseworker; what the team's grant may not write
  // (an integration office: everything but the personal data) is shown read-only instead.
  const readOnly = useMemo(() => {
    const writable = new Set(answers?.writableQuestions ?? []);
    return new Set(questions.filter((q) => !writable.has(q.code)).map((q) => q.code));
  }, [questions, answers]);

  const form = useSectionSave({
    questions,
    byCode,
    answers,
    locked: readOnly,
    target: { kind: kind ?? "own", personId, memberId, slug, version: answers?.version ?? 0 },
    reload,
  });
  const german = useGermanLabels();
  const [history, setHistory] = useState<Question | null>(null);

  if (!valid || !section || !kind) return <NotFoundScreen />;
  if (data && (!person || (kind !== "own" && !member))) return <NotFoundScreen />;

  const sectionLabel = info?.label ?? t("client.biography.title");
  const whose =
    kind === "own"
      ? personName(person)
      : (memberName(member) ??
        t(
          kind === "partner"
            ? "client.biography.unnamed_partner"
            : "client.biography.unnamed_child",
        ));
  const context = { errors: fieldErrors(form.problems), german: german.shown };
  const historyButton = (question: Question) => (
    <HistoryButton question={question} logged={logged} onOpen={setHistory} />
  );

  return (
    <PersonFrame
      personId={personId}
      title={t("client.biography.member_title", { section: sectionLabel, name: whose })}
      current="biography"
    >
      <p>
        <a href={paths.person(personId)}>{t("client.person.back_to_overview")}</a>
      </p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && !answers && <p class="notice">{t("client.person.section_closed")}</p>}
      {data && answers && (
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
          {readOnly.size > 0 && (
            <LockedAnswers
              questions={questions.filter((q) => readOnly.has(q.code))}
              title={t("client.person.read_only_title")}
              body={t("client.person.read_only_body")}
              draft={form.draft}
              context={context}
              historyButton={historyButton}
            />
          )}
          <SectionForm
            questions={questions.filter((q) => !readOnly.has(q.code))}
            byCode={byCode}
            draft={form.draft}
            onChange={form.change}
            context={context}
            historyButton={historyButton}
            saving={form.saving}
            onSubmit={form.save}
          />
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
    </PersonFrame>
  );
}
