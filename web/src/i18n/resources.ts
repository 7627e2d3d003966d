import da from './locales/da';
import de from './locales/de';
import en from './locales/en';
import fi from './locales/fi';
import sv from './locales/sv';

export const resources = {
  fi: { translation: fi },
  sv: { translation: sv },
  en: { translation: en },
  de: { translation: de },
  da: { translation: da },
} as const;
