import './referrals.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/referrals';
import type { Page as ItemPage, Referral } from '../../api/types';
import { Notice, Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatBirthDate } from '../../lib/desk';
import { useDirectoryNames } from '../../lib/directoryData';
import { purchasingOrganizations } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { ReferralCard } from './ReferralBits';
import { ReferralDecisionForm } from './ReferralDecision';

type Which = 'open' | 'decided';

/** One referral of the queue: the client (a link to their page), the type of service, why, who referred; the outcome form on request. */
function QueueItem({
  referral,
  clientPage,
  onDecided,
  onConflict,
}: {
  referral: Referral;
  clientPage: string;
  onDecided: (referral: Referral) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const [deciding, setDeciding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const r = referral;
  const born = formatBirthDate(r.client_birth_date, language);

  useEffect(() => {
    if (!deciding && refocus.current) opener.current?.focus();
    refocus.current = false;
    if (deciding) document.querySelector<HTMLInputElement>(`[data-referral-id="${r.id}"] input[type="radio"]`)?.focus();
  }, [deciding, r.id]);

  return (
    <ReferralCard
      referral={r}
      heading="h2"
      subtitle={<strong data-testid="referral-service">{names.categoryName(r.category)}</strong>}
      title={
        <>
          <Link to={clientPage} data-testid="referral-client">
            {r.client_name}
          </Link>
          {born ? <span className="referral-client-born"> ({t('referrals.born', { date: born })})</span> : null}
        </>
      }
    >
      {r.state === 'open' ? (
        deciding ? (
          <ReferralDecisionForm
            referral={r}
            clientPage={clientPage}
            onDecided={onDecided}
            onConflict={onConflict}
            onCancel={() => {
              refocus.current = true;
              setDeciding(false);
            }}
          />
        ) : (
          <div className="actions">
            <button
              ref={opener}
              type="button"
              className="button button-primary"
              onClick={() => setDeciding(true)}
              data-testid="referral-decide-open"
            >
              {t('referrals.decide.open')}
              <span className="visually-hidden">: {r.client_name}</span>
            </button>
          </div>
        )
      ) : null}
    </ReferralCard>
  );
}

/**
 * /purchaser/referrals: the purchaser officer's queue of referrals from the advice desk, those
 * waiting (oldest first) and those decided (newest first); an officer of several purchasers
 * chooses whose. A decided referral leaves the waiting list at once.
 */
export function ReferralQueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const orgSelect = useId();
  const orgs = session.viewer ? purchasingOrganizations(session.viewer) : [];
  const asked = params.get('org');
  const orgId = asked && orgs.some((o) => o.id === asked) ? asked : (orgs[0]?.id ?? '');
  const org = orgs.find((o) => o.id === orgId);
  const which: Which = params.get('state') === 'decided' ? 'decided' : 'open';
  const queue = useAsync(
    () => (orgId ? api.referralQueue(orgId, which) : Promise.resolve<ItemPage<Referral>>({ items: [], next_cursor: null })),
    [orgId, which],
  );
  const [status, setStatus] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  // Which list a "show more" belongs to: an answer for another organization or tab is dropped.
  const listKey = `${orgId}|${which}`;
  const currentList = useRef(listKey);
  currentList.current = listKey;
  useEffect(() => {
    setLoadingMore(false);
    setMoreError(null);
  }, [listKey]);
  // Every loaded item decided while more wait: the first page again, not an empty list with "show more".
  const emptiedWithMore = !queue.loading && queue.data !== undefined && queue.data.items.length === 0 && queue.data.next_cursor !== null;
  useEffect(() => {
    if (emptiedWithMore) void queue.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [emptiedWithMore]);
  const statusRef = useRef<HTMLDivElement>(null);

  if (!orgId) {
    return (
      <Page title={t('referrals.queue.title')}>
        <Notice>
          <p>{t('referrals.queue.notPurchaser')}</p>
        </Notice>
      </Page>
    );
  }

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setStatus(null);
  };
  const clientPage = (clientId: string) => `/purchaser/clients/${encodeURIComponent(clientId)}${orgs.length > 1 ? `?org=${encodeURIComponent(orgId)}` : ''}`;
  const decided = (r: Referral) => {
    queue.setData((old) => (old ? { ...old, items: old.items.filter((x) => x.id !== r.id) } : old));
    setStatus(t(r.state === 'granted' ? 'referrals.decide.grantedDone' : 'referrals.decide.declinedDone', { name: r.client_name }));
    // The form is gone with its item: the focus goes to the message, not to the top of the page.
    window.setTimeout(() => statusRef.current?.focus(), 0);
  };
  const conflict = () => {
    setStatus(t('referrals.decide.conflict'));
    void queue.reload();
  };
  const items = queue.data?.items ?? [];
  const next = queue.data?.next_cursor ?? null;
  const showMore = async () => {
    if (!next || loadingMore) return;
    const forList = listKey;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.referralQueue(orgId, which, next);
      if (currentList.current !== forList) return;
      queue.setData((old) => ({ items: [...(old?.items ?? []), ...page.items.filter((x) => !old?.items.some((y) => y.id === x.id))], next_cursor: page.next_cursor }));
    } catch (e) {
      if (currentList.current === forList) setMoreError(e);
    } finally {
      if (currentList.current === forList) setLoadingMore(false);
    }
  };


  return (
    <Page title={org ? t('referrals.queue.titleOf', { name: org.name }) : t('referrals.queue.title')} intro={t('referrals.queue.intro')}>
      {orgs.length > 1 ? (
        <div className="field field-inline referral-org">
          <label htmlFor={orgSelect}>{t('referrals.queue.organization')}</label>
          <select id={orgSelect} value={orgId} onChange={(e) => setParam('org', e.target.value)} data-testid="referral-org">
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <nav className="sub-nav" aria-label={t('referrals.queue.which')}>
        <ul>
          {(['open', 'decided'] as const).map((w) => (
            <li key={w}>
              <a
                href={`?${new URLSearchParams({ ...(orgs.length > 1 ? { org: orgId } : {}), ...(w === 'decided' ? { state: 'decided' } : {}) }).toString()}`}
                className={which === w ? 'active' : ''}
                aria-current={which === w ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  setParam('state', w === 'decided' ? 'decided' : null);
                }}
                data-testid={`referrals-${w}`}
              >
                {t(`referrals.queue.show.${w}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div ref={statusRef} tabIndex={-1} className="referral-status">
        <Status>{status}</Status>
      </div>
      {queue.error ? (
        <LoadError error={queue.error} onRetry={() => void queue.reload()} />
      ) : queue.loading && !queue.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="referrals-empty">
          {which === 'open' ? t('referrals.queue.empty') : t('referrals.queue.emptyDecided')}
        </p>
      ) : (
        <ul className="item-list" data-testid="referral-queue" aria-busy={queue.loading}>
          {items.map((r) => (
            <QueueItem key={r.id} referral={r} clientPage={clientPage(r.client_id)} onDecided={decided} onConflict={conflict} />
          ))}
        </ul>
      )}
      {moreError ? <LoadError error={moreError} onRetry={() => void showMore()} /> : null}
      {next && !queue.loading ? (
        <button type="button" className="button button-secondary" aria-disabled={loadingMore || undefined} onClick={() => void showMore()} data-testid="referrals-more">
          {loadingMore ? t('common.loading') : t('common.showMore')}
        </button>
      ) : null}
    </Page>
  );
}
