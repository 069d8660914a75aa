// Interface texts: the `client.*` entries of ../locales/<lang>/LC_MESSAGES/mobio.po, compiled by
// scripts/messages.mjs into src/generated/messages/<lang>.json and loaded lazily, one language
// at a time. `t()` reads the loaded language; the App re-renders the whole tree when it changes.
import type { MessageId } from "./generated/message-ids";

export type { MessageId };

/** The interface languages, each named in itself (never translated). */
export const LANGUAGES = [
  { code: "de", name: "Deutsch", rtl: false },
  { code: "en", name: "English", rtl: false },
  { code: "fr", name: "Français", rtl: false },
  { code: "ar", name: "العربية", rtl: true },
  { code: "fa", name: "فارسی", rtl: true },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];

const STORAGE_KEY = "mobio.language";
const FALLBACK: Language = "de";

const loaders: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  de: () => import("./generated/messages/de.json"),
  en: () => import("./generated/messages/en.json"),
  fr: () => import("./generated/messages/fr.json"),
  ar: () => import("./generated/messages/ar.json"),
  fa: () => import("./generated/messages/fa.json"),
};

let current: Language = FALLBACK;
let messages: Record<string, string> = {};

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

/** The language chosen on this device, or null on the first visit. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked: ask again, nothing breaks
  }
}

/** The language to start in: the stored choice, else the browser's, else German. */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? []) {
    const code = tag.split("-")[0]?.toLowerCase();
    if (isLanguage(code)) return code;
  }
  return FALLBACK;
}

export function currentLanguage(): Language {
  return current;
}

export function isRightToLeft(language: Language = current): boolean {
  return LANGUAGES.some((l) => l.code === language && l.rtl);
}

/**
 * Loads `language`'s texts, makes it current and sets `<html lang dir>`. With `remember`, the
 * choice is stored on this device. Callers re-render afterwards (see App's `setLanguage`).
 */
export async function loadLanguage(language: Language, remember: boolean): Promise<void> {
  messages = (await loaders[language]()).default;
  current = language;
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? "rtl" : "ltr";
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // storage blocked: the choice lasts for this visit
    }
  }
}

/**
 * The text of `id` in the current language, `{name}` placeholders filled from `params` (the
 * same placeholder syntax as the server's texts). Always write the full literal id, e.g.
 * `t("client.nav.home")`: tests/test_client_messages.py finds the ids used by searching src/.
 */
export function t(id: MessageId, params?: Record<string, string | number>): string {
  const text = messages[id] ?? id;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
