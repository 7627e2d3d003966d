import './referrals.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/referrals';
import type { GrantWithBalance, Referral } from '../../api/types';
import { Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { useDirectoryNames } from '../../lib/directoryData';
import { forPurchasers, withReferral } from '../../lib/referrals';
import { useAsync } from '../../lib/useAsync';
import { describeGrant, ReferralCard } from './ReferralBits';
import { ReferralDecisionForm } from './ReferralDecision';

/**
 * The referrals of one client to the officer's organizations, on the purchaser's client page: the
 * waiting ones with the outcome form (the page's decisions in its choice, so one recorded just now
 * on the page can be named at once), then the decided ones. Nothing when the advice desk has
 * referred the client to none of them.
 */
export function PurchaserClientReferrals({
  clientId,
  purchaserIds,
  grants,
  recordAt,
}: {
  clientId: string;
  /** "#id" of the page's form for a new decision */
  recordAt?: string | undefined;
  purchaserIds: readonly string[];
  /** the client's decisions as the page shows them; undefined while they load */
  grants: readonly GrantWithBalance[] | undefined;
}) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const referrals = useAsync(() => api.listClientReferrals(clientId), [clientId]);
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const { open, decided } = forPurchasers(referrals.data ?? [], purchaserIds);
  const several = purchaserIds.length > 1;

  if (referrals.error) return <LoadError error={referrals.error} onRetry={() => void referrals.reload()} />;
  if (open.length === 0 && decided.length === 0) {
    return (
      <div ref={statusRef} tabIndex={-1}>
        <Status>{status}</Status>
      </div>
    );
  }

  const title = (r: Referral) =>
    several ? t('referrals.to', { category: names.categoryName(r.category), purchaser: r.purchaser_name }) : names.categoryName(r.category);
  const grantText = (r: Referral) => {
    const g = r.grant_id ? grants?.find((x) => x.id === r.grant_id) : undefined;
    return g ? t('referrals.own.granted', { grant: describeGrant(t, g, names.categoryName) }) : undefined;
  };
  const done = (r: Referral) => {
    referrals.setData((old) => withReferral(old ?? [], r));
    setStatus(t(r.state === 'granted' ? 'referrals.decide.grantedDone' : 'referrals.decide.declinedDone', { name: r.client_name }));
    window.setTimeout(() => statusRef.current?.focus(), 0);
  };
  const conflict = () => {
    setStatus(t('referrals.decide.conflict'));
    void referrals.reload();
  };

  return (
    <section className="section" aria-labelledby="client-referrals-heading" data-testid="client-referrals">
      <h2 id="client-referrals-heading">{t('referrals.client.title')}</h2>
      <div ref={statusRef} tabIndex={-1}>
        <Status>{status}</Status>
      </div>
      <ul className="item-list">
        {open.map((r) => (
          <ReferralCard key={r.id} referral={r} heading="h3" title={title(r)}>
            <ReferralDecisionForm referral={r} grants={grants} clientPage={recordAt} onDecided={done} onConflict={conflict} />
          </ReferralCard>
        ))}
        {decided.map((r) => (
          <ReferralCard key={r.id} referral={r} heading="h3" title={title(r)} granted={grantText(r)} />
        ))}
      </ul>
    </section>
  );
}
