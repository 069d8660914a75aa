// The language choice in the header: each language named in itself, switchable on every screen.
import { useApp } from "../context";
import { isLanguage, LANGUAGES, t } from "../i18n";

export function LanguageSwitcher() {
  const { language, setLanguage } = useApp();
  return (
    <div class="language-switcher">
      <label for="language-switcher">{t("client.language.switcher")}</label>
      <select
        id="language-switcher"
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) void setLanguage(value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.rtl ? "rtl" : "ltr"}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
