import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/billing';
import type { BillingLine, BillingStatement } from '../../api/billing';
import type { Page } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { accessPurpose } from '../../lib/desk';
import { formatMoney } from '../../lib/format';
import { formatMinutes } from '../../lib/funding';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { describeCharge, describeLineRule, formatDay, monthName } from './billingText';

/**
 * The statement's lines in the server's order, a page at a time ("Show more" by cursor): day,
 * client, what was charged, minutes, the split's rule in words (who pays, at what rate), the
 * amount. Each client named is told in their access log, with the reason given here (in the
 * reader's language and English), as the purchaser's lines are.
 */
export function StatementLines({ providerId, statement }: { providerId: string; statement: BillingStatement }) {
  const { t, i18n } = useTranslation();
  const { language } = useSession();
  const purpose = accessPurpose(t('statement.purpose'), i18n.getFixedT('en')('statement.purpose'), language);
  const runId = statement.run_id;
  const first = useAsync(
    () => api.listBillingStatementLines(providerId, runId, purpose),
    // Read once per statement, not again when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [providerId, runId],
  );
  const [more, setMore] = useState<Page<BillingLine> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const firstNew = useRef<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const next = more ? more.next_cursor : (first.data?.next_cursor ?? null);
  const lines = [...(first.data?.items ?? []), ...(more?.items ?? [])];

  useEffect(() => {
    // After "Show more" the first new line takes the focus: the reader goes on where the page went on.
    if (!firstNew.current) return;
    tableRef.current?.querySelector<HTMLElement>(`[data-line-id="${firstNew.current}"] th`)?.focus();
    firstNew.current = null;
  }, [more]);

  const showMore = async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.listBillingStatementLines(providerId, runId, purpose, next);
      firstNew.current = page.items[0]?.id ?? null;
      setMore((old) => ({ items: [...(old?.items ?? []), ...page.items], next_cursor: page.next_cursor }));
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const month = monthName(statement.period, language);
  const currency = statement.currency;
  return (
    <section className="section" aria-labelledby="statement-lines-title">
      <h2 id="statement-lines-title">{t('billing.lines.title')}</h2>
      <p className="small muted">{t('billing.lines.logged')}</p>
      {first.error ? (
        <LoadError error={first.error} onRetry={() => void first.reload()} />
      ) : first.loading && !first.data ? (
        <Loading />
      ) : lines.length === 0 ? (
        <p className="empty" data-testid="statement-lines-empty">
          {t('billing.lines.none', { month })}
        </p>
      ) : (
        <table ref={tableRef} className="billing-table billing-stack billing-lines" data-testid="statement-lines">
          <caption>{t('statement.lines.caption', { month, shown: lines.length, total: statement.line_count })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('billing.lines.date')}</th>
              <th scope="col">{t('billing.lines.client')}</th>
              <th scope="col">{t('billing.lines.charge')}</th>
              <th scope="col" className="num">
                {t('billing.lines.minutes')}
              </th>
              <th scope="col">{t('billing.lines.rule')}</th>
              <th scope="col" className="num">
                {t('billing.lines.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} data-testid="statement-line" data-line-id={l.id} data-charge={l.charge} data-payer-kind={l.payer_kind}>
                <th scope="row" data-label={t('billing.lines.date')} tabIndex={-1}>
                  {formatDay(l.visit_date, language)}
                </th>
                <td data-label={t('billing.lines.client')}>{l.client_name}</td>
                <td data-label={t('billing.lines.charge')} data-testid="statement-line-charge">
                  {describeCharge(t, l, language)}
                </td>
                <td data-label={t('billing.lines.minutes')} className="num">
                  {formatMinutes(l.minutes, language)}
                </td>
                <td data-label={t('billing.lines.rule')} data-testid="statement-line-rule">
                  {describeLineRule(t, l, currency, language)}
                </td>
                <td data-label={t('billing.lines.amount')} className="num" data-testid="statement-line-amount">
                  {formatMoney(l.amount_cents, currency, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moreError ? <LoadError error={moreError} onRetry={() => void showMore()} /> : null}
      {next && first.data ? (
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={loadingMore || undefined}
          onClick={() => void showMore()}
          data-testid="statement-lines-more"
        >
          {loadingMore ? t('common.loading') : t('billing.lines.more', { shown: lines.length, total: statement.line_count })}
        </button>
      ) : null}
    </section>
  );
}
