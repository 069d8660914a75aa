// Home after login: how far each biography section is filled in, each linking to its screen.
import { HandOverNotice } from "../../components/casework/HandOverNotice";
import { DeletionNotice } from "../../components/deletion/DeletionNotice";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { graphql } from "../../gql";
import type { HomeQuery, Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";

/** One query: the answered questions per section of the own page, and each section's questions. */
const Home = graphql(`
  query Home {
    me {
      person {
        id
        givenName
        biography {
          own {
            personal {
              loggedQuestions
            }
            family {
              loggedQuestions
            }
            language {
              loggedQuestions
            }
            education {
              loggedQuestions
            }
            occupation {
              loggedQuestions
            }
            living {
              loggedQuestions
            }
          }
        }
      }
    }
    questionnaire(page: "newcomer") {
      section
      label
      questions {
        code
      }
    }
  }
`);

type Own = NonNullable<
  NonNullable<NonNullable<NonNullable<HomeQuery["me"]>["person"]>["biography"]>["own"]
>;

function answered(own: Own | null | undefined, section: Section): number {
  const key = sectionSlug(section) as keyof Own;
  const part = own?.[key] as { loggedQuestions?: string[] | null } | null | undefined;
  return part?.loggedQuestions?.length ?? 0;
}

export default function HomeScreen() {
  const { data, error, loading, reload } = useQuery(Home, {});
  const person = data?.me?.person;
  const own = person?.biography?.own;
  const title = person?.givenName
    ? t("client.home.greeting", { name: person.givenName })
    : t("client.home.title");

  return (
    <Page title={title}>
      <DeletionNotice />
      <p>{t("client.home.intro")}</p>
      <HandOverNotice />
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      {data && (
        <ul class="progress-list">
          {data.questionnaire.map((info) => {
            const total = info.questions.length;
            const done = Math.min(answered(own, info.section), total);
            const percent = total ? Math.round((done / total) * 100) : 0;
            return (
              <li key={info.section}>
                <a class="progress-card" href={paths.section(sectionSlug(info.section))}>
                  <span class="progress-label">{info.label}</span>
                  <span class="progress-text">
                    {done
                      ? t("client.home.progress", { answered: done, total })
                      : t("client.home.not_started")}
                  </span>
                  <span class="progress-bar" aria-hidden="true">
                    <span style={{ inlineSize: `${percent}%` }} />
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
