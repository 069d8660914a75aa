// One person of the caseload: the name (linking to the person view), date of birth and
// municipality, and what needs attention (profile filled in, access ending, goals, corrections,
// hand-over). Fields the caller may not read come as null and are left out.
import { formatDate } from "../biography/HistoryDialog";
import { graphql } from "../../gql";
import type { CaseloadRowPartsFragment } from "../../gql/graphql";
import { t } from "../../i18n";
import { paths } from "../../routes";
import { personName } from "./PersonFrame";

export const CaseloadRowParts = graphql(`
  fragment CaseloadRowParts on CaseloadEntry {
    person {
      id
      givenName
      familyName
      dateOfBirth
    }
    municipality {
      id
      name
    }
    completeness
    releaseEndsAt
    goalsDueSoon
    goalsOverdue
    openCorrections
    handOverState
  }
`);

interface Props {
  entry: CaseloadRowPartsFragment;
}

export function CaseloadRow({ entry }: Props) {
  const { person } = entry;
  const facts = [
    person.dateOfBirth && t("client.biography.born", { date: formatDate(person.dateOfBirth) }),
    entry.municipality?.name,
  ].filter(Boolean);
  const flags: { text: string; tone?: "warning" }[] = [];
  if (entry.completeness != null)
    flags.push({ text: t("client.caseload.completeness", { percent: entry.completeness }) });
  if (entry.releaseEndsAt)
    flags.push({
      text: t("client.caseload.release_ends", { date: formatDate(entry.releaseEndsAt) }),
      tone: "warning",
    });
  if (entry.goalsOverdue)
    flags.push({
      text: t("client.caseload.goals_overdue", { count: entry.goalsOverdue }),
      tone: "warning",
    });
  if (entry.goalsDueSoon)
    flags.push({ text: t("client.caseload.goals_due_soon", { count: entry.goalsDueSoon }) });
  if (entry.openCorrections)
    flags.push({ text: t("client.caseload.open_corrections", { count: entry.openCorrections }) });
  if (entry.handOverState === "OFFERED")
    flags.push({ text: t("client.caseload.hand_over_offered") });
  if (entry.handOverState === "ACCEPTED")
    flags.push({ text: t("client.caseload.hand_over_accepted"), tone: "warning" });
  return (
    <li class="case-row">
      <a class="case-name" href={paths.person(person.id ?? "")}>
        {personName(person)}
      </a>
      {facts.length > 0 && <p class="case-facts">{facts.join(" · ")}</p>}
      {flags.length > 0 && (
        <ul class="case-flags">
          {flags.map((flag) => (
            <li
              key={flag.text}
              class={flag.tone ? `case-flag case-flag-${flag.tone}` : "case-flag"}
            >
              {flag.text}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
