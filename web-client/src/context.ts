// What every screen may need from the app: the language and the session.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { SessionQuery } from "./gql/graphql";
import type { Language } from "./i18n";

export type Me = NonNullable<SessionQuery["me"]>;

export interface AppState {
  language: Language;
  /** Switch the interface language (stored on the device; sent to the server when logged in). */
  setLanguage: (language: Language) => Promise<void>;
  /** The logged-in account; null when anonymous, undefined while the session is being read. */
  me: Me | null | undefined;
  /** Read the session again (after login); resolves to the account or null. */
  refreshSession: () => Promise<Me | null>;
  /** Forget the session here (after logout, or when the server says it ended). */
  endSession: (reason: "logout" | "expired") => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp outside <App>");
  return state;
}
