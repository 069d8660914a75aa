// The goal areas and statuses in the order offered, with their names in the reader's language
// (existing goals come with the server's labels; a new one needs them before it exists).
import type { GoalArea, GoalStatus } from "../../gql/graphql";
import { type MessageId, t } from "../../i18n";

export const GOAL_AREAS: readonly { value: GoalArea; label: MessageId }[] = [
  { value: "LANGUAGE", label: "client.casework.goals.area.language" },
  { value: "EDUCATION", label: "client.casework.goals.area.education" },
  { value: "VOCATIONAL_TRAINING", label: "client.casework.goals.area.vocational_training" },
  { value: "RECOGNITION", label: "client.casework.goals.area.recognition" },
  { value: "WORK", label: "client.casework.goals.area.work" },
  { value: "HOUSING", label: "client.casework.goals.area.housing" },
  { value: "HEALTH", label: "client.casework.goals.area.health" },
  { value: "FAMILY", label: "client.casework.goals.area.family" },
  { value: "CHILDCARE_SCHOOL", label: "client.casework.goals.area.childcare_school" },
  { value: "RESIDENCE_STATUS", label: "client.casework.goals.area.residence_status" },
  { value: "FINANCES", label: "client.casework.goals.area.finances" },
  { value: "SOCIAL_PARTICIPATION", label: "client.casework.goals.area.social_participation" },
];

export const GOAL_STATUSES: readonly { value: GoalStatus; label: MessageId }[] = [
  { value: "OPEN", label: "client.casework.goals.status.open" },
  { value: "IN_PROGRESS", label: "client.casework.goals.status.in_progress" },
  { value: "REACHED", label: "client.casework.goals.status.reached" },
  { value: "PARTLY_REACHED", label: "client.casework.goals.status.partly_reached" },
  { value: "NOT_REACHED", label: "client.casework.goals.status.not_reached" },
  { value: "DROPPED", label: "client.casework.goals.status.dropped" },
];

export function areaOptions(): { value: string; label: string }[] {
  return GOAL_AREAS.map((area) => ({ value: area.value, label: t(area.label) }));
}

export function statusOptions(): { value: string; label: string }[] {
  return GOAL_STATUSES.map((status) => ({ value: status.value, label: t(status.label) }));
}
