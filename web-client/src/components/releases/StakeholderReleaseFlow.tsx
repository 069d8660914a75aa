// Release a data package to a stakeholder: choose the package and see what it holds, optionally
// give the recipient's address (the server mails the link), read the declaration in a chosen
// language, agree; then the link is shown once, with a copy button.
import { useEffect, useRef, useState } from "preact/hooks";
import { request } from "../../api";
import { ErrorSummary, errorFor, Field, type Problem, problemsFrom } from "../Form";
import { graphql } from "../../gql";
import type { DocumentCategory, Package, Section } from "../../gql/graphql";
import { t } from "../../i18n";
import { categoryLabel } from "../documents/labels";
import {
  ConsentDeclaration,
  type DeclarationChoice,
  defaultDeclaration,
} from "./ConsentDeclaration";
import { formatDateTime, PACKAGES, packageLabel, packageRecipients } from "./format";

const ReleaseToStakeholder = graphql(`
  mutation ReleaseToStakeholder(
    $personId: ID!
    $package: Package!
    $consentDocumentId: ID!
    $recipientEmail: String
  ) {
    releaseToStakeholder(
      personId: $personId
      package: $package
      consentDocumentId: $consentDocumentId
      recipientEmail: $recipientEmail
    ) {
      releaseId
      url
      expiresAt
    }
  }
`);

/**
 * What each package lets its recipient read: the sections with at least one answer it may read
 * and the document categories it may download (docs/access-matrix.md, mobio/auth/documents.py).
 * Within a section only the answers meant for that recipient are shown.
 */
const CONTENTS: Record<
  Package,
  { sections: Section[]; children: boolean; documents: DocumentCategory[] }
> = {
  EMPLOYMENT: {
    sections: ["PERSONAL", "FAMILY", "LANGUAGE", "EDUCATION", "OCCUPATION", "LIVING"],
    children: true,
    documents: ["SCHOOL_CERTIFICATE", "VOCATIONAL_CERTIFICATE", "LANGUAGE_CERTIFICATE", "CV"],
  },
  EMPLOYER: {
    sections: ["PERSONAL", "LANGUAGE", "EDUCATION", "OCCUPATION", "LIVING"],
    children: false,
    documents: ["CV", "WORK_REFERENCE"],
  },
  LANGUAGE_SCHOOL: {
    sections: ["PERSONAL", "LANGUAGE", "EDUCATION"],
    children: false,
    documents: ["LANGUAGE_CERTIFICATE"],
  },
  CHAMBERS: {
    sections: ["PERSONAL", "LANGUAGE", "EDUCATION", "OCCUPATION"],
    children: false,
    documents: ["SCHOOL_CERTIFICATE", "VOCATIONAL_CERTIFICATE", "WORK_REFERENCE"],
  },
  LANGUAGE_COURSE_COORDINATION: {
    sections: ["PERSONAL", "LANGUAGE"],
    children: true,
    documents: [],
  },
};

export interface NewLink {
  url: string;
  expiresAt: string;
  package: Package;
  recipientEmail: string | null;
}

function PackageContents({
  value,
  sectionLabels,
}: {
  value: Package;
  sectionLabels: Map<Section, string>;
}) {
  const contents = CONTENTS[value];
  return (
    <section
      class="package-contents notice"
      aria-labelledby="package-contents-heading"
      id="package-contents"
    >
      <h3 id="package-contents-heading">
        {t("client.releases.contents", { package: packageLabel(value) })}
      </h3>
      <p>{t("client.releases.contents_sections")}</p>
      <ul>
        {contents.sections.map((section) => (
          <li key={section}>{sectionLabels.get(section) ?? section}</li>
        ))}
        {contents.children && <li>{t("client.releases.contents_children")}</li>}
      </ul>
      <p>
        {contents.documents.length
          ? t("client.releases.contents_documents", {
              categories: contents.documents.map(categoryLabel).join(", "),
            })
          : t("client.releases.contents_no_documents")}
      </p>
      <p>{t("client.releases.contents_never")}</p>
    </section>
  );
}

