// The biography overview: the sections of the own page with their progress, then the partner
// and the children (name, date of birth, their sections), adding and removing them.
import { useRef, useState } from "preact/hooks";
import { request } from "../../api";
import { formatDate } from "../../components/biography/HistoryDialog";
import "../../components/biography/biography.css";
import { ErrorSummary, type Problem, problemsFrom } from "../../components/Form";
import { Page } from "../../components/Page";
import { LoadError, Loading } from "../../components/Status";
import { graphql } from "../../gql";
import type { FamilyMemberKind, Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { sectionSlug } from "../../lib/sections";
import { useQuery } from "../../lib/useQuery";
import { navigate, paths } from "../../routes";

const BiographyScreenDocument = graphql(`
  query BiographyScreen {
    me {
      person {
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

const AddFamilyMember = graphql(`
  mutation AddFamilyMember($personId: ID!, $kind: FamilyMemberKind!) {
    addFamilyMember(personId: $personId, kind: $kind)
  }
`);

const RemoveFamilyMember = graphql(`
  mutation RemoveFamilyMember($personId: ID!, $memberId: ID!) {
    removeFamilyMember(personId: $personId, memberId: $memberId)
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

function nameOf(member: Member): string | null {
  const name = [member.personal?.givenName?.text, member.personal?.familyName?.text]
    .filter(Boolean)
    .join(" ");
  return name || null;
}

export default function BiographyScreen() {
  const { data, error, loading, reload } = useQuery(BiographyScreenDocument, {});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const person = data?.me?.person;
  const personId = person?.id ?? "";
  const own = person?.biography?.own as
    Record<string, { loggedQuestions?: readonly string[] | null } | null> | null | undefined;
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState("");

  async function add(kind: FamilyMemberKind) {
    setBusy(true);
    setProblems([]);
    try {
      const { addFamilyMember } = await request(AddFamilyMember, { personId, kind });
      navigate(
        paths.memberSection(kind === "PARTNER" ? "partner" : "child", addFamilyMember, "personal"),
      );
    } catch (caught) {
      setProblems(problemsFrom(caught));
    } finally {
      setBusy(false);
    }
  }

  async function remove(memberId: string, name: string) {
    setBusy(true);
    setProblems([]);
    try {
      await request(RemoveFamilyMember, { personId, memberId });
      setConfirming(null);
      setStatus(t("client.biography.member_removed", { name }));
      reload();
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (caught) {
      setProblems(problemsFrom(caught));
    } finally {
      setBusy(false);
    }
  }

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
          const name = nameOf(member) ?? unnamed;
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
                    <a href={paths.memberSection(kind, id, sectionSlug(info.section))}>
                      {info.label}
                    </a>
                  </li>
                ))}
              </ul>
              {confirming === id ? (
                <div
                  class="confirm"
                  role="group"
                  aria-label={t("client.biography.remove_confirm", { name })}
                >
                  <p>{t("client.biography.remove_confirm", { name })}</p>
                  <div class="button-row">
                    <button
                      type="button"
                      class="button-danger"
                      disabled={busy}
                      onClick={() => void remove(id, name)}
                    >
                      {t("client.biography.remove_yes")}
                    </button>
                    <button
                      type="button"
                      class="button-secondary"
                      onClick={() => setConfirming(null)}
                    >
                      {t("client.biography.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" class="button-secondary" onClick={() => setConfirming(id)}>
                  {t("client.biography.remove_member", { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  const partners = person?.biography?.partners ?? [];
  const children = person?.biography?.children ?? [];

  return (
    <Page title={t("client.biography.title")}>
      <p>{t("client.biography.intro")}</p>
      {loading && !data && <Loading />}
      {error && <LoadError error={error} retry={reload} />}
      <ErrorSummary problems={problems} />
      <p
        ref={statusRef}
        role="status"
        tabIndex={-1}
        class={status ? "notice notice-success" : "visually-hidden"}
      >
        {status}
      </p>
      {data && (
        <>
          <section aria-labelledby="own-title">
            <h2 id="own-title">{t("client.biography.own_page")}</h2>
            <ul class="progress-list">
              {data.questionnaire.map((info) => {
                const total = info.questions.length;
                const done = Math.min(
                  own?.[sectionSlug(info.section)]?.loggedQuestions?.length ?? 0,
                  total,
                );
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
          </section>
          <section aria-labelledby="partners-title" class="family-group">
            <h2 id="partners-title">{t("client.biography.partners")}</h2>
            {partners.length === 0 && <p>{t("client.biography.no_partner")}</p>}
            {members("partner", partners, data.partnerPage)}
            <button
              type="button"
              class="button-secondary"
              disabled={busy}
              onClick={() => void add("PARTNER")}
            >
              {t("client.biography.add_partner")}
            </button>
          </section>
          <section aria-labelledby="children-title" class="family-group">
            <h2 id="children-title">{t("client.biography.children")}</h2>
            {children.length === 0 && <p>{t("client.biography.no_children")}</p>}
            {members("child", children, data.childPage)}
            <button
              type="button"
              class="button-secondary"
              disabled={busy}
              onClick={() => void add("CHILD")}
            >
              {t("client.biography.add_child")}
            </button>
          </section>
        </>
      )}
    </Page>
  );
}
