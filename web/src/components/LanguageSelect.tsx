import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { LANGUAGES, NATIVE_NAMES, isLanguage } from '../i18n/languages';
import { useSession } from '../session/SessionContext';

/** The language switch in the header: saved to the profile when signed in, in this browser otherwise. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSession();
  const id = useId();
  const [failed, setFailed] = useState(false);
  return (
    <div className="language-select">
      <label htmlFor={id}>
        <svg aria-hidden="true" className="globe" viewBox="0 0 24 24" width="18" height="18">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M2.5 12h19M12 2.5c2.6 2.6 3.9 5.8 3.9 9.5s-1.3 6.9-3.9 9.5M12 2.5C9.4 5.1 8.1 8.3 8.1 12s1.3 6.9 3.9 9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        <span>{t('nav.language')}</span>
      </label>
      <select
        id={id}
        value={language}
        data-testid="language-select"
        onChange={(e) => {
          const lang = e.target.value;
          if (!isLanguage(lang)) return;
          setFailed(false);
          setLanguage(lang as Language).catch(() => setFailed(true));
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed ? (
        <span role="alert" className="small">
          {t('errors.languageNotSaved')}
        </span>
      ) : null}
    </div>
  );
}
