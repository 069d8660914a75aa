// Teams: kind, municipality and carrier of each, with its members (add and remove caseworkers),
// and a form to add a team. Social counselling may work district-wide; others need a municipality.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SelectField } from "../../components/admin/fields";
import { teamKindOptions } from "../../components/admin/labels";
import { SuccessNotice } from "../../components/admin/Notice";
import { type StaffEntry, TeamMembers } from "../../components/admin/TeamMembers";
import { required, useAction } from "../../components/admin/useAction";
import { teamKindLabel } from "../../components/releases/format";
import { graphql } from "../../gql";
import type { TeamKind } from "../../gql/graphql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const TeamsQuery = graphql(`
  query AdminTeams {
    teams {
      id
      name
      kind
      municipalityId
      carrier
    }
    municipalities {
      id
      name
    }
    staffAccounts {
      id
      email
      kind
      teamIds
    }
  }
`);

const CreateTeam = graphql(`
  mutation AdminCreateTeam(
    $name: String!
    $kind: TeamKind!
    $municipalityId: ID
    $carrier: String
  ) {
    createTeam(name: $name, kind: $kind, municipalityId: $municipalityId, carrier: $carrier)
  }
`);

export default function TeamsScreen() {
  const query = useQuery(TeamsQuery, {});
  const action = useAction();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [carrier, setCarrier] = useState("");
  const [notice, setNotice] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    setNotice("");
    const found: Problem[] = required(
      [
        ["team-name", t("client.admin.team.name"), name],
        ["team-kind", t("client.admin.team.kind"), kind],
      ],
      (field) => t("client.error.required", { field }),
    );
    if (kind && kind !== "SOCIAL_COUNSELLING" && !municipality) {
      found.push({
        field: "team-municipality",
        message: t("client.admin.team.needs_municipality"),
      });
    }
    const done = await action.run(
      found,
      async () => {
        await request(CreateTeam, {
          name: name.trim(),
          kind: kind as TeamKind,
          municipalityId: municipality || null,
          carrier: carrier.trim() || null,
        });
        return t("client.admin.team.created", { name: name.trim() });
      },
      "team-name",
    );
    if (done) {
      setName("");
      setKind("");
      setMunicipality("");
      setCarrier("");
      query.reload();
    }
  }

  const municipalities = query.data?.municipalities ?? [];
  const staff: StaffEntry[] = (query.data?.staffAccounts ?? []).map((a) => ({
    id: a.id ?? "",
    email: a.email ?? "",
    kind: a.kind ?? "",
    teamIds: a.teamIds ?? [],
  }));
  const municipalityName = (id: string | null | undefined) =>
    id ? (municipalities.find((m) => m.id === id)?.name ?? "") : t("client.releases.district_wide");

  return (
    <Page title={t("client.admin.team.title")}>
      <p>{t("client.admin.team.intro")}</p>
      <SuccessNotice message={action.message || notice} />
      <section aria-labelledby="team-new" class="admin-form">
        <h2 id="team-new">{t("client.admin.team.new")}</h2>
        <ErrorSummary problems={action.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            id="team-name"
            label={t("client.admin.team.name")}
            autocomplete="off"
            maxLength={160}
            value={name}
            onValue={setName}
            error={errorFor(action.problems, "team-name")}
          />
          <SelectField
            id="team-kind"
            label={t("client.admin.team.kind")}
            choose={t("client.admin.choose")}
            value={kind}
            options={teamKindOptions()}
            onValue={setKind}
            error={errorFor(action.problems, "team-kind")}
          />
          <SelectField
            id="team-municipality"
            label={t("client.admin.team.municipality")}
            hint={t("client.admin.team.municipality_hint")}
            choose={t("client.releases.district_wide")}
            value={municipality}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
            onValue={setMunicipality}
            error={errorFor(action.problems, "team-municipality")}
          />
          <Field
            id="team-carrier"
            label={t("client.admin.team.carrier")}
            hint={t("client.admin.team.carrier_hint")}
            autocomplete="off"
            maxLength={160}
            value={carrier}
            onValue={setCarrier}
            error={errorFor(action.problems, "team-carrier")}
          />
          <button type="submit" disabled={action.busy}>
            {t("client.admin.team.create")}
          </button>
        </form>
      </section>
      <h2 id="team-list">{t("client.admin.team.list")}</h2>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && query.data.teams.length === 0 && <p>{t("client.admin.team.none")}</p>}
      {query.data && query.data.teams.length > 0 && (
        <ul class="card-list" aria-labelledby="team-list">
          {query.data.teams.map((team) => (
            <li key={team.id} class="card team">
              <h3 class="card-title" id={`team-${team.id}`}>
                {team.name}
              </h3>
              <dl class="card-meta team-facts">
                <dt>{t("client.admin.team.kind")}</dt>
                <dd>{teamKindLabel(team.kind)}</dd>
                <dt>{t("client.admin.team.municipality")}</dt>
                <dd>{municipalityName(team.municipalityId)}</dd>
                <dt>{t("client.admin.team.carrier")}</dt>
                <dd>{team.carrier || t("client.admin.team.no_carrier")}</dd>
              </dl>
              <TeamMembers
                team={team}
                staff={staff}
                onChanged={(message) => {
                  action.clear();
                  setNotice(message);
                  query.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
