// The frame of every screen: skip link, header (name, language, navigation when logged in), main.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { request } from "../api";
import { useApp } from "../context";
import { graphql } from "../gql";
import { t, type MessageId } from "../i18n";
import { paths } from "../routes";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { ADMIN_NAVIGATION } from "./admin/navigation";
import { ANALYST_NAVIGATION } from "./evaluation/navigation";

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

const NAVIGATION: { href: string; label: MessageId }[] = [
  { href: paths.home, label: "client.nav.home" },
  { href: paths.biography, label: "client.nav.biography" },
  { href: paths.releases, label: "client.nav.releases" },
  { href: paths.myGoals, label: "client.nav.goals" },
  { href: paths.myCorrections, label: "client.nav.corrections" },
  { href: paths.accessLog, label: "client.nav.access_log" },
  { href: paths.documents, label: "client.nav.documents" },
  { href: paths.account, label: "client.nav.account" },
];

/** A caseworker's navigation: their dashboard (at home), the caseload, the account. */
const CASEWORKER_NAVIGATION: { href: string; label: MessageId }[] = [
  { href: paths.home, label: "client.nav.dashboard" },
  { href: paths.caseload, label: "client.nav.caseload" },
  { href: paths.newProfile, label: "client.nav.new_profile" },
  { href: paths.handOverOffers, label: "client.nav.hand_over_offers" },
  { href: paths.account, label: "client.nav.account" },
];

export function Shell({ children }: { children: ComponentChildren }) {
  const { me, endSession } = useApp();
  const { path } = useLocation();
  // On a phone the navigation folds behind a menu button (CSS decides when); a new screen
  // folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);

  async function logout() {
    try {
      await request(Logout);
    } catch {
      // the session is gone either way; the cookies expire with it
    }
    endSession("logout");
  }

  return (
    <>
      <a class="skip-link" href="#main">
        {t("client.skip_link")}
      </a>
      <header class="site-header">
        <div class="header-bar">
          <a class="brand" href={me ? paths.home : paths.start}>
            MoBio
          </a>
          <LanguageSwitcher />
        </div>
        {me && (
          <nav class="site-nav" aria-label={t("client.nav.label")}>
            <button
              type="button"
              class="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-nav-list"
              onClick={() => setMenuOpen(!menuOpen)}
            >
              {t("client.nav.menu")}
            </button>
            <ul id="site-nav-list" data-open={menuOpen ? "" : undefined}>
              {(me.kind === "CASEWORKER"
                ? CASEWORKER_NAVIGATION
                : me.kind === "ADMINISTRATOR"
                  ? ADMIN_NAVIGATION
                  : me.kind === "ANALYST"
                    ? ANALYST_NAVIGATION
                    : NAVIGATION
              ).map((item) => {
                const current = path === item.href || path.startsWith(`${item.href}/`);
                return (
                  <li key={item.href}>
                    <a href={item.href} aria-current={current ? "page" : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                );
              })}
              <li>
                <button type="button" class="link-button" onClick={() => void logout()}>
                  {t("client.nav.logout")}
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
