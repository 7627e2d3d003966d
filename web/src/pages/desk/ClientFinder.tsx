import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as desk from '../../api/desk';
import type { ClientHit } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { clientQueryOf, FIND_FIELDS, formatBirthDate, nextResultIndex, NO_FIND, type FindValues } from '../../lib/desk';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useSession } from '../../session/SessionContext';

const NO_IDS: readonly string[] = [];

/**
 * The call screen's search: one form (name with typos, birth date, phone, identity code), Enter
 * searches, the best match takes the focus; the arrow keys move through the results, Escape goes
 * back to the name. Nothing found: "register" with what was typed.
 */
export function ClientFinder({
  regionId,
  purpose,
  openId,
  linkTo,
  hidden = NO_IDS,
  onRegister,
}: {
  regionId: string;
  purpose: string;
  /** the record open now, marked in the results */
  openId: string | null;
  /** the address of the desk with a record open */
  linkTo: (clientId: string) => string;
  /** records merged into another since the search: left out of its results */
  hidden?: readonly string[];
  onRegister: (typed: FindValues) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [values, setValues] = useState<FindValues>(NO_FIND);
  const [found, setHits] = useState<ClientHit[] | null>(null);
  const hits = found && found.filter((h) => !hidden.includes(h.id));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // The record open when the search was made: "nobody found" is stale once another opens.
  const [searchedAt, setSearchedAt] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const focusFirst = useRef(false);
  const change = (c: Partial<FindValues>) => setValues((v) => ({ ...v, ...c }));

  const focusName = () => formRef.current?.querySelector<HTMLInputElement>('input[name="q"]')?.focus();

  // Mikko is on the phone: the name field is ready to type in when the page opens.
  useEffect(() => {
    focusName();
  }, []);

  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    list.current?.querySelector<HTMLAnchorElement>('a')?.focus();
  }, [found]);

  async function search(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const query = clientQueryOf(values);
    if (!query) {
      setErrors({ byField: { q: [t('fieldMessages.findSomething')] }, alert: null });
      focusName();
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const found = await desk.searchClients(regionId, query, purpose);
      focusFirst.current = found.length > 0;
      setHits(found);
      setSearchedAt(openId);
    } catch (err) {
      setErrors(formErrors(t, err, FIND_FIELDS));
      setHits(null);
    } finally {
      setBusy(false);
    }
  }

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-testid="client-hit"]') ?? [])];
  function onListKey(e: KeyboardEvent<HTMLOListElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      focusName();
      return;
    }
    const all = links();
    const next = nextResultIndex(all.indexOf(document.activeElement as HTMLAnchorElement), all.length, e.key);
    if (next === null) return;
    e.preventDefault();
    if (next < 0) focusName();
    else all[next]?.focus();
  }
  function onNameKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'ArrowDown' || !hits || hits.length === 0) return;
    e.preventDefault();
    links()[0]?.focus();
  }

  const byField = errors.byField;
  return (
    <section className="desk-panel desk-find" aria-labelledby="find-heading">
      <h2 id="find-heading">{t('desk.find.title')}</h2>
      <form ref={formRef} className="form desk-find-form" onSubmit={(e) => void search(e)} noValidate role="search">
        <div className="desk-find-fields">
          <TextField
            label={t('desk.find.name')}
            hint={t('desk.find.nameHint')}
            value={values.name}
            onChange={(e) => change({ name: e.target.value })}
            onKeyDown={onNameKey}
            errors={byField.q}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            name="q"
            data-testid="find-name"
          />
          <TextField
            type="date"
            label={t('desk.find.birthDate')}
            value={values.birthDate}
            onChange={(e) => change({ birthDate: e.target.value })}
            errors={byField.birth_date}
            name="birth_date"
            data-testid="find-birth-date"
          />
          <TextField
            type="tel"
            label={t('desk.find.phone')}
            value={values.phone}
            onChange={(e) => change({ phone: e.target.value })}
            errors={byField.phone}
            autoComplete="off"
            name="phone"
          />
          <TextField
            label={t('desk.find.identityCode')}
            hint={t('desk.find.identityCodeHint')}
            value={values.identityCode}
            onChange={(e) => change({ identityCode: e.target.value })}
            errors={byField.identity_code}
            autoComplete="off"
            spellCheck={false}
            maxLength={11}
            name="identity_code"
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="find-submit">
            {busy ? t('desk.find.searching') : t('desk.find.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onRegister(values)} data-testid="register-open">
            {t('desk.find.registerNew')}
          </button>
        </div>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
      </form>

      <p className="visually-hidden" role="status">
        {hits === null ? '' : t('desk.find.found', { count: hits.length })}
      </p>
      {hits !== null && hits.length === 0 && searchedAt === openId ? (
        <div className="empty empty-state" data-testid="find-empty">
          <p>
            <strong>{t('desk.find.noneTitle')}</strong>
          </p>
          <p>{t('desk.find.noneText')}</p>
          <button type="button" className="button button-primary" onClick={() => onRegister(values)} data-testid="register-from-empty">
            {t('desk.find.register')}
          </button>
        </div>
      ) : null}
      {hits && hits.length > 0 ? (
        <>
          <h3 className="desk-hits-heading">{t('desk.find.found', { count: hits.length })}</h3>
          <p className="small muted">{t('desk.find.keys')}</p>
          <ol ref={list} className="desk-hits" onKeyDown={onListKey} data-testid="client-hits">
            {hits.map((h) => {
              const open = h.id === openId;
              return (
                <li key={h.id}>
                  <Link
                    to={linkTo(h.id)}
                    className={open ? 'desk-hit desk-hit-open' : 'desk-hit'}
                    aria-current={open ? 'true' : undefined}
                    data-testid="client-hit"
                    data-client-id={h.id}
                  >
                    <span className="desk-hit-name">{h.name}</span>
                    <span className="desk-hit-facts">
                      {[formatBirthDate(h.birth_date, language), h.municipality_name, h.street].filter(Boolean).join(' · ')}
                    </span>
                    {open ? <span className="badge">{t('desk.find.openNow')}</span> : null}
                  </Link>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
