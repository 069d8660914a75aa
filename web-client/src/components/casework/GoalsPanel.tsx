// The goal-agreements tab of the person view: the team's goals with their steps and whether the
// newcomer has confirmed the current version, a form for a new goal, and changing one (which
// asks the newcomer to confirm again) or ticking a step off.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { graphql } from "../../gql";
import type { PersonGoalsQuery } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import type { PanelProps } from "../caseload/personTabs";
import { ErrorSummary, type Problem, problemsFrom } from "../Form";
import "../releases/releases.css";
import { LoadError, Loading } from "../Status";
import "./casework.css";
import { GoalCard } from "./GoalCard";
import { emptyGoal, type GoalDraft, GoalForm } from "./GoalForm";

const PersonGoalsQuery = graphql(`
  query PersonGoals($personId: ID!) {
    me {
      id
    }
    person(personId: $personId) {
      id
      goalAgreements {
        id
        area
        areaLabel
        goal
        status
        statusLabel
        teamName
        version
        confirmedVersion
        confirmedAt
        needsConfirmation
        steps {
          id
          description
          responsible
          responsibleAccountId
          responsibleName
          dueOn
          done
        }
      }
    }
  }
`);

const SetStepDone = graphql(`
  mutation SetGoalStepDone($personId: ID!, $stepId: ID!, $done: Boolean!) {
    setGoalStepDone(personId: $personId, stepId: $stepId, done: $done) {
      id
    }
  }
`);

type Goal = NonNullable<
  NonNullable<NonNullable<PersonGoalsQuery["person"]>["goalAgreements"]>[number]
>;

function draftOf(goal: Goal): GoalDraft {
  return {
    id: goal.id ?? null,
    version: goal.version ?? 0,
    area: goal.area ?? "",
    goal: goal.goal ?? "",
    status: goal.status ?? "OPEN",
    steps: (goal.steps ?? []).map((step) => ({
      id: step.id ?? null,
      description: step.description ?? "",
      responsible: step.responsible ?? "NEWCOMER",
      responsibleAccountId: step.responsibleAccountId ?? null,
      responsibleName: step.responsibleName ?? null,
      dueOn: step.dueOn ?? "",
    })),
  };
}

export function GoalsPanel({ personId }: PanelProps) {
  const { data, error, loading, reload } = useQuery(PersonGoalsQuery, { personId });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const goals = data?.person?.goalAgreements ?? [];
  const accountId = data?.me?.id ?? "";

  function saved(text: string) {
    setMessage(text);
    setEditing(null);
    reload();
  }

  async function toggle(stepId: string, done: boolean) {
    setProblems([]);
    try {
      await request(SetStepDone, { personId, stepId, done });
      saved(
        t(done ? "client.casework.goals.step_marked_done" : "client.casework.goals.step_reopened"),
      );
    } catch (failure) {
      setProblems(problemsFrom(failure));
    }
  }

  return (
    <section aria-labelledby="goals-title" class="casework-panel">
      <h2 id="goals-title">{t("client.casework.goals.title")}</h2>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && goals.length === 0 && <p>{t("client.casework.goals.none")}</p>}
      <ul class="casework-list">
        {goals.map((goal) => (
          <li key={goal.id}>
            {editing === goal.id ? (
              <div class="casework-item">
                <h3>{t("client.casework.goals.edit_title", { area: goal.areaLabel ?? "" })}</h3>
                <p class="hint">{t("client.casework.goals.change_hint")}</p>
                <GoalForm
                  personId={personId}
                  accountId={accountId}
                  initial={draftOf(goal)}
                  onSaved={saved}
                  onCancel={() => setEditing(null)}
                />
              </div>
            ) : (
              <GoalCard
                goal={goal}
                stepActions={(step) =>
                  step.id && (
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => void toggle(step.id ?? "", !step.done)}
                    >
                      {t(
                        step.done
                          ? "client.casework.goals.step_reopen"
                          : "client.casework.goals.step_mark_done",
                      )}
                      <span class="visually-hidden">: {step.description}</span>
                    </button>
                  )
                }
              >
                <div class="button-row">
                  <button
                    type="button"
                    class="button-secondary"
                    onClick={() => setEditing(goal.id ?? null)}
                  >
                    {t("client.casework.goals.edit")}
                    <span class="visually-hidden">: {goal.areaLabel}</span>
                  </button>
                </div>
              </GoalCard>
            )}
          </li>
        ))}
      </ul>
      {data && (
        <>
          <h3>{t("client.casework.goals.new")}</h3>
          <p class="hint">{t("client.casework.goals.new_hint")}</p>
          <GoalForm
            personId={personId}
            accountId={accountId}
            initial={emptyGoal()}
            onSaved={saved}
          />
        </>
      )}
    </section>
  );
}
