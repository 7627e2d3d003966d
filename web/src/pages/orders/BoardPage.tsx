import './orders.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/orders';
import type { Agreement, Board, Order, OrderState } from '../../api/types';
import { Notice, Status } from '../../components/Alert';
import { ChoiceGroup, SelectField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formatDateTime } from '../../lib/format';
import { useLiveEvents } from '../../lib/liveEvents';
import { describeEscalation } from '../../lib/orderText';
import { reviewedRegions } from '../../lib/roles';
import { languageName, pickText } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { BoardQualityCard } from '../quality/BoardQualityCard';
import { Deadline, OrderStateBadge, ScheduleText } from './OrderBits';
import { OverdueTasks } from './OverdueTasks';
import { purchaserAgreements, RouteByHand } from './RouteByHand';

/** The states the board shows by default: everything that still needs someone (the server's default). */
export const ATTENTION_STATES: readonly OrderState[] = ['submitted', 'routing', 'offered', 'escalated', 'disputed'];
/** The order in which the board lists the counts it gets: what needs someone most, first. */
const COUNT_ORDER: readonly string[] = ['escalated', 'disputed', 'offered', 'routing', 'submitted', 'accepted', 'scheduled', 'in_progress', 'delivered'];

/** The states the server counted, in COUNT_ORDER, any others after them. */
export function countedStates(counts: Record<string, number>): string[] {
  const rank = (s: string) => (COUNT_ORDER.includes(s) ? COUNT_ORDER.indexOf(s) : COUNT_ORDER.length);
  return Object.keys(counts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
/** A fallback when live updates cannot reach the board (a proxy that cuts the stream). */
const POLL_MS = 60_000;

function BoardRow({ o, onRouted }: { o: Order; onRouted: (message: string) => void }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const [routing, setRouting] = useState(false);
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const place = names.placeName(o.district_code ?? o.municipality_code ?? '');
  const open = () => {
    setRouting(true);
    if (o.purchaser_id) purchaserAgreements(o.purchaser_id).then(setAgreements, setFailed);
    else setAgreements([]);
  };
  return (
    <li className="item board-item" data-testid="board-order" data-order-id={o.id} data-state={o.state}>
      <div className="item-main">
        <h3 className="item-title">
          <Link to={`/orders/${o.id}`}>{t('order.titleOf', { category: names.categoryName(o.category), place })}</Link>
        </h3>
        <p>
          <OrderStateBadge state={o.state} />{' '}
          <span className="muted">{[o.client_name, languageName(o.language ?? '', language)].filter(Boolean).join(' · ')}</span>
        </p>
        {o.escalation_code || o.escalation_reason ? (
          <p className="escalation" data-testid="escalation-reason">
            {describeEscalation(t, o, language, names)}
          </p>
        ) : null}
        {o.state === 'offered' && o.next_deadline ? (
          <p>
            <Deadline at={o.next_deadline} label="offer" />
          </p>
        ) : null}
        <p className="small">
          <ScheduleText schedule={o.schedule} />
        </p>
        {o.updated_at ? <p className="small muted">{t('board.changed', { when: formatDateTime(o.updated_at, language) })}</p> : null}
        {routing ? (
          failed ? (
            <LoadError error={failed} />
          ) : (
            <RouteByHand
              order={o}
              agreements={agreements}
              onCancel={() => setRouting(false)}
              onRouted={(name) => {
                setRouting(false);
                onRouted(name ? t('board.routed', { provider: name }) : t('board.routedAgain'));
              }}
            />
          )
        ) : null}
      </div>
      {!routing && ['submitted', 'routing', 'offered', 'escalated'].includes(o.state) ? (
        <div className="item-actions">
          <button type="button" className="button button-secondary" onClick={open} data-testid="route-by-hand">
            {t('board.routeByHand')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The coordinators' board: counts, what needs attention, overdue visits; live while open. */
export function BoardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const names = useDirectoryNames();
  const [params, setParams] = useSearchParams();
  const regions = session.viewer ? reviewedRegions(session.viewer) : [];
  const regionId = params.get('region') ?? regions[0] ?? '';
  const states = (params.get('state') ?? '').split(',').filter(Boolean) as OrderState[];
  const municipality = params.get('municipality') ?? '';
  const category = params.get('category') ?? '';
  const [board, setBoard] = useState<Board | null>(null);
  const [more, setMore] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const generation = useRef(0);
  const query = { state: states.join(','), municipality, category, limit: 50 };
  const queryKey = JSON.stringify([regionId, query]);

  const load = useCallback(async () => {
    if (!regionId) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const b = await api.getBoard(regionId, JSON.parse(queryKey)[1] as api.BoardQuery);
      if (mine !== generation.current) return;
      setBoard(b);
      setMore([]);
      setCursor(b.next_cursor);
      setError(null);
      setUpdatedAt(new Date());
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [regionId, queryKey]);

  useEffect(() => {
    void load();
  }, [load]);

  // Live: a changed order reloads the board (several changes at once, once).
  const pendingReload = useRef<number | null>(null);
  const live = useLiveEvents(['order.changed'], () => {
    if (pendingReload.current !== null) return;
    pendingReload.current = window.setTimeout(() => {
      pendingReload.current = null;
      void load();
    }, 400);
  });
  useEffect(() => {
    const id = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(id);
  }, [load]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  if (!regionId) {
    return (
      <Page title={t('board.title')}>
        <Notice>
          <p>{t('board.notCoordinator')}</p>
        </Notice>
      </Page>
    );
  }
  const items = [...(board?.items ?? []), ...more];
  const counts = board?.counts ?? {};
  return (
    <Page title={t('board.title')} intro={t('board.intro')} wide>
      <p className="live-status small" data-testid="live-status" data-live={live}>
        <span className={`live-dot live-${live}`} aria-hidden="true" /> {t(`board.live.${live}`)}
        {updatedAt ? ` · ${t('board.updated', { when: formatDateTime(updatedAt, session.language, { timeZone: session.timeZone }) })}` : ''}
      </p>
      <section aria-labelledby="counts-heading" className="section">
        <h2 id="counts-heading" className="visually-hidden">
          {t('board.counts')}
        </h2>
        <ul className="count-tiles" data-testid="counts">
          <li className={`count-tile${(board?.overdue_visits ?? 0) > 0 ? ' count-alert' : ''}`} data-testid="overdue">
            <span className="count-number">{board?.overdue_visits ?? '–'}</span>
            <span className="count-label">{t('board.overdue')}</span>
          </li>
          {countedStates(counts).map((s) => (
            <li key={s} className={`count-tile${s === 'escalated' && (counts[s] ?? 0) > 0 ? ' count-alert' : ''}`} data-count-state={s}>
              <button type="button" className="count-button" onClick={() => setFilter('state', s)} aria-pressed={states.length === 1 && states[0] === (s as OrderState)}>
                <span className="count-number">{counts[s] ?? 0}</span>
                <span className="count-label">{t(`orderStates.${s}`, s)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <BoardQualityCard regionId={regionId} />
      <details className="board-filters" open={states.length > 0 || !!municipality || !!category}>
        <summary>{t('board.filters')}</summary>
        <div className="filter-grid">
          <ChoiceGroup legend={t('board.states')}>
            <div className="state-checks">
              {[...ATTENTION_STATES, 'accepted', 'scheduled'].map((s) => (
                <label key={s} className="choice">
                  <input
                    type="checkbox"
                    checked={states.includes(s as OrderState)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...states, s] : states.filter((x) => x !== s);
                      setFilter('state', next.slice(0, 5).join(','));
                    }}
                  />
                  <span>{t(`orderStates.${s}`)}</span>
                </label>
              ))}
            </div>
          </ChoiceGroup>
          <SelectField label={t('board.municipality')} value={municipality} onChange={(e) => setFilter('municipality', e.target.value)} data-testid="filter-municipality">
            <option value="">{t('board.allMunicipalities')}</option>
            {names.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {pickText(m.name, session.language).text}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('board.category')} value={category} onChange={(e) => setFilter('category', e.target.value)} data-testid="filter-category">
            <option value="">{t('board.allCategories')}</option>
            {names.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {names.categoryName(c.code)}
              </option>
            ))}
          </SelectField>
        </div>
        {states.length > 0 || municipality || category ? (
          <button type="button" className="button button-link" onClick={() => setParams(regions.length > 1 ? { region: regionId } : {})}>
            {t('board.clearFilters')}
          </button>
        ) : null}
      </details>
      <Status>{status}</Status>
      <section aria-labelledby="attention-heading" className="section">
        <h2 id="attention-heading">{states.length > 0 ? t('board.filtered') : t('board.attention')}</h2>
        {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
        {loading && !board ? <Loading /> : null}
        {board && items.length === 0 ? (
          <p className="empty" data-testid="board-empty">
            {t('board.empty')}
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="item-list" data-testid="board" aria-busy={loading}>
            {items.map((o) => (
              <BoardRow
                key={o.id}
                o={o}
                onRouted={(message) => {
                  setStatus(message);
                  void load();
                }}
              />
            ))}
          </ul>
        ) : null}
        {cursor ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={async () => {
              try {
                const page = await api.getBoard(regionId, { ...query, cursor });
                setMore((m) => [...m, ...page.items]);
                setCursor(page.next_cursor);
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('common.showMore')}
          </button>
        ) : null}
      </section>
      <OverdueTasks regionId={regionId} />
    </Page>
  );
}
