import './quality.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import * as api from '../../api/quality';
import type { CaseCounts, CaseKind, QualityCaseSummary, QueueState } from '../../api/quality';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { CASE_KINDS, kindKey, stateKey } from '../../lib/quality';
import { reviewedRegions } from '../../lib/roles';
import { useSession } from '../../session/SessionContext';
import { useQualityPurpose } from './CasePage';
import { CaseRow } from './QualityBits';

const TABS: readonly QueueState[] = ['open', 'closed', 'all'];

/** The counts' tiles: each open state, then those past their deadline. */
export function CaseCountTiles({ counts }: { counts: CaseCounts | undefined }) {
  const { t } = useTranslation();
  return (
    <ul className="count-tiles case-counts" data-testid="case-counts">
      {(['received', 'investigating', 'action_taken'] as const).map((s) => (
        <li key={s} className="count-tile" data-count={s}>
          <span className="count-number">{counts ? counts[s] : '–'}</span>
          <span className="count-label">{t(stateKey(s))}</span>
        </li>
      ))}
      <li className={`count-tile${(counts?.overdue ?? 0) > 0 ? ' count-alert' : ''}`} data-count="overdue">
        <span className="count-number">{counts ? counts.overdue : '–'}</span>
        <span className="count-label">{t('quality.queue.overdue')}</span>
      </li>
    </ul>
  );
}

/**
 * /coordinator/cases: the region's complaints, deviations and follow-ups for its coordinators. Tabs
 * for the open ones (by deadline, overdue first and marked), the closed ones and all; the counts of
 * the open ones by state and overdue; a filter by kind; "show more" by cursor. The tab, kind and
 * region live in the address. Each client named is in their access log with the stated purpose.
 */
export function CaseQueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const purpose = useQualityPurpose();
  const [params, setParams] = useSearchParams();
  const regions = session.viewer ? reviewedRegions(session.viewer) : [];
  const asked = params.get('region');
  const regionId = asked && regions.includes(asked) ? asked : (regions[0] ?? '');
  const tabParam = params.get('state') as QueueState | null;
  const tab: QueueState = tabParam && TABS.includes(tabParam) ? tabParam : 'open';
  const kindParam = params.get('kind') as CaseKind | null;
  const kind: CaseKind | '' = kindParam && (CASE_KINDS as readonly string[]).includes(kindParam) ? kindParam : '';
  const [items, setItems] = useState<QualityCaseSummary[] | null>(null);
  const [counts, setCounts] = useState<CaseCounts | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (!regionId) return;
    const mine = ++generation.current;
    setItems(null);
    setError(null);
    try {
      const page = await api.listRegionCases(regionId, { state: tab, kind }, purpose);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCounts(page.counts);
      setCursor(page.next_cursor);
    } catch (e) {
      if (mine === generation.current) setError(e);
    }
  }, [regionId, tab, kind, purpose]);

  useEffect(() => {
    void load();
  }, [load]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: name === 'kind' });
  };

  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.listRegionCases(regionId, { state: tab, kind, cursor }, purpose);
      setItems((old) => {
        const seen = new Set((old ?? []).map((c) => c.id));
        return [...(old ?? []), ...page.items.filter((c) => !seen.has(c.id))];
      });
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(generalMessage(t, e));
    } finally {
      setLoadingMore(false);
    }
  };

  if (!regionId) {
    return (
      <Page title={t('quality.queue.title')}>
        <Notice>
          <p>{t('quality.queue.notCoordinator')}</p>
        </Notice>
      </Page>
    );
  }
  const openCount = counts ? counts.received + counts.investigating + counts.action_taken : null;
  return (
    <Page title={t('quality.queue.title')} intro={t('quality.queue.intro')} wide>
      {regions.length > 1 ? (
        <SelectField label={t('quality.queue.region')} value={regionId} onChange={(e) => set('region', e.target.value)}>
          {regions.map((r) => (
            <option key={r} value={r}>
              {session.regions.find((x) => x.id === r)?.name ?? r}
            </option>
          ))}
        </SelectField>
      ) : null}
      <section className="section" aria-labelledby="case-counts-heading">
        <h2 id="case-counts-heading" className="visually-hidden">
          {t('quality.queue.counts')}
        </h2>
        <CaseCountTiles counts={counts} />
      </section>
      <nav className="sub-nav" aria-label={t('quality.queue.tabs')}>
        <ul>
          {TABS.map((s) => (
            <li key={s}>
              <a
                href={`?state=${s}`}
                className={tab === s ? 'active' : ''}
                aria-current={tab === s ? 'page' : undefined}
                data-testid={`queue-tab-${s}`}
                onClick={(e) => {
                  e.preventDefault();
                  set('state', s === 'open' ? '' : s);
                }}
              >
                {t(`quality.queue.tab.${s}`)}
                {s === 'open' && openCount !== null ? (
                  <span className="tab-count" data-testid="open-count">
                    {openCount}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-filters">
        <SelectField label={t('quality.queue.kind')} value={kind} onChange={(e) => set('kind', e.target.value)} data-testid="queue-kind">
          <option value="">{t('quality.queue.allKinds')}</option>
          {CASE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindKey(k))}
            </option>
          ))}
        </SelectField>
      </div>
      <section className="section" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t(`quality.queue.heading.${tab}`)}</h2>
        {tab === 'open' ? <p className="muted small">{t('quality.queue.openOrder')}</p> : null}
        {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
        {!items && !error ? <Loading /> : null}
        {items && items.length === 0 ? (
          <p className="empty" data-testid="queue-empty">
            {t(`quality.queue.empty.${tab}`)}
          </p>
        ) : null}
        {items && items.length > 0 ? (
          <ul className="item-list" data-testid="queue">
            {items.map((c) => (
              <CaseRow key={c.id} c={c} showOverdue />
            ))}
          </ul>
        ) : null}
        <FormAlert message={moreError} />
        {items && cursor ? (
          <button type="button" className="button button-secondary" onClick={() => void more()} disabled={loadingMore} data-testid="queue-more">
            {loadingMore ? t('common.loading') : t('common.showMore')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}
