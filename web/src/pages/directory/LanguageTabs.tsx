import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LANGUAGES, type TextLanguage } from '../../lib/serviceForm';
import { languageName } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

/**
 * Tabs for the five languages of a text (ARIA tabs, automatic activation): arrow keys, Home and
 * End move between them. A tab says whether its language is filled in and whether it has an error.
 */
export function LanguageTabs({
  label,
  selected,
  onSelect,
  filled,
  invalid,
  children,
}: {
  label: string;
  selected: TextLanguage;
  onSelect: (lang: TextLanguage) => void;
  filled: (lang: TextLanguage) => boolean;
  invalid: (lang: TextLanguage) => boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent, index: number) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % TEXT_LANGUAGES.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + TEXT_LANGUAGES.length) % TEXT_LANGUAGES.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TEXT_LANGUAGES.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(TEXT_LANGUAGES[next]!);
    tabs.current[next]?.focus();
  };
  return (
    <div className="language-tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {TEXT_LANGUAGES.map((l, i) => (
          <button
            key={l}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${l}`}
            aria-selected={l === selected}
            aria-controls={`${id}-panel`}
            tabIndex={l === selected ? 0 : -1}
            className={`tab${invalid(l) ? ' tab-invalid' : ''}`}
            onClick={() => onSelect(l)}
            onKeyDown={(e) => move(e, i)}
            data-testid={`lang-tab-${l}`}
          >
            {languageName(l, language)}
            {invalid(l) ? (
              <span className="tab-mark tab-mark-error">
                <span aria-hidden="true"> !</span>
                <span className="visually-hidden"> ({t('editor.tabHasError')})</span>
              </span>
            ) : filled(l) ? (
              <span className="tab-mark">
                <span aria-hidden="true"> ✓</span>
                <span className="visually-hidden"> ({t('editor.tabFilled')})</span>
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
