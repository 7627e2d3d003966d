import type { Language } from '../api/types';

export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en', 'de', 'da'];

/** Each language's own name, so a reader finds theirs whatever language the page is in. */
export const NATIVE_NAMES: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
  de: 'Deutsch',
  da: 'Dansk',
};

export const STORAGE_KEY = 'allmende.language';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/**
 * The language before sign-in: the one remembered in this browser, else the first of the
 * browser's preferred languages we have, else English.
 */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
