import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as directory from '../../api/directory';
import type { AdviceChannel, ClientRecord, OrderView, PublicService, ServiceSummary } from '../../api/types';
import { Status } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { LANGUAGES } from '../../i18n/languages';
import { useDirectoryNames } from '../../lib/directoryData';
import { addressLine } from '../../lib/desk';
import { generalMessage } from '../../lib/errors';
import { earliestStart } from '../../lib/shopOrder';
import { formatCivilDate, localDate } from '../../lib/schedule';
import { langAttr, languageName, listLanguages, pickText } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { PriceText, VoucherBadge } from '../shop/ServiceBits';
import { DeskOrderForm } from './DeskOrderForm';

const PAGE_SIZE = 10;

interface SearchValues {
  q: string;
  /** a category code of the directory; '' for any */
  category: string;
  municipality: string;
  language: string;
}

/** A type of service to search for, asked from outside the panel (the assessment's suggestion). */
export interface CategoryAsked {
  code: string;
}

/** One service found: name, provider, price, languages, the first day it can start, "Choose". */
function ServiceHit({ s, today, onChoose }: { s: ServiceSummary; today: string; onChoose: () => void }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const name = pickText(s.name, language);
  return (
    <li className="item desk-service" data-testid="desk-service" data-service-id={s.id}>
      <div className="item-main">
        <h4 className="item-title" lang={langAttr(name, language)}>
          {name.text || t('shop.unnamed')}
        </h4>
        <p className="muted">{s.provider.name}</p>
        <p>
          <PriceText price={s.price} /> {s.vouchers && s.vouchers.length > 0 ? <VoucherBadge /> : null}
        </p>
        <p className="small">
          {listLanguages(s.languages ?? [], language)} ·{' '}
          {t('desk.order.earliest', { date: formatCivilDate(earliestStart(today, s.lead_time_days), language) })}
        </p>
      </div>
      <div className="item-actions">
        <button type="button" className="button button-secondary" onClick={onChoose} data-testid="choose-service">
          {t('desk.order.choose')}
          <span className="visually-hidden">: {name.text}</span>
        </button>
      </div>
    </li>
  );
}

/**
 * "Search and order": the directory's search with the client's municipality (and postal code)
 * and language already filled in, and the shop's order form for the chosen service, sent with the
 * client's consent. A `category` asked from outside (a type of service the needs assessment
 * suggested) replaces the search's words and type and searches at once.
 */
