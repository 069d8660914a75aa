// The analyst's navigation (the shell shows it instead of the newcomer's): the evaluation, where
// /home and the brand link lead analysts, and the account.
import type { MessageId } from "../../i18n";
import { paths } from "../../routes";

export const ANALYST_NAVIGATION: { href: string; label: MessageId }[] = [
  { href: paths.evaluation, label: "client.nav.evaluation" },
  { href: paths.extracts, label: "client.nav.extracts" },
  { href: paths.account, label: "client.nav.account" },
];
