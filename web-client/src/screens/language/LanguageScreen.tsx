// First visit (and any time later): choose the interface language, then go on.
import { useLocation } from "preact-iso";
import { Page } from "../../components/Page";
import { useApp } from "../../context";
import { LANGUAGES, t } from "../../i18n";
import { paths, queryParam, safeNext } from "../../routes";

export default function LanguageScreen() {
  const { language, setLanguage } = useApp();
  const { route } = useLocation();

  async function choose(code: (typeof LANGUAGES)[number]["code"]) {
    await setLanguage(code);
    route(safeNext(queryParam("next"), paths.start), true);
  }

  return (
    <Page title={t("client.language.title")}>
      <p>{t("client.language.intro")}</p>
      <ul class="language-list">
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <button
              type="button"
              class="language-choice"
              lang={l.code}
              dir={l.rtl ? "rtl" : "ltr"}
              aria-pressed={l.code === language}
              onClick={() => void choose(l.code)}
            >
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
