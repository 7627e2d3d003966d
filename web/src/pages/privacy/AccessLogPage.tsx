import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import type { AccessLogEntry } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { clientsActedFor, clientsWithReadableLog, isClient } from '../../lib/roles';
import { useSession } from '../../session/SessionContext';
import { AccessLogList } from './AccessLogList';

const PAGE_SIZE = 20;

/** "Who has seen my data": the person's own access log, or that of a client they act for. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const session = useSession();
  const selectId = useId();
  const readable = clientsWithReadableLog(session.viewer!);
  const clients = session.received.filter((d) => readable.includes(d.client_id));
  const [clientId, setClientId] = useState<string>('');
  const [items, setItems] = useState<AccessLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (from: string | null, append: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.myAccessLog({ client_id: clientId || undefined, limit: PAGE_SIZE, cursor: from });
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setCursor(page.next_cursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [clientId],
  );

  useEffect(() => {
    void load(null, false);
  }, [load]);

  const whose = clients.find((d) => d.client_id === clientId)?.client_name;

  return (
    <Page title={t('accessLog.title')} intro={whose ? t('accessLog.introFor', { name: whose }) : t('accessLog.intro')}>
      {clients.length > 0 ? (
        <div className="field field-inline">
          <label htmlFor={selectId}>{t('accessLog.whose')}</label>
          <select id={selectId} value={clientId} onChange={(e) => setClientId(e.target.value)} data-testid="whose-log">
            <option value="">{t('accessLog.myself')}</option>
            {clients.map((d) => (
              <option key={d.client_id} value={d.client_id}>
                {d.client_name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p className="muted">{t('accessLog.explain')}</p>
      {(clientId ? clientsActedFor(session.viewer!).includes(clientId) : isClient(session.viewer!)) ? (
        <p className="small">
          {t('consents.fromLog')}{' '}
          <Link to={clientId ? `/consents?client=${encodeURIComponent(clientId)}` : '/consents'} data-testid="consents-link">
            {whose ? t('consents.linkFor', { name: whose }) : t('consents.link')}
          </Link>
        </p>
      ) : null}
      {error ? <LoadError error={error} onRetry={() => void load(null, false)} /> : null}
      {!error && !loading && items.length === 0 ? (
        <p className="empty" data-testid="access-log-empty">
          {whose ? t('accessLog.emptyFor', { name: whose }) : t('accessLog.empty')}
        </p>
      ) : null}
      {items.length > 0 ? <AccessLogList items={items} /> : null}
      {loading ? <Loading /> : null}
      {cursor && !loading ? (
        <button type="button" className="button button-secondary" onClick={() => void load(cursor, true)}>
          {t('common.showMore')}
        </button>
      ) : null}
    </Page>
  );
}
