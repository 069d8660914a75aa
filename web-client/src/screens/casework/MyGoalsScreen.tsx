// The newcomer's goal agreements (/my-goals), in their language: each goal with its steps, and
// the confirmation of the version read. A changed goal asks to be confirmed again; confirming
// an outdated version is refused by the server (the screen then shows the current one).
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { GoalCard } from "../../components/casework/GoalCard";
import "../../components/casework/casework.css";
import "../../components/releases/releases.css";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";

const MyGoalsQuery = graphql(`
  query MyGoals {
    me {
      person {
        id
        goalAgreements {
          id
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
            responsibleName
            dueOn
            done
          }
        }
      }
    }
  }
`);

const ConfirmGoal = graphql(`
  mutation ConfirmGoalAgreement($personId: ID!, $goalId: ID!, $version: Int!) {
    confirmGoalAgreement(personId: $personId, goalId: $goalId, version: $version) {
      id
      needsConfirmation
    }
  }
`);

export default function MyGoalsScreen() {
  const { data, error, loading, reload } = useQuery(MyGoalsQuery, {});
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const person = data?.me?.person;
  const goals = person?.goalAgreements ?? [];

  async function confirm(goalId: string, version: number) {
    if (!person?.id) return;
    setBusy(true);
    setProblems([]);
    setMessage("");
    try {
      await request(ConfirmGoal, { personId: person.id, goalId, version });
      setMessage(t("client.casework.goals.confirmed"));
    } catch (failure) {
      setProblems(problemsFrom(failure));
    } finally {
      setBusy(false);
      reload();
    }
  }

  return (
    <Page title={t("client.casework.goals.my_title")}>
      <p>{t("client.casework.goals.my_intro")}</p>
      <p role="status" class={message ? "notice notice-success" : "visually-hidden"}>
        {message}
      </p>
      <ErrorSummary problems={problems} />
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && goals.length === 0 && <p>{t("client.casework.goals.my_none")}</p>}
      <ul class="casework-list">
        {goals.map((goal) => (
          <li key={goal.id}>
            <GoalCard goal={goal}>
              {goal.needsConfirmation && goal.id && (
                <div class="button-row">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void confirm(goal.id ?? "", goal.version ?? 0)}
                  >
                    {t("client.casework.goals.confirm")}
                    <span class="visually-hidden">: {goal.areaLabel}</span>
                  </button>
                </div>
              )}
            </GoalCard>
          </li>
        ))}
      </ul>
    </Page>
  );
}
