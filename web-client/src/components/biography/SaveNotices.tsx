// What a section says after a save: the version-conflict alert (apply the input again, or
// discard it) and the status line. Both take focus (from useSectionSave) to be announced; the
// status region stays in the page, hidden while empty, so screen readers pick it up.
import type { RefObject } from "preact";
import { t } from "../../i18n";
import type { StatusLine } from "./useSectionSave";

interface ConflictProps {
  box: RefObject<HTMLDivElement>;
  onReapply: () => void;
  onDiscard: () => void;
}

export function ConflictNotice({ box, onReapply, onDiscard }: ConflictProps) {
  return (
    <div ref={box} class="notice notice-warning" role="alert" tabIndex={-1}>
      <p>{t("client.biography.conflict")}</p>
      <div class="button-row">
        <button type="button" onClick={onReapply}>
          {t("client.biography.reapply")}
        </button>
        <button type="button" class="button-secondary" onClick={onDiscard}>
          {t("client.biography.discard")}
        </button>
      </div>
    </div>
  );
}

export function SaveStatus({
  box,
  status,
}: {
  box: RefObject<HTMLDivElement>;
  status: StatusLine | null;
}) {
  return (
    <div
      ref={box}
      role="status"
      tabIndex={-1}
      class={status ? `notice notice-${status.tone} save-status` : "visually-hidden save-status"}
    >
      {status && <p>{status.text}</p>}
    </div>
  );
}
