import './referrals.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as ordersApi from '../../api/orders';
import * as api from '../../api/referrals';
import type { GrantWithBalance, Referral } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { useAsync } from '../../lib/useAsync';
import { describeGrant, ReferralCard } from './ReferralBits';

/**
 * The client's own referrals for a service-need assessment and their outcome ("My needs"; a
 * delegate sees those of the client they act for): waiting, granted with the decision it became
 * and a way to its balance in the orders, or declined with the reasons.
 */
export function ClientReferrals({ clientId, whose, ownId }: { clientId: string; whose: string | null; ownId: string }) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const referrals = useAsync(() => api.listClientReferrals(clientId), [clientId]);
  const anyGranted = (referrals.data ?? []).some((r) => r.state === 'granted');
  // The decisions are read only when a referral became one.
  const grants = useAsync(
    () => (anyGranted ? ordersApi.listGrants(clientId) : Promise.resolve([] as GrantWithBalance[])),
    [clientId, anyGranted],
  );
  const ordersLink = clientId === ownId ? '/orders' : `/orders?client=${encodeURIComponent(clientId)}`;

  const granted = (r: Referral) => {
    const g = r.grant_id ? grants.data?.find((x) => x.id === r.grant_id) : undefined;
    return g ? t('referrals.own.granted', { grant: describeGrant(t, g, names.categoryName) }) : undefined;
  };
  const list = referrals.data ?? [];
  return (
    <section className="section client-referrals" aria-labelledby="own-referrals-heading" data-testid="own-referrals">
      <h2 id="own-referrals-heading">{t('referrals.own.title')}</h2>
      <p className="muted">{whose ? t('referrals.own.introFor', { name: whose }) : t('referrals.own.intro')}</p>
      {referrals.error ? <LoadError error={referrals.error} onRetry={() => void referrals.reload()} /> : null}
      {referrals.loading && !referrals.data ? <Loading /> : null}
      {referrals.data && list.length === 0 ? (
        <p className="empty" data-testid="own-referrals-empty">
          {whose ? t('referrals.own.noneFor', { name: whose }) : t('referrals.own.none')}
        </p>
      ) : null}
      {list.length > 0 ? (
        <ul className="item-list">
          {list.map((r) => (
            <ReferralCard
              key={r.id}
              referral={r}
              heading="h3"
              title={t('referrals.to', { category: names.categoryName(r.category), purchaser: r.purchaser_name })}
              granted={granted(r)}
            >
              {r.state === 'open' ? <p>{t('referrals.own.waiting', { purchaser: r.purchaser_name })}</p> : null}
              {r.state === 'granted' ? (
                <p>
                  <Link to={ordersLink} data-testid="referral-orders-link">
                    {whose ? t('referrals.own.seeOrdersFor', { name: whose }) : t('referrals.own.seeOrders')}
                  </Link>
                </p>
              ) : null}
            </ReferralCard>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
