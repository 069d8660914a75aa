// The administrator's navigation (the shell shows it instead of the newcomer's). The overview
// at paths.admin is where the brand link and /home lead administrators.
import type { MessageId } from "../../i18n";
import { paths } from "../../routes";

export const ADMIN_NAVIGATION: { href: string; label: MessageId }[] = [
  { href: paths.adminMunicipalities, label: "client.nav.admin_municipalities" },
  { href: paths.adminTeams, label: "client.nav.admin_teams" },
  { href: paths.adminAccounts, label: "client.nav.admin_accounts" },
  { href: paths.adminDeclarations, label: "client.nav.admin_declarations" },
  { href: paths.adminForms, label: "client.nav.admin_forms" },
  { href: paths.adminExtracts, label: "client.nav.admin_extracts" },
  { href: paths.account, label: "client.nav.account" },
];
