import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/billing';
import type { BillingStatement, StatementTotal } from '../../api/billing';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { dayBefore, formatDay, monthName } from './billingText';
import { StatementLines } from './StatementLines';

/**
 * One statement (`?run=<id>`): the purchaser, the period and when the purchaser locked it, the
 * provider's total and its totals per payer (the purchaser's voucher shares, the clients' own
 * shares as one row) with their sum, then the lines in pages. The heading takes the focus when it
 * has loaded, as a new page's would.
 */
export function StatementView({
  providerId,
  runId,
  listHref,
  onBack,
}: {
  providerId: string;
  runId: string;
  listHref: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const statement = useAsync(() => api.getBillingStatement(providerId, runId), [providerId, runId]);
  const headingFocused = useRef(false);
  const s = statement.data;

  useEffect(() => {
    if (!s || headingFocused.current) return;
    headingFocused.current = true;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [s]);

  const title = s ? t('statement.view.title', { month: monthName(s.period, language) }) : t('statement.view.titleLoading');
  const back = (
    <p className="billing-back">
      <a
        href={listHref}
        onClick={(e) => {
          e.preventDefault();
          onBack();
        }}
        data-testid="statement-back"
      >
        {t('statement.view.back')}
      </a>
    </p>
  );

  if (!s) {
    return (
      <Page title={title} wide>
        {back}
        {statement.error ? <LoadError error={statement.error} onRetry={() => void statement.reload()} /> : <Loading />}
      </Page>
    );
  }

  return (
    <Page title={title} wide>
      {back}
      <div className="billing-head billing-head-locked" data-testid="statement-head">
        <dl className="facts facts-inline">
          <div>
            <dt>{t('statement.view.purchaser')}</dt>
            <dd data-testid="statement-purchaser">{s.purchaser_name}</dd>
          </div>
          <div>
            <dt>{t('statement.view.period')}</dt>
            <dd data-testid="statement-period">
              {t('billing.run.periodDays', { from: formatDay(s.period_start, language), to: formatDay(dayBefore(s.period_end), language) })}
            </dd>
          </div>
          <div>
            <dt>{t('statement.view.locked')}</dt>
            <dd data-testid="statement-locked-at">{formatDateTime(s.locked_at, language, { timeZone })}</dd>
          </div>
        </dl>
        <p className="billing-note">{t('statement.view.note')}</p>
      </div>

      <StatementTotals statement={s} />
      {s.line_count > 0 ? <StatementLines providerId={providerId} statement={s} /> : null}
    </Page>
  );
}

/** The statement's total and its totals per payer, the sum row in the foot. */
function StatementTotals({ statement: s }: { statement: BillingStatement }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const month = monthName(s.period, language);
  const name = (row: StatementTotal) => (row.kind === 'client' ? t('billing.totals.clientShares') : row.name);
  return (
    <section className="section" aria-labelledby="statement-totals-title">
      <h2 id="statement-totals-title">{t('billing.totals.title')}</h2>
      <p className="billing-grand" data-testid="statement-grand-total">
        <span className="billing-grand-label">{t('billing.totals.grand')}</span>{' '}
        <strong className="billing-grand-amount">{formatMoney(s.total_cents, s.currency, language)}</strong>{' '}
        <span className="muted">({t('billing.lineCount', { count: s.line_count })})</span>
      </p>
      {s.by_payer.length === 0 ? (
        <p className="empty" data-testid="statement-no-lines">
          {t('statement.totals.none')}
        </p>
      ) : (
        <div className="billing-totals-grid">
          <table className="billing-table billing-totals" data-testid="statement-by-payer">
            <caption>{t('statement.totals.byPayer', { month })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('billing.totals.payer')}</th>
                <th scope="col" className="num">
                  {t('billing.totals.lines')}
                </th>
                <th scope="col" className="num">
                  {t('billing.totals.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.by_payer.map((row) => (
                <tr key={`${row.kind}|${row.id ?? ''}`} data-testid="statement-total-row" data-kind={row.kind}>
                  <th scope="row">{name(row)}</th>
                  <td className="num" data-label={t('billing.totals.lines')}>
                    {formatNumber(row.lines, language)}
                  </td>
                  <td className="num" data-label={t('billing.totals.amount')} data-testid="statement-total-amount">
                    {formatMoney(row.amount_cents, s.currency, language)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="statement-total-sum">
                <th scope="row">{t('billing.totals.total')}</th>
                <td className="num" data-label={t('billing.totals.lines')}>
                  {formatNumber(s.line_count, language)}
                </td>
                <td className="num" data-label={t('billing.totals.amount')} data-testid="statement-total-amount">
                  {formatMoney(s.total_cents, s.currency, language)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