export function DeskOrder({
  record,
  channel,
  onPlaced,
  category,
}: {
  record: ClientRecord;
  channel: AdviceChannel;
  onPlaced: (order: OrderView) => void;
  category?: CategoryAsked | null;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const today = localDate(new Date(), session.timeZone);
  const home = record.address?.municipality_code ?? '';
  const [values, setValues] = useState<SearchValues>({ q: '', category: '', municipality: home, language: record.language });
  const [items, setItems] = useState<ServiceSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<PublicService | null>(null);
  const [chosenError, setChosenError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  const formHolder = useRef<HTMLDivElement>(null);
  const placedRef = useRef<HTMLDivElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const backToResults = useRef(false);
  // Set while a search asked from outside runs: its results take the focus when they arrive.
  const focusFound = useRef(false);
  const change = (c: Partial<SearchValues>) => setValues((v) => ({ ...v, ...c }));

  // In the client's own municipality the postal code narrows the search to services that reach her door.
  const query = (cursorFrom: string | null, v: SearchValues = values) => ({
    q: v.q.trim(),
    category: v.category,
    municipality: v.municipality,
    postal_code: v.municipality === home ? (record.address?.postal_code ?? '') : '',
    language: v.language,
    limit: PAGE_SIZE,
    cursor: cursorFrom,
  });

  async function search(e?: FormEvent, v: SearchValues = values) {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setChosen(null);
    try {
      const r = await directory.searchServices(query(null, v));
      setItems(r.items);
      setTotal(r.total);
      setCursor(r.next_cursor);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function more() {
    if (!cursor || busy) return;
    setBusy(true);
    try {
      const r = await directory.searchServices(query(cursor));
      setItems((old) => [...(old ?? []), ...r.items]);
      setCursor(r.next_cursor);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function choose(s: ServiceSummary) {
    setChosenError(null);
    setPlaced(null);
    if (chosen?.id === s.id) return;
    try {
      setChosen(await directory.getPublicService(s.id));
    } catch (err) {
      setChosenError(generalMessage(t, err));
    }
  }

  // The form of the chosen service takes the focus at its heading; a placed order, its link.
  useEffect(() => {
    if (chosen) formHolder.current?.querySelector<HTMLElement>('h3')?.focus();
    else if (backToResults.current) resultsHeading.current?.focus();
    backToResults.current = false;
  }, [chosen]);
  useEffect(() => {
    if (placed) placedRef.current?.querySelector<HTMLElement>('a')?.focus();
  }, [placed]);

  // A type of service asked from outside becomes the search, which runs at once; only a new ask
  // searches (the effect's closure has the panel's values of that moment).
  useEffect(() => {
    if (!category) return;
    const next = { ...values, q: '', category: category.code };
    setValues(next);
    setPlaced(null);
    focusFound.current = true;
    void search(undefined, next);
  }, [category]);
  useEffect(() => {
    if (!focusFound.current || busy || items === null) return;
    focusFound.current = false;
    (resultsHeading.current ?? sectionRef.current)?.focus();
  }, [busy, items]);

  const back = () => {
    backToResults.current = true;
    setChosen(null);
  };
  const where = values.municipality === home && addressLine(record.address);
  return (
    <section ref={sectionRef} className="desk-panel desk-order" id="desk-order" aria-labelledby="order-heading" tabIndex={-1}>
      <h2 id="order-heading">{t('desk.order.title')}</h2>
      <p className="muted">{t('desk.order.intro', { name: record.name })}</p>
      <div ref={placedRef}>
        <Status>
          {placed ? (
            <span data-testid="order-placed">
              {t('desk.order.placed', { name: record.name })} <Link to={`/orders/${placed.id}`}>{t('desk.order.openOrder')}</Link>
            </span>
          ) : null}
        </Status>
      </div>
      <form className="form" onSubmit={(e) => void search(e)} noValidate role="search" aria-label={t('desk.order.searchLabel')}>
        <TextField
          type="search"
          label={t('desk.order.what')}
          hint={t('desk.order.whatHint')}
          value={values.q}
          onChange={(e) => change({ q: e.target.value })}
          maxLength={200}
          name="service_q"
          data-testid="service-q"
        />
        <SelectField
          label={t('desk.order.category')}
          value={values.category}
          onChange={(e) => change({ category: e.target.value })}
          name="service_category"
          data-testid="service-category"
        >
          <option value="">{t('desk.order.anyCategory')}</option>
          {values.category && !names.categories.some((c) => c.code === values.category) ? (
            <option value={values.category}>{names.categoryName(values.category)}</option>
          ) : null}
          {names.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {names.categoryName(c.code)}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <SelectField
            label={t('desk.order.municipality')}
            value={values.municipality}
            onChange={(e) => change({ municipality: e.target.value })}
            name="service_municipality"
          >
            <option value="">{t('desk.order.anyMunicipality')}</option>
            {names.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {names.placeName(m.code)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('desk.order.language')} value={values.language} onChange={(e) => change({ language: e.target.value })} name="service_language">
            <option value="">{t('desk.order.anyLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, language)}
              </option>
            ))}
          </SelectField>
        </div>
        {where ? <p className="small muted">{t('desk.order.reaching', { address: where })}</p> : null}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="service-search">
            {t('desk.order.search')}
          </button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {items === null || busy ? '' : t('desk.order.found', { count: total })}
      </p>
      {error ? <LoadError error={error} onRetry={() => void search()} /> : null}
      {items !== null && items.length === 0 ? (
        <p className="empty" data-testid="services-empty">
          {t('desk.order.none')}
        </p>
      ) : null}
      {items && items.length > 0 && !chosen ? (
        <>
          <h3 className="desk-hits-heading" ref={resultsHeading} tabIndex={-1}>
            {t('desk.order.found', { count: total })}
          </h3>
          <ol className="item-list" data-testid="desk-services">
            {items.map((s) => (
              <ServiceHit key={s.id} s={s} today={today} onChoose={() => void choose(s)} />
            ))}
          </ol>
          {cursor ? (
            <button type="button" className="button button-secondary" onClick={() => void more()} aria-disabled={busy || undefined}>
              {t('desk.order.more', { shown: items.length, total })}
            </button>
          ) : null}
        </>
      ) : null}
      {chosenError ? (
        <p className="alert alert-error" role="alert">
          {chosenError}
        </p>
      ) : null}
      <div ref={formHolder}>
        {chosen ? (
          <p className="desk-chosen">
            <button
              type="button"
              className="button button-link"
              onClick={back}
              data-testid="back-to-results"
            >
              {t('desk.order.backToResults')}
            </button>
          </p>
        ) : null}
        {chosen ? (
          <DeskOrderForm
            key={chosen.id}
            service={chosen}
            record={record}
            channel={channel}
            onCancel={back}
            onPlaced={(order) => {
              setPlaced(order);
              setChosen(null);
              onPlaced(order);
            }}
          />
        ) : null}
        {chosen === null && items === null ? <p className="small muted">{t('desk.order.startHint')}</p> : null}
      </div>
      {busy && items === null ? <Loading /> : null}
    </section>
  );
}
