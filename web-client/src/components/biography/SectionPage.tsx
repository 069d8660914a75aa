// The frame of a section screen: the page title (the section; on a partner's or child's page
// the section and the member's name) and the link back to the biography overview.
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";
import { paths } from "../../routes";
import { Page } from "../Page";
import { type Member, memberName, type PageKind } from "./pageModel";

interface Props {
  kind: PageKind;
  /** The section's label from the questionnaire, once read. */
  sectionLabel: string | undefined;
  member: Member | undefined;
  children: ComponentChildren;
}

function titleOf(kind: PageKind, sectionLabel: string, member: Member | undefined): string {
  if (kind === "own") return sectionLabel;
  const name =
    memberName(member) ??
    (kind === "partner"
      ? t("client.biography.unnamed_partner")
      : t("client.biography.unnamed_child"));
  return t("client.biography.member_title", { section: sectionLabel, name });
}

export function SectionPage({ kind, sectionLabel, member, children }: Props) {
  return (
    <Page title={titleOf(kind, sectionLabel ?? t("client.biography.title"), member)}>
      <p>
        <a href={paths.biography}>{t("client.biography.back")}</a>
      </p>
      {children}
    </Page>
  );
}
