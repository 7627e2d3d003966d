import '../orders/orders.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as desk from '../../api/desk';
import type { Consent, ConsentState } from '../../api/types';
import { Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { useWhoseClient, WhoseSelect } from '../orders/WhoseClient';

const STATE_TONE: Record<ConsentState, string> = {
  active: 'badge badge-ok',
  withdrawn: 'badge badge-muted',
  expired: 'badge badge-muted',
};

/** The last day a consent holds: it ends at the start of the next day in the region's zone. */
function LastDay({ validUntil }: { validUntil: string }) {
  const { language, timeZone } = useSession();
  const end = Date.parse(validUntil);
  if (Number.isNaN(end)) return null;
  const last = new Date(end - 1);
  return <time dateTime={validUntil}>{formatDate(last, language, { timeZone })}</time>;
}

/** One consent: to whom, how and by whom it was given, until when, and "Withdraw" while it holds. */
function ConsentItem({
  consent: c,
  whose,
  onWithdraw,
  busy,
}: {
  consent: Consent;
  /** the client's name when a delegate reads; null for one's own */
  whose: string | null;
  onWithdraw: () => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const provider = c.organization_name ?? t('consents.someProvider');
  return (
    <li className="item" data-testid="consent" data-consent-id={c.id} data-state={c.state}>
      <div className="item-main">
        <h2 className="item-title">{provider}</h2>
        <p>
          <span className={STATE_TONE[c.state]} data-testid="consent-state">
            {t(`consents.states.${c.state}`)}
          </span>
        </p>
        <dl className="facts">
          <div>
            <dt>{t('consents.given')}</dt>
            <dd>
              <DateTime value={c.created_at} dateOnly />
            </dd>
          </div>
          <div>
            <dt>{t('consents.how')}</dt>
            <dd>{t(`desk.consentWays.${c.given_how}`)}</dd>
          </div>
          <div>
            <dt>{t('consents.givenBy')}</dt>
            <dd>{c.given_by}</dd>
          </div>
          <div>
            <dt>{t('consents.recordedBy')}</dt>
            <dd>{c.recorded_by_name}</dd>
          </div>
          <div>
            <dt>{t('consents.validUntil')}</dt>
            <dd>{c.valid_until ? <LastDay validUntil={c.valid_until} /> : t('consents.untilWithdrawn')}</dd>
          </div>
          {c.withdrawn_at ? (
            <div>
              <dt>{t('consents.withdrawn')}</dt>
              <dd>
                <DateTime value={c.withdrawn_at} />
                {c.withdrawn_by_name ? ` · ${c.withdrawn_by_name}` : ''}
              </dd>
            </div>
          ) : null}
          {c.order_id ? (
            <div>
              <dt>{t('consents.order')}</dt>
              <dd>
                <Link to={`/orders/${c.order_id}`}>{t('consents.openOrder')}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      {c.state === 'active' ? (
        <div className="item-actions">
          <ConfirmButton
            label={t('consents.withdraw')}
            question={whose ? t('consents.withdrawQuestionFor', { provider, name: whose }) : t('consents.withdrawQuestion', { provider })}
            confirmLabel={t('consents.withdrawConfirm')}
            cancelLabel={t('consents.withdrawKeep')}
            onConfirm={onWithdraw}
            busy={busy}
          />
        </div>
      ) : null}
    </li>
  );
}

/**
 * /consents: the consents a client gave to orders the advice desk placed on their behalf (or
 * those of a client one acts for), each withdrawable: the provider's access ends and the order
 * still open is cancelled.
 */
export function ConsentsPage() {
  const { t } = useTranslation();
  const keys = useIdempotencyKey();
  const chosen = useWhoseClient();
  const { clientId, whose } = chosen;
  const consents = useAsync(() => desk.listConsents(clientId), [clientId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setStatus(null);
    setProblem(null);
  }, [clientId]);

  async function withdraw(c: Consent) {
    setBusy(c.id);
    setStatus(null);
    setProblem(null);
    try {
      const changed = await desk.withdrawConsent(clientId, c.id, keys.key());
      keys.settle();
      consents.setData((old) => old?.map((x) => (x.id === changed.id ? changed : x)));
      const provider = c.organization_name ?? t('consents.someProvider');
      setStatus(c.order_id ? t('consents.withdrawnWithOrder', { provider }) : t('consents.withdrawnDone', { provider }));
      statusRef.current?.focus();
    } catch (e) {
      keys.settle(e);
      setProblem(generalMessage(t, e));
    } finally {
      setBusy(null);
    }
  }

  const items = consents.data ?? [];
  return (
    <Page title={whose ? t('consents.titleFor', { name: whose }) : t('consents.title')} intro={t('consents.intro')}>
      <WhoseSelect label={t('consents.whose')} chosen={chosen} testId="whose-consents" />
      <p className="muted">{t('consents.explain')}</p>
      <div ref={statusRef} tabIndex={-1}>
        <Status>{status}</Status>
      </div>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      {consents.error ? <LoadError error={consents.error} onRetry={() => void consents.reload()} /> : null}
      {consents.loading && !consents.data ? <Loading /> : null}
      {consents.data && items.length === 0 ? (
        <p className="empty" data-testid="consents-empty">
          {whose ? t('consents.emptyFor', { name: whose }) : t('consents.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="item-list" data-testid="consents">
          {items.map((c) => (
            <ConsentItem key={c.id} consent={c} whose={whose} busy={busy === c.id} onWithdraw={() => withdraw(c)} />
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={whose ? `/orders?client=${encodeURIComponent(clientId)}` : '/orders'}>{t('consents.toOrders')}</Link>
      </p>
    </Page>
  );
}
