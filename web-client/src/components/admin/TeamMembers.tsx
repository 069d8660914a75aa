// The members of one team: each with a button to remove them, and a choice of the caseworker
// accounts not in the team yet to add one. Errors show beside the choice.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor } from "../Form";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { SelectField } from "./fields";
import { useAction } from "./useAction";

const AddTeamMember = graphql(`
  mutation AdminAddTeamMember($teamId: ID!, $accountId: ID!) {
    addTeamMember(teamId: $teamId, accountId: $accountId)
  }
`);

const RemoveTeamMember = graphql(`
  mutation AdminRemoveTeamMember($teamId: ID!, $accountId: ID!) {
    removeTeamMember(teamId: $teamId, accountId: $accountId)
  }
`);

export interface StaffEntry {
  id: string;
  email: string;
  kind: string;
  teamIds: string[];
}

export function TeamMembers({
  team,
  staff,
  onChanged,
}: {
  team: { id: string; name: string };
  staff: StaffEntry[];
  onChanged: (message: string) => void;
}) {
  const action = useAction();
  const [chosen, setChosen] = useState("");
  const members = staff.filter((account) => account.teamIds.includes(team.id));
  const candidates = staff.filter(
    (account) => account.kind === "CASEWORKER" && !account.teamIds.includes(team.id),
  );
  const field = `add-member-${team.id}`;
  const headingId = `members-${team.id}`;

  async function add(event: Event) {
    event.preventDefault();
    const email = candidates.find((c) => c.id === chosen)?.email ?? "";
    const found = chosen ? [] : [{ field, message: t("client.admin.team.member_missing") }];
    const done = await action.run(
      found,
      async () => {
        await request(AddTeamMember, { teamId: team.id, accountId: chosen });
        return t("client.admin.team.member_added", { email, team: team.name });
      },
      field,
    );
    if (done) {
      setChosen("");
      onChanged(t("client.admin.team.member_added", { email, team: team.name }));
    }
  }

  async function remove(member: StaffEntry) {
    const done = await action.run([], async () => {
      await request(RemoveTeamMember, { teamId: team.id, accountId: member.id });
      return t("client.admin.team.member_removed", { email: member.email, team: team.name });
    });
    if (done) {
      onChanged(t("client.admin.team.member_removed", { email: member.email, team: team.name }));
    }
  }

  return (
    <div class="team-members">
      <h4 id={headingId}>{t("client.admin.team.members")}</h4>
      {members.length === 0 ? (
        <p>{t("client.admin.team.no_members")}</p>
      ) : (
        <ul class="member-list" aria-labelledby={headingId}>
          {members.map((member) => (
            <li key={member.id}>
              <span class="member-email">{member.email}</span>
              <button
                type="button"
                class="button-secondary button-danger-outline"
                disabled={action.busy}
                onClick={() => void remove(member)}
              >
                {t("client.admin.team.remove_member")}
                <span class="visually-hidden">: {member.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary problems={action.problems} />
      {candidates.length > 0 ? (
        <form onSubmit={(event) => void add(event)} noValidate>
          <SelectField
            id={field}
            label={t("client.admin.team.add_member_label", { team: team.name })}
            choose={t("client.admin.choose")}
            value={chosen}
            options={candidates.map((c) => ({ value: c.id, label: c.email }))}
            onValue={setChosen}
            error={errorFor(action.problems, field)}
          />
          <button type="submit" class="button-secondary" disabled={action.busy}>
            {t("client.admin.team.add_member")}
          </button>
        </form>
      ) : (
        <p class="hint">{t("client.admin.team.no_candidates")}</p>
      )}
    </div>
  );
}
