import './orders.css';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import * as client from '../../api/client';
import * as api from '../../api/orders';
import type { Membership, OrderState, OrderView } from '../../api/types';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { estimateVisit, formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { describeEscalation } from '../../lib/orderText';
import { editedProviders } from '../../lib/roles';
import { languageName } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { Deadline, OrderStateBadge, ScheduleText, SplitList } from './OrderBits';
import { OrderMessages } from './OrderMessages';
import { OrderTimeline } from './OrderTimeline';
import { OrderVisits } from './OrderVisits';

/** States in which the client's side may still cancel (src/orders/order_states.cpp). */
const CANCELLABLE: readonly OrderState[] = ['draft', 'submitted', 'routing', 'offered', 'escalated', 'accepted', 'scheduled'];

/** The provider admin picks who does the visits: a worker of the organization. */
function AssignWorker({ order, onAssigned }: { order: OrderView; onAssigned: (v: OrderView) => void }) {
  const { t } = useTranslation();
  const providerId = order.provider_id ?? '';
  const members = useAsync(() => client.listMembers(providerId), [providerId]);
  const workers = (members.data ?? []).filter((m: Membership) => m.role === 'provider_worker');
  const current = workers.find((w) => w.user_id === order.worker_id);
  const [workerId, setWorkerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const keys = useIdempotencyKey();
  const selectId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!workerId) {
      setErrors({ byField: { worker_id: [t('order.chooseWorker')] }, alert: null });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const view = await api.stepOrder('assign', order.id, { worker_id: workerId }, keys.key());
      keys.settle();
      setDone(t('order.assigned', { name: workers.find((w) => w.user_id === workerId)?.user_name ?? '' }));
      onAssigned(view);
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, ['worker_id'], { 409: t('order.cannotAssign') }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby="assign-heading" data-testid="assign">
      <h2 id="assign-heading">{t('order.assignTitle')}</h2>
      <p data-testid="assigned-worker">{current ? t('order.assignedTo', { name: current.user_name }) : t('order.nobodyAssigned')}</p>
      {members.error ? <LoadError error={members.error} onRetry={() => void members.reload()} /> : null}
      {members.loading && !members.data ? <Loading /> : null}
      {members.data && workers.length === 0 ? <p className="empty">{t('order.noWorkers')}</p> : null}
      {workers.length > 0 ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className={`field${errors.byField.worker_id ? ' field-invalid' : ''}`}>
            <label htmlFor={selectId}>{t('order.worker')}</label>
            {errors.byField.worker_id ? (
              <p className="field-error" id={`${selectId}-error`}>
                {errors.byField.worker_id.join(' ')}
              </p>
            ) : null}
            <select
              id={selectId}
              value={workerId}
              onChange={(e) => setWorkerId(e.target.value)}
              aria-invalid={errors.byField.worker_id ? true : undefined}
              aria-describedby={errors.byField.worker_id ? `${selectId}-error` : undefined}
              data-testid="worker-select"
            >
              <option value="">{t('order.chooseWorkerOption')}</option>
              {workers.map((w) => (
                <option key={w.user_id} value={w.user_id}>
                  {w.user_name}
                </option>
              ))}
            </select>
          </div>
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <Status>{done}</Status>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="assign-worker">
              {busy ? t('orders.sending') : current ? t('order.reassign') : t('order.assign')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/**
 * What one visit is expected to cost and who pays it, from the order's price and grants: shown
 * to the client's side and the purchaser before a visit is priced (each visit's own split
 * follows it in the list of visits).
 */
function ExpectedSplit({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const p = order.price;
  const next = order.visits.filter((v) => v.state === 'planned').sort((a, b) => a.starts_at.localeCompare(b.starts_at))[0];
  const date = next?.local_date ?? order.schedule?.start_date ?? '';
  const pricing = p
    ? {
        model: p.model ?? 'hourly',
        amount_cents: p.amount_cents ?? 0,
        currency: p.currency ?? 'EUR',
        billing_unit_minutes: p.billing_unit_minutes ?? 1,
        minimum_minutes: p.minimum_minutes ?? 0,
        minimum_cents: 0,
      }
    : null;
  const visit = pricing ? estimateVisit(pricing, order.duration_minutes ?? 0) : null;
  const quote = useAsync(
    () =>
      pricing && visit && order.client_id && (order.grants ?? []).length > 0
        ? api.quoteFunding(order.client_id, {
            grants: order.grants ?? [],
            category: order.category,
            provider_id: order.provider_id ?? undefined,
            date,
            price_cents: visit.price_cents,
            billable_minutes: visit.billable_minutes,
            currency: pricing.currency,
          })
        : Promise.resolve(null),
    [order.id, order.version],
  );
  if (!quote.data) return null;
  return (
    <section className="section" aria-labelledby="expected-heading">
      <h2 id="expected-heading">{t('order.expectedSplit')}</h2>
      <SplitList
        shares={quote.data.shares}
        currency={quote.data.currency ?? 'EUR'}
        priceCents={quote.data.price_cents}
        testId="expected-split"
        forClient={order.viewer === 'client'}
      />
      <p className="muted small">{t('orderForm.splitNote')}</p>
    </section>
  );
}

/** Cancelling, asked in place, with the reason and the agreement's rule for late cancellations. */
function CancelOrder({ order, onCancelled }: { order: OrderView; onCancelled: (v: OrderView) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const keys = useIdempotencyKey();
  async function cancel() {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const view = await api.stepOrder('cancel', order.id, reason.trim() ? { reason: reason.trim() } : {}, keys.key());
      keys.settle();
      onCancelled(view);
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, ['reason'], { 409: t('order.cannotCancel') }));
    } finally {
      setBusy(false);
    }
  }
  const rule = order.price?.late_cancel_hours
    ? t('order.lateCancelRule', {
        hours: order.price.late_cancel_hours,
        percent: Math.round((order.price.late_cancel_charge_bp ?? 0) / 100),
      })
    : null;
  return (
    <section className="section" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('order.cancelTitle')}</h2>
      {rule ? <p className="muted">{rule}</p> : null}
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      {asking ? (
        <div className="card danger-zone">
          <TextAreaField
            label={t('order.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors.byField.reason}
            maxLength={500}
            rows={2}
          />
          <div className="actions">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void cancel()} data-testid="confirm-cancel">
              {t('order.confirmCancel')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t('order.keepOrder')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setAsking(true)} data-testid="cancel-order">
          {t('order.cancel')}
        </button>
      )}
    </section>
  );
}

/** Where "back" leads from an order: the reader's own list of it. */
function backTo(o: OrderView, self: string | undefined, providerAdmin: boolean): string {
  switch (o.viewer) {
    case 'client':
    case 'delegate':
      return o.client_id && o.client_id !== self ? `/orders?client=${o.client_id}` : '/orders';
    case 'purchaser':
      return `/purchaser/clients/${o.client_id ?? ''}`;
    case 'provider':
      return providerAdmin ? '/provider/offers?show=all' : '/my-day';
    default:
      return '/board';
  }
}

/** One order as its reader may see it: what, when, who delivers, visits, split, messages. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const order = useAsync(() => api.getOrder(id), [id]);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    const s = location.state as { accepted?: boolean; placed?: boolean } | null;
    if (s?.accepted) setStatus(t('order.acceptedNow'));
    if (s?.placed) setStatus(t('order.placedNow'));
  }, [location.state, t]);

  if (order.error) {
    return (
      <Page title={t('order.title')}>
        <LoadError error={order.error} onRetry={() => void order.reload()} />
      </Page>
    );
  }
  if (!order.data) {
    return (
      <Page title={t('order.title')}>
        <Loading />
      </Page>
    );
  }
  const o = order.data;
  const place = names.placeName(o.district_code ?? o.municipality_code ?? '');
  const clientSide = o.viewer === 'client' || o.viewer === 'delegate';
  const mayCancel = o.viewer !== 'provider' && CANCELLABLE.includes(o.state);
  const providerAdmin =
    o.viewer === 'provider' && !!session.viewer && editedProviders(session.viewer).some((p) => p.id === o.provider_id);
  const currency = o.price?.currency ?? 'EUR';
  const update = (v: OrderView) => order.setData(() => v);

  return (
    <Page title={t('order.titleOf', { category: names.categoryName(o.category), place })}>
      <Status>{status}</Status>
      <p className="order-state">
        <OrderStateBadge state={o.state} />{' '}
        {o.state === 'offered' && o.next_deadline && o.viewer !== 'client' && o.viewer !== 'delegate' ? (
          <Deadline at={o.next_deadline} label="offer" />
        ) : null}
      </p>
      {o.state === 'escalated' && (o.escalation_code || o.escalation_reason) ? (
        <Notice tone="warning">
          <p data-testid="escalation">{describeEscalation(t, o, language, names)}</p>
        </Notice>
      ) : null}
      {clientSide && ['submitted', 'routing', 'offered', 'escalated'].includes(o.state) ? (
        <p className="muted">
          {o.state === 'offered' && o.provider_name
            ? t('order.waitingForNamedProvider', { provider: o.provider_name })
            : t('order.waitingForProvider')}
        </p>
      ) : null}
      <dl className="facts order-facts" data-testid="order-facts">
        {o.client_name && !clientSide ? (
          <div>
            <dt>{t('order.client')}</dt>
            <dd>{o.client_name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('order.provider')}</dt>
          <dd data-testid="order-provider">{o.provider_name ?? t('order.noProviderYet')}</dd>
        </div>
        <div>
          <dt>{t('order.when')}</dt>
          <dd>
            <ScheduleText schedule={o.schedule} />
          </dd>
        </div>
        <div>
          <dt>{t('order.duration')}</dt>
          <dd>{formatMinutes(o.duration_minutes ?? 0, language)}</dd>
        </div>
        <div>
          <dt>{t('order.language')}</dt>
          <dd>{languageName(o.language ?? '', language)}</dd>
        </div>
        {o.address ? (
          <div>
            <dt>{t('order.address')}</dt>
            <dd data-testid="order-address">{o.address}</dd>
          </div>
        ) : null}
        {o.door_code ? (
          <div>
            <dt>{t('order.doorCode')}</dt>
            <dd className="door-code" data-testid="order-door-code">
              {o.door_code}
            </dd>
          </div>
        ) : null}
        {o.contact_phone ? (
          <div>
            <dt>{t('order.phone')}</dt>
            <dd>
              <a href={`tel:${o.contact_phone}`}>{o.contact_phone}</a>
            </dd>
          </div>
        ) : null}
        {o.needs ? (
          <div>
            <dt>{t('order.needs')}</dt>
            <dd className="needs">{o.needs}</dd>
          </div>
        ) : null}
        {o.tasks && o.tasks.length > 0 ? (
          <div>
            <dt>{t('order.tasks')}</dt>
            <dd>{o.tasks.join(', ')}</dd>
          </div>
        ) : null}
        {o.price ? (
          <div>
            <dt>{t('order.price')}</dt>
            <dd data-testid="order-price">
              {o.price.model === 'hourly'
                ? t('order.priceHourly', {
                    money: formatMoney(o.price.amount_cents ?? 0, currency, language),
                    unit: o.price.billing_unit_minutes ?? 0,
                  })
                : t('order.pricePerVisit', { money: formatMoney(o.price.amount_cents ?? 0, currency, language) })}
              {o.price.minimum_minutes ? ` ${t('order.priceMinimum', { time: formatMinutes(o.price.minimum_minutes, language) })}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      {o.price?.no_show_charge_bp !== undefined && o.price.no_show_charge_bp !== null && o.price.model ? (
        <p className="muted small">{t('order.noShowRule', { percent: Math.round(o.price.no_show_charge_bp / 100) })}</p>
      ) : null}
      {providerAdmin && (o.state === 'accepted' || o.state === 'scheduled') ? <AssignWorker order={o} onAssigned={update} /> : null}
      {o.viewer !== 'provider' && o.price && ['accepted', 'scheduled', 'in_progress'].includes(o.state) ? <ExpectedSplit order={o} /> : null}
      <OrderVisits visits={o.visits} currency={currency} canAnswer={clientSide} forClient={o.viewer === 'client'} onChanged={() => void order.reload()} />
      <OrderMessages orderId={o.id} />
      <OrderTimeline entries={o.timeline} />
      <section className="section" aria-labelledby="complain-heading">
        <h2 id="complain-heading">{t('quality.order.title')}</h2>
        <p className="muted">{clientSide ? t('quality.order.clientHint') : t('quality.order.staffHint')}</p>
        <Link
          className="button button-secondary"
          to={
            clientSide && o.client_id
              ? `/cases/new?client=${encodeURIComponent(o.client_id)}&order=${encodeURIComponent(o.id)}`
              : `/cases/new?order=${encodeURIComponent(o.id)}`
          }
          data-testid="order-complain"
        >
          {clientSide ? t('quality.order.complain') : t('quality.order.report')}
        </Link>
      </section>
      {mayCancel ? <CancelOrder order={o} onCancelled={(v) => {
        update(v);
        setStatus(t('order.cancelledNow'));
      }} /> : null}
      <p>
        <Link to={backTo(o, session.user?.id, providerAdmin)} data-testid="order-back">
          {t(o.viewer === 'staff' ? 'order.backToBoard' : o.viewer === 'provider' ? (providerAdmin ? 'order.backToOffers' : 'order.backToDay') : 'order.backToOrders')}
        </Link>
      </p>
    </Page>
  );
}
