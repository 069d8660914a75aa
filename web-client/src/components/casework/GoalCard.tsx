// One goal agreement as both sides read it: area, goal, status, the steps (who, by when, done)
// and whether the newcomer has confirmed the current version. `actions` adds the caller's
// buttons (edit for the team, confirm for the newcomer).
import type { ComponentChildren } from "preact";
import { useApp } from "../../context";
import type { GoalStatus, StepResponsible } from "../../gql/graphql";
import { t } from "../../i18n";
import { formatDate, formatDateTime } from "../releases/format";
import { responsibleLabel } from "./labels";

export interface GoalView {
  id?: string | null;
  areaLabel?: string | null;
  goal?: string | null;
  status?: GoalStatus | null;
  statusLabel?: string | null;
  teamName?: string | null;
  version?: number | null;
  confirmedVersion?: number | null;
  confirmedAt?: string | null;
  needsConfirmation?: boolean | null;
  steps?:
    | {
        id?: string | null;
        description?: string | null;
        responsible?: StepResponsible | null;
        responsibleName?: string | null;
        dueOn?: string | null;
        done?: boolean | null;
      }[]
    | null;
}

export function GoalCard({
  goal,
  stepActions,
  children,
}: {
  goal: GoalView;
  stepActions?: (step: NonNullable<GoalView["steps"]>[number]) => ComponentChildren;
  children?: ComponentChildren;
}) {
  const { language } = useApp();
  return (
    <article class="casework-item goal-card" aria-labelledby={`goal-${goal.id}-title`}>
      <h3 id={`goal-${goal.id}-title`}>{goal.areaLabel}</h3>
      <p class="case-note-body">{goal.goal}</p>
      <dl class="casework-facts">
        <dt>{t("client.casework.goals.status")}</dt>
        <dd>{goal.statusLabel}</dd>
        <dt>{t("client.casework.goals.team")}</dt>
        <dd>{goal.teamName}</dd>
        <dt>{t("client.casework.goals.confirmation")}</dt>
        <dd>
          {goal.needsConfirmation
            ? (goal.version ?? 1) > 1
              ? t("client.casework.goals.reconfirm_needed")
              : t("client.casework.goals.confirm_needed")
            : t("client.casework.goals.confirmed_at", {
                date: formatDateTime(goal.confirmedAt, language),
              })}
        </dd>
      </dl>
      <h4>{t("client.casework.goals.steps")}</h4>
      <ol class="goal-steps">
        {(goal.steps ?? []).map((step) => (
          <li key={step.id}>
            <p class="case-note-body">{step.description}</p>
            <p class="casework-meta">
              {t("client.casework.goals.step_line", {
                who:
                  step.responsible === "CASEWORKER" && step.responsibleName
                    ? step.responsibleName
                    : responsibleLabel(step.responsible),
                date: formatDate(step.dueOn, language),
              })}
              {step.done ? ` · ${t("client.casework.goals.step_done")}` : ""}
            </p>
            {stepActions?.(step)}
          </li>
        ))}
      </ol>
      {children}
    </article>
  );
}
