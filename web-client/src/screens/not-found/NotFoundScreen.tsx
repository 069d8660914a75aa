// Any path the client does not know.
import { Page } from "../../components/Page";
import { t } from "../../i18n";
import { paths } from "../../routes";

export default function NotFoundScreen() {
  return (
    <Page title={t("client.not_found.title")}>
      <p>{t("client.not_found.body")}</p>
      <p>
        <a href={paths.start}>{t("client.not_found.back")}</a>
      </p>
    </Page>
  );
}
