// The frame of every screen of the person view: the person's name as the title, the way back
// to the caseload, and the tabs (links, so each part has its own address and history entry).
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";
import { paths } from "../../routes";
import { Page } from "../Page";
import { PERSON_TABS } from "./personTabs";
import "./caseload.css";

interface Props {
  personId: string;
  /** The page title; the person's name once read. */
  title: string;
  /** The key of the tab this screen belongs to. */
  current: string;
  children: ComponentChildren;
}

export function PersonFrame({ personId, title, current, children }: Props) {
  return (
    <Page title={title}>
      <p>
        <a href={paths.caseload}>{t("client.person.back")}</a>
      </p>
      <nav class="person-tabs" aria-label={t("client.person.tabs")}>
        <ul>
          {PERSON_TABS.map((tab) => (
            <li key={tab.key}>
              <a
                href={paths.personTab(personId, tab.key)}
                aria-current={tab.key === current ? "page" : undefined}
              >
                {t(tab.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}

/** "Given Family", or the fallback while unknown. */
export function personName(
  person: { givenName?: string | null; familyName?: string | null } | null | undefined,
): string {
  const name = [person?.givenName, person?.familyName].filter(Boolean).join(" ");
  return name || t("client.person.unnamed");
}
