// The declaration a release is given under: choose its language among those it is published in,
// read it, tick the box. The text is fetched for the chosen document only.
import { errorFor, type Problem } from "../Form";
import { LoadError, Loading } from "../Status";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { languageName } from "../../lib/languageName";
import { Markdown } from "../../lib/markdown";
import { useQuery } from "../../lib/useQuery";

const ReleaseDeclarationText = graphql(`
  query ReleaseDeclarationText($id: ID!) {
    consentDocument(id: $id) {
      id
      title
      body
      version
      language
      rightToLeft
    }
  }
`);

interface DeclarationText {
  title: string;
  body?: string | null;
  version: number;
  language: string;
}

/** Saves the declaration as read, as a text file, so the newcomer keeps what they agreed to. */
function saveDeclaration(declaration: DeclarationText): void {
  const text = `${declaration.title}\n\n${declaration.body ?? ""}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  const name = declaration.title.replace(/[\\/:*?"<>|\s]+/g, "-");
  link.href = url;
  link.download = `${name}-v${declaration.version}-${declaration.language}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface DeclarationChoice {
  id: string;
  language: string;
}

/** The declaration in `language` if published in it, else German, else the first. */
export function defaultDeclaration(
  documents: DeclarationChoice[],
  language: string,
): string | null {
  const found =
    documents.find((d) => d.language === language) ??
    documents.find((d) => d.language === "de") ??
    documents[0];
  return found?.id ?? null;
}

export function ConsentDeclaration({
  idPrefix,
  documents,
  chosen,
  onChoose,
  agreed,
  onAgree,
  problems,
}: {
  idPrefix: string;
  documents: DeclarationChoice[];
  chosen: string;
  onChoose: (id: string) => void;
  agreed: boolean;
  onAgree: (agreed: boolean) => void;
  problems: Problem[];
}) {
  const text = useQuery(ReleaseDeclarationText, { id: chosen });
  const declaration = text.data?.consentDocument;
  const checkbox = `${idPrefix}-consent`;
  const error = errorFor(problems, checkbox);
  return (
    <section class="declaration" aria-labelledby={`${idPrefix}-declaration-heading`}>
      <h3 id={`${idPrefix}-declaration-heading`}>{t("client.releases.declaration")}</h3>
      <div class="field">
        <label for={`${idPrefix}-declaration-language`}>
          {t("client.releases.declaration_language")}
        </label>
        <p id={`${idPrefix}-declaration-language-hint`} class="hint">
          {t("client.releases.declaration_language_hint")}
        </p>
        <select
          id={`${idPrefix}-declaration-language`}
          value={chosen}
          aria-describedby={`${idPrefix}-declaration-language-hint`}
          onChange={(event) => onChoose(event.currentTarget.value)}
        >
          {documents.map((d) => (
            <option key={d.id} value={d.id} lang={d.language}>
              {languageName(d.language)}
            </option>
          ))}
        </select>
      </div>
      {text.loading && !declaration && <Loading />}
      {text.error && <LoadError error={text.error} retry={text.reload} />}
      {declaration && (
        <div
          class="declaration-text"
          lang={declaration.language}
          dir={declaration.rightToLeft ? "rtl" : "ltr"}
          tabIndex={0}
          role="region"
          aria-labelledby={`${idPrefix}-declaration-title`}
        >
          <h4 id={`${idPrefix}-declaration-title`}>{declaration.title}</h4>
          <p class="hint">
            {t("client.releases.declaration_version", { version: declaration.version })}
          </p>
          <Markdown text={declaration.body ?? ""} />
        </div>
      )}
      {declaration && (
        <p>
          <button
            type="button"
            class="button-secondary"
            onClick={() => saveDeclaration(declaration)}
          >
            {t("client.releases.declaration_save")}
          </button>
        </p>
      )}
      <div class={error ? "field field-error checkbox" : "field checkbox"}>
        {error && (
          <p id={`${checkbox}-error`} class="error-message">
            {error}
          </p>
        )}
        <input
          id={checkbox}
          type="checkbox"
          checked={agreed}
          onChange={(event) => onAgree(event.currentTarget.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${checkbox}-error` : undefined}
        />
        <label for={checkbox}>{t("client.releases.consent")}</label>
      </div>
    </section>
  );
}
