import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/orders';
import type { Visit } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { TextAreaField } from '../../components/Field';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { describeFailure } from '../../lib/orderText';
import { formatClock } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { InlineRating } from '../quality/InlineRating';
import { SplitList, VisitStateBadge } from './OrderBits';

/** "pe 27.11.2026 klo 12.00–14.00": a visit's day and hours in the region's zone. */
function VisitTime({ v }: { v: Visit }) {
  const { language, timeZone } = useSession();
  const end = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(v.ends_at),
  );
  return (
    <time dateTime={v.starts_at}>
      {formatDateTime(v.starts_at, language, { timeZone })}–{formatClock(end, language)}
    </time>
  );
}

/** The client's answer to a delivered visit: confirm it, or dispute it with what went wrong. */
function ClientAnswer({ v, onChanged }: { v: Visit; onChanged: (step: 'confirm' | 'dispute') => void }) {
  const { t } = useTranslation();
  const confirm = useIdempotencyKey();
  const dispute = useIdempotencyKey();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function run(step: 'confirm' | 'dispute') {
    const keys = step === 'confirm' ? confirm : dispute;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.stepVisit(step, v.id, step === 'dispute' ? { reason: reason.trim() } : undefined, keys.key());
      keys.settle();
      onChanged(step);
    } catch (e) {
      keys.settle(e);
      setErrors(formErrors(t, e, ['reason'], { 409: t('order.visitChanged') }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="visit-answer">
      <p>{t('order.confirmQuestion')}</p>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      {disputing ? (
        <>
          <TextAreaField
            label={t('order.disputeReason')}
            hint={t('order.disputeReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors.byField.reason}
            maxLength={1000}
            rows={3}
          />
          <div className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void run('dispute')} data-testid="send-dispute">
              {t('order.sendDispute')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDisputing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('confirm')} data-testid="confirm-visit">
            {t('order.confirmVisit')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDisputing(true)} data-testid="dispute-visit">
            {t('order.disputeVisit')}
          </button>
        </div>
      )}
    </div>
  );
}

function VisitItem({
  v,
  currency,
  canAnswer,
  forClient,
  onChanged,
}: {
  v: Visit;
  currency: string;
  canAnswer: boolean;
  forClient: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  // Right after the client confirms, the rating's one question shows in place.
  const [justConfirmed, setJustConfirmed] = useState(false);
  const done = (v.tasks ?? []).filter((x) => x.done).map((x) => x.label ?? '');
  const ratable = canAnswer && (v.state === 'confirmed' || v.state === 'disputed');
  return (
    <li className="item visit" data-testid="visit" data-visit-id={v.id} data-visit-state={v.state}>
      <div className="item-main">
        <p className="item-title">
          <VisitTime v={v} /> <VisitStateBadge state={v.state} />
        </p>
        <dl className="facts facts-inline">
          {v.checked_in_at ? (
            <div>
              <dt>{t('order.checkedIn')}</dt>
              <dd>
                <DateTime value={v.checked_in_at} />
              </dd>
            </div>
          ) : null}
          {v.checked_out_at ? (
            <div>
              <dt>{t('order.checkedOut')}</dt>
              <dd>
                <DateTime value={v.checked_out_at} />
              </dd>
            </div>
          ) : null}
          {v.billable_minutes ? (
            <div>
              <dt>{t('order.billed')}</dt>
              <dd>{formatMinutes(v.billable_minutes, language)}</dd>
            </div>
          ) : null}
        </dl>
        {done.length > 0 ? <p>{t('order.tasksDone', { tasks: done.join(', ') })}</p> : null}
        {v.note ? <p className="needs">{t('order.workerNote', { note: v.note })}</p> : null}
        {v.deviation ? <p className="needs">{t('order.deviation', { text: v.deviation })}</p> : null}
        {v.failure_reason ? (
          <p>
            <strong>{describeFailure(t, v.failure_reason)}</strong>
            {v.charge_bp !== null && v.charge_bp !== undefined ? (
              <span className="muted"> · {t('order.charged', { percent: Math.round(v.charge_bp / 100) })}</span>
            ) : null}
          </p>
        ) : null}
        {v.dispute_reason ? <p>{t('order.disputed', { reason: v.dispute_reason })}</p> : null}
        {v.split?.shares && v.split.shares.length > 0 ? (
          <SplitList shares={v.split.shares} currency={currency} priceCents={v.price_cents} testId="visit-split" forClient={forClient} />
        ) : null}
        {forClient && v.split?.tax_credit && v.split.tax_credit.amount_cents ? (
          <p className="muted" data-testid="tax-credit">
            {t('order.taxCredit', {
              amount: formatMoney(v.split.tax_credit.amount_cents, currency, language),
              percent: formatNumber((v.split.tax_credit.rate_bp ?? 0) / 100, language),
              basis: v.split.tax_credit.legal_basis ?? '',
            })}
          </p>
        ) : null}
        {canAnswer && v.state === 'delivered' ? (
          <ClientAnswer
            v={v}
            onChanged={(step) => {
              if (step === 'confirm') setJustConfirmed(true);
              onChanged();
            }}
          />
        ) : null}
        {ratable && justConfirmed && v.state === 'confirmed' ? <InlineRating visitId={v.id} /> : null}
        {ratable ? (
          <p className="visit-rate-link">
            <Link to={`/visits/${encodeURIComponent(v.id)}/rate`} data-testid="rate-visit-link">
              {t('quality.order.rate')}
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** How many planned visits show before "show all". */
const PLANNED_SHOWN = 3;

/** The order's visits: the past ones with their price and split, then the next planned ones. */
export function OrderVisits({
  visits,
  currency,
  canAnswer,
  forClient,
  onChanged,
}: {
  visits: readonly Visit[];
  currency: string;
  canAnswer: boolean;
  forClient: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const sorted = [...visits].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const planned = sorted.filter((v) => v.state === 'planned');
  const rest = sorted.filter((v) => v.state !== 'planned');
  const shownPlanned = all ? planned : planned.slice(0, PLANNED_SHOWN);
  return (
    <section className="section" aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('order.visits')}</h2>
      {sorted.length === 0 ? <p className="empty">{t('order.noVisits')}</p> : null}
      <ul className="item-list" data-testid="visits">
        {[...rest, ...shownPlanned].map((v) => (
          <VisitItem key={v.id} v={v} currency={currency} canAnswer={canAnswer} forClient={forClient} onChanged={onChanged} />
        ))}
      </ul>
      {planned.length > PLANNED_SHOWN && !all ? (
        <button type="button" className="button button-secondary" onClick={() => setAll(true)}>
          {t('order.showAllVisits', { count: planned.length - PLANNED_SHOWN })}
        </button>
      ) : null}
    </section>
  );
}
