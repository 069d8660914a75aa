// Creating or changing a goal agreement: area, goal, status and its steps (what, who is
// responsible, by when). A caseworker responsible for a new step is the caller; a step keeps
// the colleague it names. Every change asks the newcomer to confirm the goal again.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { graphql } from "../../gql";
import type { GoalArea, GoalStatus, StepResponsible } from "../../gql/graphql";
import { t } from "../../i18n";
import { SelectField, TextAreaField } from "../admin/fields";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../Form";
import { areaOptions, statusOptions } from "./goalLabels";
import { addDays, todayIso } from "./labels";

const CreateGoal = graphql(`
  mutation CreateGoalAgreement($personId: ID!, $input: GoalAgreementInput!) {
    createGoalAgreement(personId: $personId, input: $input) {
      id
    }
  }
`);

const UpdateGoal = graphql(`
  mutation UpdateGoalAgreement(
    $personId: ID!
    $goalId: ID!
    $expectedVersion: Int!
    $input: GoalAgreementInput!
  ) {
    updateGoalAgreement(
      personId: $personId
      goalId: $goalId
      expectedVersion: $expectedVersion
      input: $input
    ) {
      id
    }
  }
`);

export interface StepDraft {
  id: string | null;
  description: string;
  responsible: StepResponsible;
  responsibleAccountId: string | null;
  responsibleName: string | null;
  dueOn: string;
}

export interface GoalDraft {
  id: string | null;
  version: number;
  area: GoalArea | "";
  goal: string;
  status: GoalStatus;
  steps: StepDraft[];
}

function newStep(): StepDraft {
  return {
    id: null,
    description: "",
    responsible: "NEWCOMER",
    responsibleAccountId: null,
    responsibleName: null,
    dueOn: addDays(todayIso(), 30),
  };
}

export function emptyGoal(): GoalDraft {
  return { id: null, version: 0, area: "", goal: "", status: "OPEN", steps: [newStep()] };
}

export function GoalForm({
  personId,
  accountId,
  initial,
  onSaved,
  onCancel,
}: {
  personId: string;
  /** The caller's account: the caseworker responsible for steps they take on. */
  accountId: string;
  initial: GoalDraft;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}) {
  const prefix = initial.id ? `goal-${initial.id}` : "new-goal";
  const [draft, setDraft] = useState<GoalDraft>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  function setStep(index: number, change: Partial<StepDraft>) {
    setDraft({
      ...draft,
      steps: draft.steps.map((step, i) => (i === index ? { ...step, ...change } : step)),
    });
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!draft.area) {
      found.push({
        field: `${prefix}-area`,
        message: t("client.error.required", { field: t("client.casework.goals.area") }),
      });
    }
    if (!draft.goal.trim()) {
      found.push({
        field: `${prefix}-goal`,
        message: t("client.error.required", { field: t("client.casework.goals.goal") }),
      });
    }
    draft.steps.forEach((step, i) => {
      if (!step.description.trim()) {
        found.push({
          field: `${prefix}-step-${i}-description`,
          message: t("client.casework.goals.step_required", { number: i + 1 }),
        });
      }
    });
    setProblems(found);
    if (found.length || !draft.area) return;
    const input = {
      area: draft.area,
      goal: draft.goal,
      status: draft.status,
      steps: draft.steps.map((step) => ({
        id: step.id,
        description: step.description,
        responsible: step.responsible,
        responsibleAccountId:
          step.responsible === "CASEWORKER" ? (step.responsibleAccountId ?? accountId) : null,
        dueOn: step.dueOn,
      })),
    };
    setBusy(true);
    try {
      if (draft.id) {
        await request(UpdateGoal, {
          personId,
          goalId: draft.id,
          expectedVersion: draft.version,
          input,
        });
        onSaved(t("client.casework.goals.updated"));
      } else {
        await request(CreateGoal, { personId, input });
        setDraft(emptyGoal());
        onSaved(t("client.casework.goals.created"));
      }
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="casework-form goal-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={problems} />
      <SelectField
        id={`${prefix}-area`}
        label={t("client.casework.goals.area")}
        choose={t("client.casework.choose")}
        value={draft.area}
        options={areaOptions()}
        onValue={(value) => setDraft({ ...draft, area: value as GoalArea })}
        error={errorFor(problems, `${prefix}-area`)}
      />
      <TextAreaField
        id={`${prefix}-goal`}
        label={t("client.casework.goals.goal")}
        rows={3}
        value={draft.goal}
        onValue={(value) => setDraft({ ...draft, goal: value })}
        error={errorFor(problems, `${prefix}-goal`)}
      />
      <SelectField
        id={`${prefix}-status`}
        label={t("client.casework.goals.status")}
        value={draft.status}
        options={statusOptions()}
        onValue={(value) => setDraft({ ...draft, status: value as GoalStatus })}
      />
      {draft.steps.map((step, i) => {
        const id = `${prefix}-step-${i}`;
        const colleague =
          step.responsible === "CASEWORKER" &&
          step.responsibleAccountId &&
          step.responsibleAccountId !== accountId;
        return (
          <fieldset key={i} class="goal-step-fields">
            <legend>{t("client.casework.goals.step_number", { number: i + 1 })}</legend>
            <TextAreaField
              id={`${id}-description`}
              label={t("client.casework.goals.step_description")}
              rows={2}
              value={step.description}
              onValue={(value) => setStep(i, { description: value })}
              error={errorFor(problems, `${id}-description`)}
            />
            <SelectField
              id={`${id}-responsible`}
              label={t("client.casework.goals.step_responsible")}
              value={step.responsible}
              options={[
                { value: "NEWCOMER", label: t("client.casework.goals.responsible.newcomer") },
                {
                  value: "CASEWORKER",
                  label: colleague
                    ? (step.responsibleName ?? t("client.casework.goals.responsible.caseworker"))
                    : t("client.casework.goals.responsible.me"),
                },
              ]}
              onValue={(value) => setStep(i, { responsible: value as StepResponsible })}
            />
            <Field
              id={`${id}-due`}
              type="date"
              label={t("client.casework.goals.step_due")}
              value={step.dueOn}
              onValue={(value) => setStep(i, { dueOn: value })}
            />
            {draft.steps.length > 1 && (
              <button
                type="button"
                class="button-secondary"
                onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}
              >
                {t("client.casework.goals.remove_step", { number: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <div class="button-row">
        <button
          type="button"
          class="button-secondary"
          onClick={() => setDraft({ ...draft, steps: [...draft.steps, newStep()] })}
        >
          {t("client.casework.goals.add_step")}
        </button>
      </div>
      <div class="button-row">
        <button type="submit" disabled={busy}>
          {t(draft.id ? "client.casework.goals.update" : "client.casework.goals.create")}
        </button>
        {onCancel && (
          <button type="button" class="button-secondary" onClick={onCancel}>
            {t("client.casework.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
