// Issuing a claim letter: the server makes the PDF (a new code, earlier ones void) and sends it
// once, base64-encoded; it is offered here to download and print. It is never stored in the
// browser beyond this page, and a new letter voids this one.
import { useEffect, useState } from "preact/hooks";
import { request } from "../../api";
import { useApp } from "../../context";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { ErrorSummary, type Problem, problemsFrom } from "../Form";
import { formatDate } from "../releases/format";

const IssueClaimLetter = graphql(`
  mutation IssueClaimLetter($personId: ID!) {
    issueClaimLetter(personId: $personId) {
      fileName
      contentType
      pdfBase64
      expiresAt
    }
  }
`);

interface Letter {
  url: string;
  fileName: string;
  expiresAt: string | null | undefined;
}

function pdfUrl(base64: string, contentType: string): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: contentType }));
}

export function ClaimLetterButton({ personId }: { personId: string }) {
  const { language } = useApp();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => () => letter && URL.revokeObjectURL(letter.url), [letter]);

  async function issue() {
    setBusy(true);
    setProblems([]);
    try {
      const answer = (await request(IssueClaimLetter, { personId })).issueClaimLetter;
      if (!answer.pdfBase64) throw new Error("no letter");
      setLetter({
        url: pdfUrl(answer.pdfBase64, answer.contentType ?? "application/pdf"),
        fileName: answer.fileName ?? "claim-letter.pdf",
        expiresAt: answer.expiresAt,
      });
    } catch (error) {
      setProblems(problemsFrom(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="claim-letter">
      <ErrorSummary problems={problems} />
      <p>{t("client.casework.claim.intro")}</p>
      <button type="button" disabled={busy} onClick={() => void issue()}>
        {t(letter ? "client.casework.claim.issue_again" : "client.casework.claim.issue")}
      </button>
      {letter && (
        <div class="notice notice-success" role="status">
          <p>
            {t("client.casework.claim.ready", {
              date: formatDate(letter.expiresAt, language),
            })}
          </p>
          <div class="button-row">
            <a class="button" href={letter.url} download={letter.fileName}>
              {t("client.casework.claim.download")}
            </a>
            <a class="button button-secondary" href={letter.url} target="_blank" rel="noopener">
              {t("client.casework.claim.print")}
            </a>
          </div>
          <p class="hint">{t("client.casework.claim.once")}</p>
        </div>
      )}
    </div>
  );
}
