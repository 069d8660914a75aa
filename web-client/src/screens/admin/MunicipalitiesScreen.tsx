// Municipalities of the district: the list, and a form to add one.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { SuccessNotice } from "../../components/admin/Notice";
import { required, useAction } from "../../components/admin/useAction";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import "../../components/releases/releases.css";
import "../../components/admin/admin.css";

const MunicipalitiesQuery = graphql(`
  query AdminMunicipalities {
    municipalities {
      id
      name
    }
    teams {
      id
      municipalityId
    }
  }
`);

const CreateMunicipality = graphql(`
  mutation AdminCreateMunicipality($name: String!) {
    createMunicipality(name: $name)
  }
`);

export default function MunicipalitiesScreen() {
  const query = useQuery(MunicipalitiesQuery, {});
  const action = useAction();
  const [name, setName] = useState("");

  async function submit(event: Event) {
    event.preventDefault();
    const label = t("client.admin.municipality.name");
    const found = required([["municipality-name", label, name]], (field) =>
      t("client.error.required", { field }),
    );
    const done = await action.run(
      found,
      async () => {
        await request(CreateMunicipality, { name: name.trim() });
        return t("client.admin.municipality.created", { name: name.trim() });
      },
      "municipality-name",
    );
    if (done) {
      setName("");
      query.reload();
    }
  }

  const teams = query.data?.teams ?? [];
  return (
    <Page title={t("client.admin.municipality.title")}>
      <p>{t("client.admin.municipality.intro")}</p>
      <SuccessNotice message={action.message} />
      <section aria-labelledby="municipality-new" class="admin-form">
        <h2 id="municipality-new">{t("client.admin.municipality.new")}</h2>
        <ErrorSummary problems={action.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            id="municipality-name"
            label={t("client.admin.municipality.name")}
            autocomplete="off"
            maxLength={120}
            value={name}
            onValue={setName}
            error={errorFor(action.problems, "municipality-name")}
          />
          <button type="submit" disabled={action.busy}>
            {t("client.admin.municipality.create")}
          </button>
        </form>
      </section>
      <h2 id="municipality-list">{t("client.admin.municipality.list")}</h2>
      {query.loading && !query.data && <Loading />}
      {query.error && <LoadError error={query.error} retry={query.reload} />}
      {query.data && query.data.municipalities.length === 0 && (
        <p>{t("client.admin.municipality.none")}</p>
      )}
      {query.data && query.data.municipalities.length > 0 && (
        <ul class="card-list" aria-labelledby="municipality-list">
          {query.data.municipalities.map((m) => (
            <li key={m.id} class="card">
              <p class="card-title">{m.name}</p>
              <p class="card-meta">
                {t("client.admin.municipality.teams", {
                  count: teams.filter((team) => team.municipalityId === m.id).length,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
