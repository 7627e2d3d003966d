import './billing.css';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/billing';
import type { ClientShare } from '../../api/billing';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatMoney } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { useWhoseClient, WhoseSelect } from '../orders/WhoseClient';
import { monthName } from './billingText';
import { describePaymentCharge, describeTaxCredit, formatAmounts, groupByMonth, payeeName, taxCreditView, visitDayParts, type PaymentMonth } from './paymentsText';

/**
 * /billing/mine, "My payments": the client's own shares of the visits billed in locked runs,
 * grouped by the month billed (newest first), each with its provider, day, what was charged, whom
 * it is paid to and the household tax-credit estimate, and the month's total. Nothing of what a
 * purchaser pays. A delegate chooses the client they act for, as on "My orders". Cards rather than
 * a table, so that large text on a tablet or a phone stays readable.
 */
export function MyPaymentsPage() {
  const { t } = useTranslation();
  const chosen = useWhoseClient();
  const { clientId, whose } = chosen;
  // Tagged with whose they are: after choosing another client, the last one's are not shown as theirs.
  const shares = useAsync(async () => ({ clientId, items: await api.listClientBillingShares(clientId) }), [clientId]);
  const current = shares.data?.clientId === clientId ? shares.data.items : undefined;
  const months = current ? groupByMonth(current) : [];

  return (
    <Page
      title={whose ? t('payments.titleFor', { name: whose }) : t('payments.title')}
      intro={whose ? t('payments.introFor', { name: whose }) : t('payments.intro')}
    >
      <WhoseSelect label={t('payments.whose')} chosen={chosen} testId="whose-payments" />
      {shares.error ? (
        <LoadError error={shares.error} onRetry={() => void shares.reload()} />
      ) : !current ? (
        <Loading />
      ) : months.length === 0 ? (
        <p className="empty" data-testid="payments-empty">
          {whose ? t('payments.emptyFor', { name: whose }) : t('payments.empty')}
        </p>
      ) : (
        <div data-testid="payments" data-client-id={clientId}>
          {months.map((m) => (
            <PaymentMonthView key={m.period} month={m} />
          ))}
          {months.some((m) => m.taxCredit.length > 0) ? <p className="small muted payments-note">{t('payments.taxCredit.note')}</p> : null}
        </div>
      )}
    </Page>
  );
}

/** One month billed: its shares as cards, then its total (and to whom, when more than one is paid). */
function PaymentMonthView({ month: m }: { month: PaymentMonth }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const headingId = `payments-${m.period}`;
  return (
    <section className="section payments-month" aria-labelledby={headingId} data-testid="payments-month" data-period={m.period}>
      <h2 id={headingId}>
        {monthName(m.period, language, true)}{' '}
        <span className="billing-count">({t('payments.month.visits', { count: m.shares.length })})</span>
      </h2>
      <ul className="plain-list payments-list" aria-label={t('payments.month.caption', { month: monthName(m.period, language) })}>
        {m.shares.map((s) => (
          <Payment key={s.line_id} share={s} />
        ))}
      </ul>
      <dl className="payments-total" data-testid="payments-month-total">
        <div className="payments-total-sum">
          <dt>{t('payments.month.total')}</dt>
          <dd data-testid="payments-month-amount">{formatAmounts(m.totals, language)}</dd>
        </div>
        {m.payees.length > 1
          ? m.payees.map((p) => (
              <div key={`${p.paidTo}|${p.name}|${p.currency}`} data-testid="payments-month-payee">
                <dt>{t('payments.month.toPayee', { name: p.name })}</dt>
                <dd>{formatMoney(p.cents, p.currency, language)}</dd>
              </div>
            ))
          : null}
        {m.taxCredit.length > 0 ? (
          <div data-testid="payments-month-tax-credit">
            <dt>{t('payments.month.taxCredit')}</dt>
            <dd>{formatAmounts(m.taxCredit, language)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** One share: the day (with its weekday) as the heading, provider, what was charged, to whom, the amount, the tax credit. */
function Payment({ share: s }: { share: ClientShare }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const headingId = `payment-${s.line_id}`;
  const credit = taxCreditView(s);
  const creditText = describeTaxCredit(t, credit, s.currency, language);
  const payee = payeeName(s);
  const day = visitDayParts(s.visit_date, language);
  return (
    <li className="payment" aria-labelledby={headingId} data-testid="payment" data-line-id={s.line_id} data-charge={s.charge} data-paid-to={s.paid_to}>
      <div className="payment-head">
        <h3 id={headingId} className="payment-day">
          {day.weekday}
          <span className="payment-day-date">{day.date}</span>
        </h3>
        <p className="payment-amount">
          <span className="payment-amount-label">{t('payments.share.amount')}</span>{' '}
          <strong data-testid="payment-amount">{formatMoney(s.amount_cents, s.currency, language)}</strong>
        </p>
      </div>
      <dl className="facts payment-facts">
        <div>
          <dt>{t('payments.share.provider')}</dt>
          <dd>{s.provider_name}</dd>
        </div>
        <div>
          <dt>{t('payments.share.charged')}</dt>
          <dd data-testid="payment-charge">{describePaymentCharge(t, s, language)}</dd>
        </div>
        <div>
          <dt>{t('payments.share.paidTo')}</dt>
          <dd data-testid="payment-paid-to">{s.paid_to === 'purchaser' ? t('payments.share.clientFee', { name: payee }) : payee}</dd>
        </div>
      </dl>
      {creditText ? (
        <p className={`payment-tax payment-tax-${credit!.kind}`} data-testid="payment-tax-credit" data-kind={credit!.kind}>
          {creditText}
        </p>
      ) : null}
    </li>
  );
}
