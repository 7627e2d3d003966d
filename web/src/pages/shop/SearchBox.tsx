import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as directory from '../../api/directory';
import { applySuggestion } from '../../lib/shopQuery';

const DEBOUNCE_MS = 200;

/**
 * The shop's search field: a combobox (ARIA 1.2, list autocomplete) whose completions come from
 * the server while one types. Arrow keys move through them, Enter takes one, Escape closes the
 * list (and a second Escape empties the field); the search runs when the form is sent.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value);
  const [items, setItems] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  // Bumped when a search is made, so completions still on their way are not shown after it.
  const generation = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  // The address changed (back button, a "did you mean" link): show its words.
  useEffect(() => {
    setText(value);
    typed.current = false;
  }, [value]);

  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (q.length < 2) {
      setItems([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const mine = generation.current;
    const timer = window.setTimeout(() => {
      directory.suggestServices(q, controller.signal).then(
        (found) => {
          if (mine !== generation.current) return;
          const shown = found.filter((s) => s.toLocaleLowerCase() !== q.toLocaleLowerCase()).slice(0, 8);
          setItems(shown);
          setActive(-1);
          setOpen(shown.length > 0 && document.activeElement === input.current);
        },
        () => undefined, // completions are a convenience: a failure shows none
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const choose = (suggestion: string) => {
    generation.current++;
    const next = applySuggestion(text, suggestion);
    typed.current = false;
    setText(next);
    setOpen(false);
    setActive(-1);
    onSearch(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && items.length > 0) {
        setOpen(true);
        setActive(0);
      } else if (items.length > 0) {
        setActive((a) => (a + 1) % items.length);
      }
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length > 0) {
        setOpen(true);
        setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
      }
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && items[active] !== undefined) {
        e.preventDefault();
        choose(items[active]!);
      } else {
        setOpen(false);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        typed.current = false;
        setText('');
      }
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    generation.current++;
    setOpen(false);
    onSearch(text);
  };

  const shown = open && items.length > 0;
  return (
    <form role="search" className="search-form" onSubmit={submit} aria-label={t('shop.searchLabel')}>
      <label htmlFor={id} className="search-label">
        {t('shop.searchLabel')}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('shop.searchHint')}
      </p>
      <div className="search-row">
        <div className="combobox">
          <input
            ref={input}
            id={id}
            type="text"
            role="combobox"
            name="q"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(e) => {
              typed.current = true;
              setText(e.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => {
              if (items.length > 0 && typed.current) setOpen(true);
            }}
            data-testid="search-input"
          />
          <ul id={listId} role="listbox" aria-label={t('shop.suggestions')} className="suggestions" hidden={!shown}>
            {items.map((s, i) => (
              <li
                key={s}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'suggestion active' : 'suggestion'}
                // Keep the focus in the field: the choice is made on mousedown's click.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(s)}
              >
                {s}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className="button button-primary search-button">
          {t('shop.searchButton')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {shown ? t('shop.suggestionCount', { count: items.length }) : ''}
      </p>
    </form>
  );
}
