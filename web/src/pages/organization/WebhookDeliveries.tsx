import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import type { DeliveryStatus, WebhookDelivery, WebhookDeliveryPage } from '../../api/types';
import * as hooksApi from '../../api/webhooks';
import { FormAlert, Status } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { DELIVERY_STATUSES, eventKey, statusFilter } from '../../lib/webhookText';
import { useSession } from '../../session/SessionContext';

const PAGE_SIZE = 20;
/** While something waits to be sent, the list is asked again this often. */
const POLL_MS = 2000;

const TONE: Record<DeliveryStatus, string> = {
  sent: 'badge badge-ok',
  pending: 'badge badge-warn',
  failed: 'badge badge-failed',
};

function DeliveryRow({
  d,
  busy,
  onReplay,
}: {
  d: WebhookDelivery;
  busy: boolean;
  onReplay: (d: WebhookDelivery) => void;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const event = t(`webhooks.events.${eventKey(d.event)}`, { defaultValue: d.event });
  const progress = (d.status === 'sent' && !!d.sent_at) || (d.status === 'pending' && !!d.next_attempt_at);
  return (
    <tr data-testid="delivery" data-delivery-id={d.id} data-status={d.status} data-event={d.event}>
      <td data-label={t('webhooks.col.event')}>
        <span>
          {event}
          <br />
          <code className="small">{d.event}</code>
        </span>
      </td>
      <td data-label={t('webhooks.col.receiver')}>
        <code className="webhook-url small">{d.url}</code>
      </td>
      <td data-label={t('webhooks.col.status')}>
        <span className={TONE[d.status] ?? 'badge'} data-testid="delivery-status">
          {t(`webhooks.statuses.${d.status}`, { defaultValue: d.status })}
        </span>
      </td>
      <td data-label={t('webhooks.col.attempts')} data-testid="delivery-attempts">
        <span>{d.attempts}</span>
      </td>
      <td data-label={t('webhooks.col.lastError')} data-testid="delivery-error">
        {d.last_error ? <span className="delivery-error">{d.last_error}</span> : <span className="muted">{t('webhooks.noError')}</span>}
      </td>
      <td data-label={t('webhooks.col.created')}>
        <DateTime value={d.created_at} />
      </td>
      <td data-label={t('webhooks.col.progress')} className={progress ? undefined : 'cell-empty'}>
        {d.status === 'sent' && d.sent_at ? (
          <span>
            {t('webhooks.deliveredAt')} <DateTime value={d.sent_at} />
          </span>
        ) : d.status === 'pending' && d.next_attempt_at ? (
          <span>
            {t('webhooks.nextAttempt')} <DateTime value={d.next_attempt_at} />
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td className="delivery-actions">
        {d.status === 'failed' ? (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => onReplay(d)} data-testid="replay-delivery">
            {t('webhooks.replay')}
            <span className="visually-hidden">
              {' '}
              {t('webhooks.replayWhich', { event, when: formatDateTime(d.created_at, language, { timeZone }) })}
            </span>
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * What was sent to the organization's receivers, newest first, by status (the failed ones are the
 * dead letters, each of which can be sent again). Asked again every few seconds while something
 * waits to be sent, so a test event is seen arriving.
 */
export function WebhookDeliveries({ organizationId, reloadKey }: { organizationId: string; reloadKey: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusFilter(params.get('deliveries'));
  const [loaded, setLoaded] = useState<{ status: DeliveryStatus | null; page: WebhookDeliveryPage } | null>(null);
  // What another tab loaded is not shown under this one, not even while this one loads.
  const page = loaded && loaded.status === status ? loaded.page : null;
  const setPage = (update: (old: WebhookDeliveryPage | null) => WebhookDeliveryPage) =>
    setLoaded((old) => ({ status, page: update(old && old.status === status ? old.page : null) }));
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [replaying, setReplaying] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const generation = useRef(0);
  const pagesShown = useRef(1);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const next = await hooksApi.listDeliveries(organizationId, { limit: PAGE_SIZE, ...(status ? { status } : {}) });
      if (mine !== generation.current) return;
      setLoaded({ status, page: next });
      setError(null);
      pagesShown.current = 1;
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [organizationId, status]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  // Someone reading further pages is not moved back to the first by the polling; "Refresh" is theirs.
  const pending = page?.counts.pending ?? 0;
  useEffect(() => {
    if (pending === 0 || !page) return;
    const id = window.setTimeout(() => {
      if (pagesShown.current === 1) void load();
    }, POLL_MS);
    return () => window.clearTimeout(id);
  }, [pending, page, load]);

  const loadMore = async () => {
    if (!page?.next_cursor) return;
    setLoadingMore(true);
    setAlert(null);
    try {
      const next = await hooksApi.listDeliveries(organizationId, { limit: PAGE_SIZE, cursor: page.next_cursor, ...(status ? { status } : {}) });
      setPage((old) => {
        if (!old) return next;
        const seen = new Set(old.items.map((d) => d.id));
        return { ...next, items: [...old.items, ...next.items.filter((d) => !seen.has(d.id))] };
      });
      pagesShown.current += 1;
    } catch (e) {
      setAlert(generalMessage(t, e));
    } finally {
      setLoadingMore(false);
    }
  };

  const replay = async (d: WebhookDelivery) => {
    setReplaying(d.id);
    setAlert(null);
    setMessage(null);
    try {
      await hooksApi.replayDelivery(organizationId, d.id);
      setMessage(t('webhooks.replayed'));
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setAlert(t('webhooks.notFailed'));
        await load();
      } else {
        setAlert(generalMessage(t, e));
      }
    } finally {
      setReplaying(null);
    }
  };

  const show = (value: DeliveryStatus | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('deliveries', value);
    else next.delete('deliveries');
    setParams(next, { replace: true });
    setMessage(null);
    setAlert(null);
  };

  const counts = page?.counts;
  const total = counts ? DELIVERY_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0) : null;
  const tabs: { value: DeliveryStatus | null; label: string; count: number | null }[] = [
    { value: null, label: t('webhooks.tabs.all'), count: total },
    { value: 'failed', label: t('webhooks.tabs.failed'), count: counts?.failed ?? null },
    { value: 'pending', label: t('webhooks.tabs.pending'), count: counts?.pending ?? null },
    { value: 'sent', label: t('webhooks.tabs.sent'), count: counts?.sent ?? null },
  ];
  const items = page?.items ?? [];

  return (
    <section className="section" aria-labelledby="deliveries-heading" data-testid="deliveries-section">
      <h2 id="deliveries-heading">{t('webhooks.deliveries')}</h2>
      <p>{t('webhooks.deliveriesIntro')}</p>
      <nav className="sub-nav" aria-label={t('webhooks.byStatus')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.value ?? 'all'}>
              <a
                href={tab.value ? `?deliveries=${tab.value}` : '?'}
                className={status === tab.value ? 'active' : ''}
                aria-current={status === tab.value ? 'page' : undefined}
                data-testid={`deliveries-tab-${tab.value ?? 'all'}`}
                onClick={(e) => {
                  e.preventDefault();
                  show(tab.value);
                }}
              >
                {tab.label}
                {tab.count !== null ? (
                  <span className="tab-count" data-testid="tab-count">
                    {tab.count}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Status>{message}</Status>
      <FormAlert message={alert} />
      {error && !page ? (
        <LoadError error={error} onRetry={() => void load()} />
      ) : !page ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="deliveries-empty">
          {t(`webhooks.emptyDeliveries.${status ?? 'all'}`)}
        </p>
      ) : (
        <table className="deliveries" data-testid="deliveries" aria-busy={loading}>
          <caption className="visually-hidden">{t('webhooks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.col.event')}</th>
              <th scope="col">{t('webhooks.col.receiver')}</th>
              <th scope="col">{t('webhooks.col.status')}</th>
              <th scope="col">{t('webhooks.col.attempts')}</th>
              <th scope="col">{t('webhooks.col.lastError')}</th>
              <th scope="col">{t('webhooks.col.created')}</th>
              <th scope="col">{t('webhooks.col.progress')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('webhooks.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <DeliveryRow key={d.id} d={d} busy={replaying === d.id} onReplay={(x) => void replay(x)} />
            ))}
          </tbody>
        </table>
      )}
      {error && page ? <LoadError error={error} onRetry={() => void load()} /> : null}
      <div className="actions">
        {page?.next_cursor ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void loadMore()}
            disabled={loadingMore}
            data-testid="deliveries-more"
          >
            {loadingMore ? t('common.loading') : t('webhooks.loadMore')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => void load()} data-testid="deliveries-refresh">
          {t('webhooks.refresh')}
        </button>
      </div>
    </section>
  );
}
