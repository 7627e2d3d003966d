import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BillingRunSummary, BillingTotal, UnbilledVisit } from '../../api/billing';
import { formatMoney, formatNumber } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { formatDay, monthName } from './billingText';

/** One table of totals (by payer or by provider) with its caption and the run's total in the foot. */
function TotalsTable({
  run,
  rows,
  caption,
  nameHeader,
  testId,
}: {
  run: BillingRunSummary;
  rows: readonly BillingTotal[];
  caption: string;
  nameHeader: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const name = (row: BillingTotal) => (row.kind === 'client' ? t('billing.totals.clientShares') : row.name);
  return (
    <table className="billing-table billing-totals" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="num">
            {t('billing.totals.lines')}
          </th>
          <th scope="col" className="num">
            {t('billing.totals.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.kind}|${row.id ?? ''}`} data-testid="billing-total-row" data-kind={row.kind}>
            <th scope="row">{name(row)}</th>
            <td className="num" data-label={t('billing.totals.lines')}>
              {formatNumber(row.lines, language)}
            </td>
            <td className="num" data-label={t('billing.totals.amount')} data-testid="billing-total-amount">
              {formatMoney(row.amount_cents, run.currency, language)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('billing.totals.total')}</th>
          <td className="num" data-label={t('billing.totals.lines')}>
            {formatNumber(run.line_count, language)}
          </td>
          <td className="num" data-label={t('billing.totals.amount')} data-testid="billing-total-amount">
            {formatMoney(run.total_cents, run.currency, language)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The run's totals per payer (the purchaser; the clients' own shares as one row) and per provider. */
export function BillingTotals({ run }: { run: BillingRunSummary }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const month = monthName(run.period, language);
  return (
    <section className="section" aria-labelledby="billing-totals-title">
      <h2 id="billing-totals-title">{t('billing.totals.title')}</h2>
      <p className="billing-grand" data-testid="billing-grand-total">
        <span className="billing-grand-label">{t('billing.totals.grand')}</span>{' '}
        <strong className="billing-grand-amount">{formatMoney(run.total_cents, run.currency, language)}</strong>{' '}
        <span className="muted">({t('billing.lineCount', { count: run.line_count })})</span>
      </p>
      {run.line_count === 0 ? (
        <p className="empty" data-testid="billing-no-lines">
          {t('billing.totals.none', { month })}
        </p>
      ) : (
        <div className="billing-totals-grid">
          <TotalsTable
            run={run}
            rows={run.by_payer}
            caption={t('billing.totals.byPayer', { month })}
            nameHeader={t('billing.totals.payer')}
            testId="billing-by-payer"
          />
          <TotalsTable
            run={run}
            rows={run.by_provider}
            caption={t('billing.totals.byProvider', { month })}
            nameHeader={t('billing.totals.provider')}
            testId="billing-by-provider"
          />
        </div>
      )}
    </section>
  );
}

/** One visit the run leaves out: its day, provider and price, the client's reason for a dispute, a link to the order. */
function Unbilled({ visit, currency }: { visit: UnbilledVisit; currency: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const headingId = `unbilled-${visit.visit_id}`;
  return (
    <li className={`billing-unbilled billing-unbilled-${visit.state}`} data-testid="billing-unbilled" data-state={visit.state} aria-labelledby={headingId}>
      <h4 id={headingId} className="billing-unbilled-title">
        {t('billing.unbilled.visit', { date: formatDay(visit.local_date, language), provider: visit.provider_name })}
      </h4>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('billing.unbilled.state')}</dt>
          <dd>
            <span className={`badge${visit.state === 'disputed' ? ' billing-badge-disputed' : ''}`}>{t(`billing.unbilled.states.${visit.state}`)}</span>
          </dd>
        </div>
        {visit.price_cents !== null ? (
          <div>
            <dt>{t('billing.unbilled.price')}</dt>
            <dd>{formatMoney(visit.price_cents, currency, language)}</dd>
          </div>
        ) : null}
      </dl>
      {visit.state === 'disputed' && visit.reason ? (
        <div className="billing-reason">
          <p className="billing-reason-label">{t('billing.unbilled.reason')}</p>
          <blockquote className="billing-reason-text" data-testid="billing-unbilled-reason">
            {visit.reason}
          </blockquote>
        </div>
      ) : null}
      <p className="small">
        <Link to={`/orders/${encodeURIComponent(visit.order_id)}`}>{t('billing.unbilled.openOrder')}</Link>
      </p>
    </li>
  );
}

/**
 * "Not billed": the month's visits the draft leaves out, the disputed ones first and marked as such
 * (the client's reason in their words), then those waiting for the client's confirmation.
 */
export function UnbilledVisits({ run }: { run: BillingRunSummary }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const month = monthName(run.period, language);
  const disputed = run.unbilled.filter((u) => u.state === 'disputed');
  const waiting = run.unbilled.filter((u) => u.state !== 'disputed');
  return (
    <section className="section billing-not-billed" aria-labelledby="billing-unbilled-title" data-testid="billing-not-billed">
      <h2 id="billing-unbilled-title">
        {t('billing.unbilled.title')} <span className="billing-count">({formatNumber(run.unbilled.length, language)})</span>
      </h2>
      {run.unbilled.length === 0 ? (
        <p className="empty" data-testid="billing-unbilled-none">
          {t('billing.unbilled.none', { month })}
        </p>
      ) : (
        <>
          <p>{t('billing.unbilled.intro', { month })}</p>
          {disputed.length > 0 ? (
            <section aria-labelledby="billing-disputed-title" data-testid="billing-disputed">
              <h3 id="billing-disputed-title" className="billing-group-title">
                {t('billing.unbilled.disputedTitle', { count: disputed.length })}
              </h3>
              <p className="small muted">{t('billing.unbilled.disputedHint')}</p>
              <ul className="plain-list">
                {disputed.map((u) => (
                  <Unbilled key={u.visit_id} visit={u} currency={run.currency} />
                ))}
              </ul>
            </section>
          ) : null}
          {waiting.length > 0 ? (
            <section aria-labelledby="billing-waiting-title" data-testid="billing-waiting">
              <h3 id="billing-waiting-title" className="billing-group-title">
                {t('billing.unbilled.waitingTitle', { count: waiting.length })}
              </h3>
              <p className="small muted">{t('billing.unbilled.waitingHint')}</p>
              <ul className="plain-list">
                {waiting.map((u) => (
                  <Unbilled key={u.visit_id} visit={u} currency={run.currency} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
