import '../orders/orders.css';
import './shopOrder.css';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import * as ordersApi from '../../api/orders';
import { Notice } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatDateTime } from '../../lib/format';
import { formatCivilDate, timeWindow } from '../../lib/schedule';
import { firstVisitDate } from '../../lib/shopOrder';
import { languageName, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { OrderStateBadge, ScheduleText } from '../orders/OrderBits';

interface PlacedState {
  /** the order created the account: its address still needs confirming */
  newAccount?: boolean;
  email?: string;
}

const NOT_TAKEN = ['declined', 'expired', 'cancelled'];

/**
 * /orders/:id/placed: the confirmation after ordering from the shop. The order, its first visit
 * and state; what happens next; for a new account, that a link to confirm the address was e-mailed.
 */
export function OrderPlacedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const { language } = session;
  const placed = (location.state ?? {}) as PlacedState;
  const order = useAsync(() => ordersApi.getOrder(id), [id]);
  const serviceId = order.data?.service_id ?? null;
  const service = useAsync(() => (serviceId ? directory.getPublicService(serviceId).catch(() => null) : Promise.resolve(null)), [serviceId]);

  if (order.error) {
    return (
      <Page title={t('order.title')}>
        <LoadError error={order.error} onRetry={() => void order.reload()} />
      </Page>
    );
  }
  if (!order.data || service.loading) {
    return (
      <Page title={t('order.title')}>
        <Loading />
      </Page>
    );
  }
  const o = order.data;
  const s = service.data ?? null;
  const serviceName = s ? pickText(s.name, language).text : '';
  const provider = o.provider_name || s?.provider.name || '';
  const forOther = o.client_id && o.client_id !== session.user?.id ? (o.client_name ?? '') : '';
  const notTaken = NOT_TAKEN.includes(o.state);
  const myOrders = forOther ? `/orders?client=${o.client_id}` : '/orders';
  const title = notTaken ? t('orderPlaced.titleNotTaken') : forOther ? t('orderPlaced.titleFor', { name: forOther }) : t('orderPlaced.title');
  const first = o.schedule ? firstVisitDate(o.schedule) : '';

  return (
    <Page title={title} intro={notTaken ? undefined : t('orderPlaced.intro', { provider })}>
      {notTaken ? (
        <Notice tone="warning">
          <p>{t('orderPlaced.notTaken', { provider })}</p>
        </Notice>
      ) : null}
      <section className="section card placed-card" aria-labelledby="placed-order-heading" data-testid="order-placed">
        <h2 id="placed-order-heading" className="visually-hidden">
          {t('order.title')}
        </h2>
        <dl className="facts">
          {serviceName ? (
            <div>
              <dt>{t('orderPlaced.service')}</dt>
              <dd data-testid="placed-service">{serviceName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('orderPlaced.provider')}</dt>
            <dd data-testid="placed-provider">{provider}</dd>
          </div>
          {forOther ? (
            <div>
              <dt>{t('orderPlaced.forWhom')}</dt>
              <dd data-testid="placed-client">{forOther}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('orderPlaced.when')}</dt>
            <dd>
              <ScheduleText schedule={o.schedule} />
            </dd>
          </div>
          {first && !notTaken ? (
            <div>
              <dt>{t('orderPlaced.firstVisit')}</dt>
              <dd data-testid="placed-first-visit">
                {t('orderPlaced.firstVisitValue', {
                  date: formatCivilDate(first, language),
                  window: o.schedule ? timeWindow(o.schedule, language) : '',
                })}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('orderPlaced.state')}</dt>
            <dd data-testid="placed-state" data-state={o.state}>
              {o.state === 'offered' ? <span className="badge badge-warn">{t('orderPlaced.sent')}</span> : <OrderStateBadge state={o.state} />}
              {o.state === 'offered' && o.next_deadline ? (
                <span className="small placed-deadline">
                  {' '}
                  {t('orderPlaced.answerBy', { when: formatDateTime(o.next_deadline, language, { timeZone: session.timeZone }) })}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      {placed.newAccount ? (
        <Notice>
          <p data-testid="verify-note">{t('orderPlaced.verify', { email: placed.email ?? session.user?.email ?? '' })}</p>
        </Notice>
      ) : null}

      {notTaken ? null : (
        <section className="section" aria-labelledby="next-heading">
          <h2 id="next-heading">{t('orderPlaced.next')}</h2>
          <ol className="next-steps" data-testid="next-steps">
            <li>{t('orderPlaced.nextAccept', { provider })}</li>
            <li>
              {forOther
                ? t('orderPlaced.nextEmailFor', { name: forOther })
                : t('orderPlaced.nextEmail', { language: languageName(session.user?.language ?? language, language) })}
            </li>
            <li>{t('orderPlaced.nextMyOrders')}</li>
          </ol>
        </section>
      )}

      <div className="actions">
        <Link className="button button-primary button-large" to={myOrders} data-testid="my-orders-link">
          {t('orderPlaced.myOrders')}
        </Link>
        <Link to={`/orders/${o.id}`}>{t('orderPlaced.openOrder')}</Link>
        {notTaken ? <Link to="/services">{t('orderPlaced.backToShop')}</Link> : null}
      </div>
    </Page>
  );
}
