import './orders.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import * as api from '../../api/orders';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { purchasingOrganizations } from '../../lib/roles';
import { localDate } from '../../lib/schedule';
import { languageName } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { PurchaserClientReferrals } from '../referrals/PurchaserClientReferrals';
import { GrantForm } from './GrantForm';
import { GrantList } from './GrantList';
import { OrderList } from './OrderList';

/** The currency a region pays in, by its country. */
function currencyOf(country: string | undefined): string {
  return country === 'DK' ? 'DKK' : 'EUR';
}

/** One client for the purchaser officer: their decisions with balances, a new decision, their orders. */
export function PurchaserClientPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const session = useSession();
  const payers = session.viewer ? purchasingOrganizations(session.viewer) : [];
  const client = useAsync(() => api.getClient(clientId), [clientId]);
  const grants = useAsync(() => api.listGrants(clientId), [clientId]);
  const orders = useAsync(() => api.listClientOrders(clientId), [clientId]);
  const region = session.regions.find((r) => r.id === (client.data?.region_id ?? payers[0]?.regionId));
  const today = localDate(new Date(), region?.time_zone ?? session.timeZone);
  const name = client.data?.name ?? '';

  return (
    <Page title={name || t('purchaser.client')} intro={client.data ? t('purchaser.clientIntro', { language: languageName(client.data.language, session.language) }) : undefined}>
      {client.error ? <LoadError error={client.error} onRetry={() => void client.reload()} /> : null}
      <p>
        <Link to="/purchaser/clients">{t('purchaser.backToClients')}</Link>
      </p>
      <PurchaserClientReferrals clientId={clientId} purchaserIds={payers.map((p) => p.id)} grants={grants.data} recordAt="#new-decision-heading" />
      <section className="section" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t('purchaser.decisions')}</h2>
        {grants.error ? <LoadError error={grants.error} onRetry={() => void grants.reload()} /> : null}
        {grants.loading && !grants.data ? <Loading /> : null}
        {grants.data ? <GrantList grants={grants.data} clientId={clientId} emptyText={t('purchaser.noDecisions', { name })} /> : null}
      </section>
      <section className="section card" aria-labelledby="new-decision-heading">
        <h2 id="new-decision-heading">{t('purchaser.newDecision')}</h2>
        <p className="muted">{t('purchaser.newDecisionIntro')}</p>
        {payers.length > 0 ? (
          <GrantForm clientId={clientId} payers={payers} currency={currencyOf(region?.country)} today={today} onRecorded={() => void grants.reload()} />
        ) : null}
      </section>
      <section className="section" aria-labelledby="client-orders-heading">
        <h2 id="client-orders-heading">{t('purchaser.orders')}</h2>
        {orders.error ? <LoadError error={orders.error} onRetry={() => void orders.reload()} /> : null}
        {orders.loading && !orders.data ? <Loading /> : null}
        {orders.data ? <OrderList orders={orders.data} emptyText={t('purchaser.noOrders', { name })} /> : null}
      </section>
    </Page>
  );
}