export function StakeholderReleaseFlow({
  personId,
  language,
  declarations,
  sectionLabels,
  onDone,
  onCancel,
}: {
  personId: string;
  language: string;
  declarations: DeclarationChoice[];
  sectionLabels: Map<Section, string>;
  onDone: (link: NewLink) => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState<Package | "">("");
  const [email, setEmail] = useState("");
  const [declaration, setDeclaration] = useState(
    () => defaultDeclaration(declarations, language) ?? "",
  );
  const [agreed, setAgreed] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!chosen)
      found.push({ field: "package-choice", message: t("client.releases.package_missing") });
    if (!agreed)
      found.push({ field: "stakeholder-consent", message: t("client.releases.consent_missing") });
    setProblems(found);
    if (found.length || !chosen || !declaration) return;
    setBusy(true);
    try {
      const recipientEmail = email.trim() || null;
      const answer = await request(ReleaseToStakeholder, {
        personId,
        package: chosen,
        consentDocumentId: declaration,
        recipientEmail,
      });
      const link = answer.releaseToStakeholder;
      onDone({
        url: link.url ?? "",
        expiresAt: link.expiresAt ?? "",
        package: chosen,
        recipientEmail,
      });
    } catch (error) {
      setProblems(problemsFrom(error, { recipientEmail: "stakeholder-email" }));
    } finally {
      setBusy(false);
    }
  }

  const packageError = errorFor(problems, "package-choice");
  return (
    <section class="release-flow" aria-labelledby="stakeholder-flow-heading">
      <h2 id="stakeholder-flow-heading" ref={heading} tabIndex={-1}>
        {t("client.releases.stakeholder_flow")}
      </h2>
      <p>{t("client.releases.stakeholder_flow_intro")}</p>
      <ErrorSummary problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset
          id="package-choice"
          tabIndex={-1}
          class={packageError ? "field-error choice-list" : "choice-list"}
          aria-describedby={packageError ? "package-choice-error" : undefined}
        >
          <legend>{t("client.releases.package")}</legend>
          {packageError && (
            <p id="package-choice-error" class="error-message">
              {packageError}
            </p>
          )}
          {PACKAGES.map((p) => (
            <div class="choice" key={p}>
              <input
                type="radio"
                id={`package-${p}`}
                name="package"
                value={p}
                checked={chosen === p}
                onChange={() => setChosen(p)}
                aria-describedby={`package-${p}-about`}
              />
              <label for={`package-${p}`}>
                <span class="choice-name">{packageLabel(p)}</span>
              </label>
              <span id={`package-${p}-about`} class="choice-about">
                {packageRecipients(p)}
              </span>
            </div>
          ))}
        </fieldset>
        {chosen && <PackageContents value={chosen} sectionLabels={sectionLabels} />}
        <Field
          id="stakeholder-email"
          type="email"
          autocomplete="off"
          inputMode="email"
          label={t("client.releases.recipient_email")}
          hint={t("client.releases.recipient_email_hint")}
          value={email}
          onValue={setEmail}
          error={errorFor(problems, "stakeholder-email")}
        />
        {declaration ? (
          <ConsentDeclaration
            idPrefix="stakeholder"
            documents={declarations}
            chosen={declaration}
            onChoose={setDeclaration}
            agreed={agreed}
            onAgree={setAgreed}
            problems={problems}
          />
        ) : (
          <p class="notice notice-error" role="alert">
            {t("client.releases.declaration_missing")}
          </p>
        )}
        <div class="button-row">
          <button type="submit" disabled={busy || !declaration}>
            {t("client.releases.accept_stakeholder")}
          </button>
          <button type="button" class="button-secondary" onClick={onCancel}>
            {t("client.releases.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The new link, shown this once: copy it, know until when it works. */
export function LinkShown({
  link,
  language,
  onClose,
}: {
  link: NewLink;
  language: string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState("");
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(t("client.releases.link_copied"));
    } catch {
      input.current?.select();
      setCopied(t("client.releases.link_copy_failed"));
    }
  }

  return (
    <section class="release-flow link-shown" aria-labelledby="link-heading">
      <h2 id="link-heading" ref={heading} tabIndex={-1}>
        {t("client.releases.link_title", { package: packageLabel(link.package) })}
      </h2>
      <p class="notice notice-success">
        {t("client.releases.link_valid", { date: formatDateTime(link.expiresAt, language) })}
      </p>
      <div class="field">
        <label for="stakeholder-link">{t("client.releases.link")}</label>
        <p id="stakeholder-link-hint" class="hint">
          {t("client.releases.link_once")}
        </p>
        <input
          ref={input}
          id="stakeholder-link"
          type="text"
          dir="ltr"
          readOnly
          value={link.url}
          aria-describedby="stakeholder-link-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div class="button-row">
        <button type="button" onClick={() => void copy()}>
          {t("client.releases.link_copy")}
        </button>
        <button type="button" class="button-secondary" onClick={onClose}>
          {t("client.releases.link_done")}
        </button>
      </div>
      <p role="status" class="hint">
        {copied}
      </p>
      {link.recipientEmail && (
        <p>{t("client.releases.link_mailed", { email: link.recipientEmail })}</p>
      )}
    </section>
  );
}
