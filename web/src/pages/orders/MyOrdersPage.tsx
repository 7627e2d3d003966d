import './orders.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/orders';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { clientsActedFor, isClient } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { GrantList } from './GrantList';
import { OrderList } from './OrderList';

/**
 * "My orders": a client's funding decisions with their balances and orders, or those of a client
 * the person acts for (as "who has seen my data" picks whose log).
 */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const selectId = useId();
  const [params, setParams] = useSearchParams();
  const actedFor = clientsActedFor(session.viewer!);
  const clients = session.received.filter((d) => actedFor.includes(d.client_id));
  const self = session.user!.id;
  const ownAllowed = isClient(session.viewer!);
  const asked = params.get('client');
  const clientId =
    asked && (asked === self || actedFor.includes(asked)) ? asked : ownAllowed ? self : (clients[0]?.client_id ?? self);
  const whose = clientId === self ? null : clients.find((d) => d.client_id === clientId)?.client_name;
  const grants = useAsync(() => api.listGrants(clientId), [clientId]);
  const orders = useAsync(() => api.listClientOrders(clientId), [clientId]);

  return (
    <Page title={whose ? t('myOrders.titleFor', { name: whose }) : t('myOrders.title')} intro={t('myOrders.intro')}>
      {clients.length > 0 ? (
        <div className="field field-inline">
          <label htmlFor={selectId}>{t('myOrders.whose')}</label>
          <select
            id={selectId}
            value={clientId}
            onChange={(e) => setParams(e.target.value === self ? {} : { client: e.target.value })}
            data-testid="whose-orders"
          >
            {ownAllowed ? <option value={self}>{t('myOrders.myself')}</option> : null}
            {clients.map((d) => (
              <option key={d.client_id} value={d.client_id}>
                {d.client_name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <section className="section" aria-labelledby="grants-heading">
        <h2 id="grants-heading">{t('myOrders.grants')}</h2>
        <p className="muted">{t('myOrders.grantsIntro')}</p>
        {grants.error ? <LoadError error={grants.error} onRetry={() => void grants.reload()} /> : null}
        {grants.loading && !grants.data ? <Loading /> : null}
        {grants.data ? (
          <GrantList grants={grants.data} clientId={clientId} emptyText={whose ? t('myOrders.noGrantsFor', { name: whose }) : t('myOrders.noGrants')} />
        ) : null}
      </section>
      <section className="section" aria-labelledby="orders-heading">
        <h2 id="orders-heading">{t('myOrders.orders')}</h2>
        {orders.error ? <LoadError error={orders.error} onRetry={() => void orders.reload()} /> : null}
        {orders.loading && !orders.data ? <Loading /> : null}
        {orders.data ? (
          <OrderList orders={orders.data} emptyText={whose ? t('myOrders.noOrdersFor', { name: whose }) : t('myOrders.noOrders')} />
        ) : null}
        <p className="small">
          {t('consents.fromOrders')}{' '}
          <Link to={clientId === self ? '/consents' : `/consents?client=${encodeURIComponent(clientId)}`} data-testid="consents-link">
            {whose ? t('consents.linkFor', { name: whose }) : t('consents.link')}
          </Link>
        </p>
      </section>
    </Page>
  );
}
