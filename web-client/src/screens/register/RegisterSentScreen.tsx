// After registering: the activation link is in the mail (it opens the server page /activate).
import { Page } from "../../components/Page";
import { t } from "../../i18n";
import { paths } from "../../routes";

export default function RegisterSentScreen() {
  return (
    <Page title={t("client.sent.title")}>
      <p>{t("client.sent.body")}</p>
      <p>{t("client.sent.no_mail")}</p>
      <p>
        {t("client.sent.then")} <a href={paths.login}>{t("client.login.title")}</a>
      </p>
    </Page>
  );
}
