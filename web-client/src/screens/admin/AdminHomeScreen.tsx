// The administrator's start: what there is to look after, each area one link away. Organisation
// data only; administrators never see biography content.
import { Page } from "../../components/Page";
import { ADMIN_NAVIGATION } from "../../components/admin/navigation";
import type { MessageId } from "../../i18n";
import { t } from "../../i18n";
import { paths } from "../../routes";

const DESCRIPTIONS: Record<string, MessageId> = {
  [paths.adminMunicipalities]: "client.admin.home.municipalities",
  [paths.adminTeams]: "client.admin.home.teams",
  [paths.adminAccounts]: "client.admin.home.accounts",
  [paths.adminDeclarations]: "client.admin.home.declarations",
  [paths.adminForms]: "client.admin.home.forms",
  [paths.adminExtracts]: "client.admin.home.extracts",
};

export default function AdminHomeScreen() {
  return (
    <Page title={t("client.admin.home.title")}>
      <p>{t("client.admin.home.intro")}</p>
      <ul class="link-list">
        {ADMIN_NAVIGATION.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{t(item.label)}</a>
            {DESCRIPTIONS[item.href] && (
              <p class="hint">{t(DESCRIPTIONS[item.href] as MessageId)}</p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
