import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import type { ServiceSearchResult, ServiceSummary } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { SORTS, activeFilterCount, parseShopState, shopStateToParams, toServiceQuery, withoutFilters, type ShopState } from '../../lib/shopQuery';
import { formatNumber } from '../../lib/format';
import { pickText } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { rememberSearch } from './lastSearch';
import { SearchBox } from './SearchBox';
import { CompareBar, ServiceCard } from './ServiceBits';
import { ShopFilters } from './ShopFilters';

const PAGE_SIZE = 20;
const VOUCHERS_KEY = 'allmende.knownVouchers';

/** Purchaser ids seen in results (the API has no public list of purchasers yet). */
function rememberVouchers(items: ServiceSummary[], known: string[]): string[] {
  const next = [...known];
  for (const s of items) for (const v of s.vouchers ?? []) if (!next.includes(v)) next.push(v);
  if (next.length !== known.length) {
    try {
      window.sessionStorage.setItem(VOUCHERS_KEY, JSON.stringify(next));
    } catch {
      // no storage: known for this page only
    }
  }
  return next;
}

function storedVouchers(): string[] {
  try {
    const v: unknown = JSON.parse(window.sessionStorage.getItem(VOUCHERS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The web shop: search, filters with counts, sort, results, "did you mean", load more, comparison. */
export function ShopPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const state = parseShopState(params);
  const key = shopStateToParams(state).toString();
  const names = useDirectoryNames();
  const [result, setResult] = useState<ServiceSearchResult | null>(null);
  const [items, setItems] = useState<ServiceSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [knownVouchers, setKnownVouchers] = useState<string[]>(storedVouchers);
  const [attempt, setAttempt] = useState(0);
  const firstNew = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    rememberSearch(location.pathname + location.search);
  }, [location.pathname, location.search]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    directory.searchServices(toServiceQuery(parseShopState(new URLSearchParams(key)), PAGE_SIZE), controller.signal).then(
      (r) => {
        setResult(r);
        setItems(r.items);
        setCursor(r.next_cursor);
        setKnownVouchers((k) => rememberVouchers(r.items, k));
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  // After "show more", the first new result takes the focus, so a keyboard user reads on there.
  useEffect(() => {
    if (firstNew.current === null) return;
    const link = list.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="service-link"]')[firstNew.current];
    firstNew.current = null;
    link?.focus();
  }, [items]);

  const update = (change: Partial<ShopState>) => setParams(shopStateToParams({ ...state, ...change }));

  const loadMore = async () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const r = await directory.searchServices({ ...toServiceQuery(state, PAGE_SIZE), cursor });
      firstNew.current = items.length;
      setItems((old) => [...old, ...r.items]);
      setCursor(r.next_cursor);
      setKnownVouchers((k) => rememberVouchers(r.items, k));
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const filters = activeFilterCount(state);
  const searched = state.q.trim() !== '' || filters > 0;
  const total = result?.total ?? 0;
  const countText =
    loading && !result
      ? t('common.loading')
      : searched
        ? t('shop.found', { count: total, formatted: formatNumber(total, language) })
        : t('shop.all', { count: total, formatted: formatNumber(total, language) });

  return (
    <Page title={t('shop.title')} intro={t('shop.intro')} wide>
      <SearchBox value={state.q} onSearch={(q) => update({ q })} />
      <div className="shop-layout">
        <section className="shop-filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="filters-heading">
            <button
              type="button"
              className="filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="filters-panel"
              onClick={() => setFiltersOpen((o) => !o)}
              data-testid="filters-toggle"
            >
              <span>{t('shop.filters')}</span>
              {filters > 0 ? <span className="badge">{t('shop.activeFilters', { count: filters })}</span> : null}
              <span aria-hidden="true" className="chevron" />
            </button>
            <span className="filters-title">{t('shop.filters')}</span>
          </h2>
          <div id="filters-panel" className={filtersOpen ? 'filters-panel open' : 'filters-panel'}>
            <ShopFilters
              state={state}
              facets={result?.facets}
              names={names}
              knownVouchers={knownVouchers}
              onChange={update}
              total={result?.total}
              onDone={() => {
                setFiltersOpen(false);
                document.getElementById('results-heading')?.focus();
              }}
            />
          </div>
        </section>
        <section className="shop-results" aria-labelledby="results-heading">
          <div className="results-head">
            <h2 id="results-heading" className="results-count" data-testid="result-count" tabIndex={-1}>
              {countText}
            </h2>
            <p className="visually-hidden" role="status">
              {loading ? '' : countText}
            </p>
            <div className="field field-inline sort-field">
              <label htmlFor="shop-sort">{t('shop.sort')}</label>
              <select
                id="shop-sort"
                value={state.sort}
                onChange={(e) => update({ sort: e.target.value as ShopState['sort'] })}
                data-testid="sort"
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`shop.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {result && result.places.length > 0 ? (
            <div className="place-chips" data-testid="places">
              <span>{t('shop.placesUnderstood')}</span>
              <ul className="chips">
                {result.places.map((p) => (
                  <li key={p.code} className="chip">
                    {pickText(p.name, language).text || names.placeName(p.code)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result?.did_you_mean ? (
            <p className="did-you-mean" data-testid="did-you-mean">
              {t('shop.didYouMean')}{' '}
              <Link to={{ search: shopStateToParams({ ...state, q: result.did_you_mean }).toString() }}>
                {result.did_you_mean}
              </Link>
              ?
            </p>
          ) : null}
          {error ? <LoadError error={error} onRetry={() => setAttempt((a) => a + 1)} /> : null}
          {loading && !result ? <Loading /> : null}
          {result && !loading && items.length === 0 ? (
            <div className="empty empty-state" data-testid="empty-state">
              <p>
                <strong>{t('shop.emptyTitle')}</strong>
              </p>
              <ul>
                {state.q.trim() ? <li>{t('shop.emptyFewerWords')}</li> : null}
                {filters > 0 ? (
                  <li>
                    {t('shop.emptyFilters')}{' '}
                    <button type="button" className="button button-link" onClick={() => update(withoutFilters(state))}>
                      {t('shop.clearFilters')}
                    </button>
                  </li>
                ) : null}
                <li>{t('shop.emptyPlace')}</li>
                <li>
                  {t('shop.emptyBrowse')}{' '}
                  {names.categories.slice(0, 4).map((c, i) => (
                    <span key={c.code}>
                      {i > 0 ? ', ' : ''}
                      <Link to={{ search: shopStateToParams({ ...withoutFilters(state), q: '', category: c.code }).toString() }}>
                        {names.categoryName(c.code)}
                      </Link>
                    </span>
                  ))}
                </li>
              </ul>
            </div>
          ) : null}
          {items.length > 0 ? (
            <ol ref={list} className={loading ? 'service-list stale' : 'service-list'} data-testid="results" aria-busy={loading}>
              {items.map((s) => (
                <ServiceCard key={s.id} service={s} />
              ))}
            </ol>
          ) : null}
          {cursor && items.length > 0 ? (
            <div className="load-more">
              <p className="muted small">{t('shop.showing', { shown: items.length, total })}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void loadMore()}
                aria-disabled={loadingMore || undefined}
                data-testid="load-more"
              >
                {loadingMore ? t('common.loading') : t('shop.loadMore')}
              </button>
            </div>
          ) : null}
        </section>
      </div>
      <CompareBar />
    </Page>
  );
}
