// Loading and failure states of a screen's query.
import type { ApiError } from "../api";
import { t } from "../i18n";

export function Loading() {
  return (
    <p class="loading" role="status">
      {t("client.loading")}
    </p>
  );
}

/** A failed query: the server's translated message, and a way to try again. */
export function LoadError({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{error.message}</p>
      {retry && (
        <button type="button" class="button-secondary" onClick={retry}>
          {t("client.error.retry")}
        </button>
      )}
    </div>
  );
}
