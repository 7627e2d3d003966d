import './billing.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import * as api from '../../api/billing';
import type { StatementRun } from '../../api/billing';
import { Notice } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatMoney, formatNumber } from '../../lib/format';
import { editedProviders } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { monthName, sortStatements } from './billingText';
import { StatementView } from './StatementView';

/**
 * /provider/billing: a provider's admins read their statements, one per purchaser's locked run
 * with their visits (newest month first: month, purchaser, lines, total); `?run=<id>` opens one
 * (its purchaser, period and lock time, the totals per payer adding up to its total, its lines).
 * An admin of several providers chooses which (`?org=`).
 */
export function ProviderBillingPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const providers = session.viewer ? editedProviders(session.viewer) : [];
  const asked = params.get('org');
  const orgId = asked && providers.some((p) => p.id === asked) ? asked : (providers[0]?.id ?? '');
  const org = providers.find((p) => p.id === orgId);
  const runId = params.get('run');

  if (!orgId) {
    return (
      <Page title={t('statement.title')}>
        <Notice>
          <p data-testid="statement-not-provider">{t('statement.notProvider')}</p>
        </Notice>
      </Page>
    );
  }

  /** The page's address for the list (`run` null) or a statement; the provider named when there is a choice. */
  const href = (run: string | null, provider: string = orgId) => {
    const p = new URLSearchParams();
    if (providers.length > 1) p.set('org', provider);
    if (run) p.set('run', run);
    return p;
  };

  if (runId) {
    return (
      <StatementView
        key={`${orgId}|${runId}`}
        providerId={orgId}
        runId={runId}
        listHref={`?${href(null).toString()}`}
        onBack={() => setParams(href(null))}
      />
    );
  }
  return (
    <Page title={org ? t('statement.titleOf', { name: org.name }) : t('statement.title')} intro={t('statement.intro')} wide>
      {providers.length > 1 ? (
        <SelectField label={t('statement.organization')} value={orgId} onChange={(e) => setParams(href(null, e.target.value))} data-testid="statement-org">
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Statements providerId={orgId} providerName={org?.name ?? ''} runHref={(run) => `?${href(run).toString()}`} onOpen={(run) => setParams(href(run))} />
    </Page>
  );
}

/** The provider's statements as a table, newest month first: the month (a link), purchaser, lines, total. */
function Statements({
  providerId,
  providerName,
  runHref,
  onOpen,
}: {
  providerId: string;
  providerName: string;
  runHref: (runId: string) => string;
  onOpen: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const statements = useAsync(() => api.listBillingStatements(providerId), [providerId]);
  return (
    <section className="section" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('statement.list.title')}</h2>
      {statements.error ? (
        <LoadError error={statements.error} onRetry={() => void statements.reload()} />
      ) : !statements.data ? (
        <Loading />
      ) : statements.data.length === 0 ? (
        <p className="empty" data-testid="statements-empty">
          {t('statement.list.empty')}
        </p>
      ) : (
        <table className="billing-table billing-stack billing-statements" data-testid="statements">
          <caption className="visually-hidden">{t('statement.list.caption', { name: providerName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statement.list.period')}</th>
              <th scope="col">{t('statement.list.purchaser')}</th>
              <th scope="col" className="num">
                {t('statement.list.lines')}
              </th>
              <th scope="col" className="num">
                {t('statement.list.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sortStatements(statements.data).map((s: StatementRun) => (
              <tr key={s.run_id} data-testid="statement" data-run-id={s.run_id} data-period={s.period}>
                <th scope="row" data-label={t('statement.list.period')}>
                  <a
                    href={runHref(s.run_id)}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(s.run_id);
                    }}
                    data-testid="statement-link"
                  >
                    {monthName(s.period, language, true)}
                  </a>
                </th>
                <td data-label={t('statement.list.purchaser')}>{s.purchaser_name}</td>
                <td data-label={t('statement.list.lines')} className="num">
                  {formatNumber(s.line_count, language)}
                </td>
                <td data-label={t('statement.list.total')} className="num" data-testid="statement-total">
                  {formatMoney(s.total_cents, s.currency, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
