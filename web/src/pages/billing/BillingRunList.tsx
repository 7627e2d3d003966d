import { useTranslation } from 'react-i18next';
import type { BillingRun } from '../../api/billing';
import { formatMoney, formatNumber } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { monthName, sortRuns, stateKey } from './billingText';

/** A run's state in words, in a badge whose colour repeats what the words say. */
export function BillingStateBadge({ state }: { state: BillingRun['state'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge billing-state${state === 'locked' ? ' badge-ok' : ' badge-warn'}`} data-state={state} data-testid="billing-state">
      {t(stateKey(state))}
    </span>
  );
}

/** The purchaser's runs as a table, newest month first: the month (a link to the run), state, lines, total. */
export function BillingRunList({
  runs,
  purchaserName,
  runHref,
  onOpen,
}: {
  runs: readonly BillingRun[];
  purchaserName: string;
  runHref: (runId: string) => string;
  onOpen: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  if (runs.length === 0) {
    return (
      <p className="empty" data-testid="billing-runs-empty">
        {t('billing.list.empty')}
      </p>
    );
  }
  return (
    <table className="billing-table billing-stack billing-runs" data-testid="billing-runs">
      <caption className="visually-hidden">{t('billing.list.caption', { name: purchaserName })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('billing.list.period')}</th>
          <th scope="col">{t('billing.list.state')}</th>
          <th scope="col" className="num">
            {t('billing.list.lines')}
          </th>
          <th scope="col" className="num">
            {t('billing.list.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sortRuns(runs).map((r) => (
          <tr key={r.id} data-testid="billing-run" data-run-id={r.id} data-period={r.period} data-state={r.state}>
            <th scope="row" data-label={t('billing.list.period')}>
              <a
                href={runHref(r.id)}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(r.id);
                }}
                data-testid="billing-run-link"
              >
                {monthName(r.period, language, true)}
              </a>
            </th>
            <td data-label={t('billing.list.state')}>
              <BillingStateBadge state={r.state} />
            </td>
            <td data-label={t('billing.list.lines')} className="num">
              {formatNumber(r.line_count, language)}
            </td>
            <td data-label={t('billing.list.total')} className="num" data-testid="billing-run-total">
              {formatMoney(r.total_cents, r.currency, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
