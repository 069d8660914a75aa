// Runs a screen's query on mount, again when its variables or the language change (the server
// translates labels), and ends the session here when the server says it has ended.
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, request } from "../api";
import { useApp } from "../context";
import type { TypedDocumentString } from "../gql/graphql";

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  options: { skip?: boolean } = {},
): QueryState<R> {
  const { language, endSession } = useApp();
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean }>({
    loading: !options.skip,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables ?? {});

  useEffect(() => {
    if (options.skip) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    (request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, variables)
      .then((data) => live && setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (!live) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(String(error), "UNEXPECTED");
        if (apiError.code === "UNAUTHENTICATED") endSession("expired");
        setState({ error: apiError, loading: false });
      });
    return () => {
      live = false;
    };
  }, [document, key, language, generation, options.skip]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
