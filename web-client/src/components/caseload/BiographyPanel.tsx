// The biography tab of the person view: the sections of the newcomer's own page with how far
// each is answered, then the partner and the children with their sections. A section the
// caller may not read (the server leaves it null) is listed without a link.
import { formatDate } from "../biography/HistoryDialog";
import { LoadError, Loading } from "../Status";
import { graphql } from "../../gql";
import type { Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
import { paths } from "../../routes";
import type { PanelProps } from "./personTabs";

const PersonBiographyQuery = graphql(`
  query PersonBiography($personId: ID!) {
    person(personId: $personId) {
      id
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
        partners {
          memberId
          personal {
            givenName {
              text
            }
            familyName {
              text
            }
            dateOfBirth
          }
        }
        children {
          memberId
          personal {
            givenName {
              text
            }
            familyName {
              text
            }
            dateOfBirth
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
    partnerPage: questionnaire(page: "partner") {
      section
      label
    }
    childPage: questionnaire(page: "child") {
      section
      label
    }
  }
`);

interface Member {
  memberId?: string | null;
  personal?: {
    dateOfBirth?: string | null;
    givenName?: { text?: string | null } | null;
    familyName?: { text?: string | null } | null;
  } | null;
}

type Markers = { loggedQuestions?: readonly string[] | null } | null | undefined;

export function BiographyPanel({ personId }: PanelProps) {
  const { data, error, loading, reload } = useQuery(PersonBiographyQuery, { personId });
  const biography = data?.person?.biography;
  const own = biography?.own as Record<string, Markers> | null | undefined;

  function members(
    kind: "partner" | "child",
    list: readonly Member[],
    sections: readonly { section: Section; label: string }[],
  ) {
    const unnamed =
      kind === "partner"
        ? t("client.biography.unnamed_partner")
        : t("client.biography.unnamed_child");
    return (
      <ul class="member-list">
        {list.map((member) => {
          const id = member.memberId ?? "";
          const name =
            [member.personal?.givenName?.text, member.personal?.familyName?.text]
              .filter(Boolean)
              .join(" ") || unnamed;
          const born = member.personal?.dateOfBirth;
          return (
            <li key={id} class="member-card">
              <h3>{name}</h3>
              {born && <p class="hint">{t("client.biography.born", { date: formatDate(born) })}</p>}
              <ul
                class="link-list member-sections"
                aria-label={t("client.biography.member_sections", { name })}
              >
                {sections.map((info) => (
                  <li key={info.section}>
                    <a
                      href={paths.personMemberSection(
                        personId,
                        kind,
                        id,
                        sectionSlug(info.section),
                      )}
                    >
                      {info.label}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    );
  }

  if (loading && !data) return <Loading />;
  if (error) return <LoadError error={error} retry={reload} />;
  if (!data) return null;
  const partners = biography?.partners;
  const children = biography?.children;
  return (
    <>
      <section aria-labelledby="own-title">
        <h2 id="own-title">{t("client.person.own_page")}</h2>
        <ul class="progress-list">
          {data.questionnaire.map((info) => {
            const markers = own?.[sectionSlug(info.section)];
            if (!markers) {
              return (
                <li key={info.section} class="progress-card progress-closed">
                  <span class="progress-label">{info.label}</span>
                  <span class="progress-text">{t("client.person.section_closed")}</span>
                </li>
              );
            }
            const total = info.questions.length;
            const done = Math.min(markers.loggedQuestions?.length ?? 0, total);
            const percent = total ? Math.round((done / total) * 100) : 0;
            return (
              <li key={info.section}>
                <a
                  class="progress-card"
                  href={paths.personSection(personId, sectionSlug(info.section))}
                >
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
      </section>
      {partners && (
        <section aria-labelledby="partners-title" class="family-group">
          <h2 id="partners-title">{t("client.biography.partners")}</h2>
          {partners.length === 0 && <p>{t("client.biography.no_partner")}</p>}
          {members("partner", partners, data.partnerPage)}
        </section>
      )}
      {children && (
        <section aria-labelledby="children-title" class="family-group">
          <h2 id="children-title">{t("client.biography.children")}</h2>
          {children.length === 0 && <p>{t("client.biography.no_children")}</p>}
          {members("child", children, data.childPage)}
        </section>
      )}
    </>
  );
}
