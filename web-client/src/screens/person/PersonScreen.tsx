// The caseworker's view of one person (/persons/<id>[/<tab>]): the personal basics, then the
// tab chosen (components/caseload/personTabs.ts). The basics are what every team holding a
// release may read; a person without a release to the caller is "not found", like any other.
import { useRoute } from "preact-iso";
import { formatDate } from "../../components/biography/HistoryDialog";
import "../../components/biography/biography.css";
import { PersonFrame, personName } from "../../components/caseload/PersonFrame";
import { tabOf } from "../../components/caseload/personTabs";
import { LoadError, Loading } from "../../components/Status";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/useQuery";
import NotFoundScreen from "../not-found/NotFoundScreen";

const PersonBasicsQuery = graphql(`
  query PersonBasics($personId: ID!) {
    person(personId: $personId) {
      id
      givenName
      familyName
      dateOfBirth
      biography {
        own {
          personal {
            sex {
              label
            }
            nationality {
              label
            }
          }
        }
      }
    }
  }
`);

export default function PersonScreen() {
  const { params } = useRoute();
  const personId = params["personId"] ?? "";
  const tab = tabOf(params["tab"]);
  const { data, error, loading, reload } = useQuery(
    PersonBasicsQuery,
    { personId },
    { skip: !tab },
  );
  if (!tab || (data && !data.person)) return <NotFoundScreen />;
  const person = data?.person;
  const personal = person?.biography?.own?.personal;
  const basics: [string, string | null | undefined][] = [
    [t("client.person.date_of_birth"), person?.dateOfBirth && formatDate(person.dateOfBirth)],
    [t("client.person.sex"), personal?.sex?.label],
    [t("client.person.nationality"), personal?.nationality?.label],
  ];
  const { Panel } = tab;
  return (
    <PersonFrame
      personId={personId}
      title={person ? personName(person) : t("client.person.title")}
      current={tab.key}
    >
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {person && (
        <>
          <section aria-labelledby="basics-title">
            <h2 id="basics-title" class="visually-hidden">
              {t("client.person.basics")}
            </h2>
            <dl class="person-basics">
              {basics.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value || t("client.biography.no_answer")}</dd>
                </div>
              ))}
            </dl>
          </section>
          <Panel personId={personId} />
        </>
      )}
    </PersonFrame>
  );
}
