// The one way to talk to the server: POST /graphql with the session cookie (same origin), the
// CSRF header echoed from the `mobio_csrf` cookie, and the interface language. Errors arrive
// translated by the server; they are thrown as ApiError with the message and extensions.code.
import type { TypedDocumentString } from "./gql/graphql";
import { currentLanguage, t } from "./i18n";

const ENDPOINT = "/graphql";
const CSRF_COOKIE = "mobio_csrf"; // mobio/web/cookies.py
const CSRF_HEADER = "x-csrf-token";
const LANGUAGE_HEADER = "x-mobio-language";

/** One error for one input field (`extensions.fields` of a BAD_INPUT error). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string; fields?: FieldError[]; [key: string]: unknown };
}

/** A failed request: the server's translated message and code, or NETWORK / UNEXPECTED. */
export class ApiError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.extensions = extensions;
    this.fields = Array.isArray(extensions["fields"]) ? (extensions["fields"] as FieldError[]) : [];
  }
}

/** The session's CSRF token, readable by design (double submit bound to the session). */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

function headers(): Record<string, string> {
  const result: Record<string, string> = { [LANGUAGE_HEADER]: currentLanguage() };
  const csrf = csrfToken();
  if (csrf) result[CSRF_HEADER] = csrf;
  return result;
}

function toError(body: unknown): ApiError {
  const errors = (body as { errors?: GraphQLErrorJson[] } | null)?.errors;
  const first = errors?.[0];
  if (!first) return new ApiError(t("client.error.unexpected"), "UNEXPECTED");
  const extensions = first.extensions ?? {};
  return new ApiError(first.message, String(extensions.code ?? "UNEXPECTED"), extensions);
}

type Answer<R> = { data?: R | null; errors?: GraphQLErrorJson[] } | null;

/** The data of an answer, or the ApiError of its first error. */
function dataOf<R>(body: Answer<R>): R {
  if (body?.errors?.length || !body?.data) throw toError(body);
  return body.data;
}

/** Variables are optional exactly when the operation has none that are required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * Runs one typed operation (write it with `graphql()` from "./gql") and returns its data.
 * Any error in the answer throws ApiError; denied fields are null in the data, not errors.
 */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  ...[variables]: VariablesArg<V>
): Promise<R> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json", ...headers() },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError(t("client.error.network"), "NETWORK");
  }
  let body: Answer<R>;
  try {
    body = (await response.json()) as Answer<R>;
  } catch {
    throw new ApiError(t("client.error.unexpected"), "UNEXPECTED");
  }
  return dataOf(body);
}

/** Progress of an upload: bytes sent so far and in all (total is 0 when unknown). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Runs an operation that takes files (GraphQL multipart request spec: `operations`, `map`, then
 * one form part per file) with upload progress, which fetch cannot report. `files` maps each
 * variable path to its file, e.g. `{ "variables.file": file }`; those variables are sent null.
 */
export function upload<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  files: Record<string, File | Blob>,
  options: UploadOptions = {},
): Promise<R> {
  const form = new FormData();
  const paths = Object.keys(files);
  const sent = JSON.parse(JSON.stringify(variables ?? {})) as Record<string, unknown>;
  for (const path of paths) setPath({ variables: sent }, path, null);
  form.append("operations", JSON.stringify({ query: document.toString(), variables: sent }));
  form.append(
    "map",
    JSON.stringify(Object.fromEntries(paths.map((path, i) => [String(i), [path]]))),
  );
  paths.forEach((path, i) => form.append(String(i), files[path] as Blob));

  return new Promise<R>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", ENDPOINT);
    xhr.withCredentials = false; // same origin: cookies go anyway
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) =>
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : 0,
      });
    xhr.onerror = () => reject(new ApiError(t("client.error.network"), "NETWORK"));
    xhr.onabort = () => reject(new ApiError(t("client.error.network"), "ABORTED"));
    xhr.onload = () => {
      try {
        resolve(dataOf(JSON.parse(xhr.responseText) as Answer<R>));
      } catch (error) {
        reject(
          error instanceof ApiError
            ? error
            : new ApiError(t("client.error.unexpected"), "UNEXPECTED"),
        );
      }
    };
    options.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}
