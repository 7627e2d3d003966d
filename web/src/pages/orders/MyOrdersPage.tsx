import './orders.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/orders';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useAsync } from '../../lib/useAsync';
import { GrantList } from './GrantList';
import { OrderList } from './OrderList';
import { useWhoseClient, WhoseSelect } from './WhoseClient';

/**
 * "My orders": a client's funding decisions with their balances and orders, or those of a client
 * the person acts for (as "who has seen my data" picks whose log).
 */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const chosen = useWhoseClient();
  const { clientId, whose, self } = chosen;
  const grants = useAsync(() => api.listGrants(clientId), [clientId]);
  const orders = useAsync(() => api.listClientOrders(clientId), [clientId]);

  return (
    <Page title={whose ? t('myOrders.titleFor', { name: whose }) : t('myOrders.title')} intro={t('myOrders.intro')}>
      <WhoseSelect label={t('myOrders.whose')} chosen={chosen} testId="whose-orders" />
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
