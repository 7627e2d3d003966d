import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types';
import { resources } from './resources';
import { STORAGE_KEY, initialLanguage } from './languages';

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the language lasts for this page only.
  }
}

export const startLanguage = initialLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);

void i18next.use(initReactI18next).init({
  resources,
  lng: startLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = startLanguage;

export default i18next;
