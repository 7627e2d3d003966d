import './plan.css';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/plan';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { groupPlan } from '../../lib/plan';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { useWhoseClient, WhoseSelect } from '../orders/WhoseClient';
import { PlanItemCard } from './PlanBits';

/**
 * /plan: the services agreed with the client at the advice desk ("My service plan"; a delegate
 * sees the plan of the client they act for): the active ones grouped by who pays (publicly
 * funded, self-paid, associations' and volunteers' activities), each with its goal, details,
 * follow-up day and who agreed it when, and the ended ones below. "Print" prints the plan alone:
 * the heading names the client and the day it was printed (plan.css).
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const chosen = useWhoseClient();
  const { clientId, whose } = chosen;
  const plan = useAsync(() => api.getClientPlan(clientId), [clientId]);
  const p = plan.data && plan.data.client_id === clientId ? plan.data : undefined;
  const groups = groupPlan(p?.items ?? []);
  const empty = p !== undefined && groups.active.length === 0;
  return (
    <Page
      title={whose ? t('plan.own.titleFor', { name: whose }) : t('plan.own.title')}
      intro={whose ? t('plan.own.introFor', { name: whose }) : t('plan.own.intro')}
    >
      <div className="plan-no-print">
        <WhoseSelect label={t('plan.own.whose')} chosen={chosen} testId="whose-plan" />
      </div>
      {plan.error ? <LoadError error={plan.error} onRetry={() => void plan.reload()} /> : null}
      {plan.loading && !p ? <Loading /> : null}
      {p ? (
        <article className="plan-sheet" aria-labelledby="plan-sheet-heading" data-testid="plan-sheet" data-client-id={p.client_id}>
          <header className="plan-sheet-head">
            <div>
              {/* On paper the heading names the client (the page's own title is not printed). */}
              <h2 id="plan-sheet-heading">
                <span className="plan-screen-only">{t('plan.own.agreed')}</span>
                <span className="plan-print-only" data-testid="plan-print-title">
                  {t('plan.own.sheetTitle', { name: p.client_name })}
                </span>
              </h2>
              <p className="plan-print-only" data-testid="plan-printed">
                {t('plan.own.printed', { date: formatDate(new Date(), language, { timeZone }) })}
              </p>
              {p.updated_at ? (
                <p className="small muted" data-testid="plan-updated">
                  {t('plan.own.updated', { date: formatDate(p.updated_at, language, { timeZone }) })}
                </p>
              ) : null}
            </div>
            {!empty ? (
              <div className="plan-no-print">
                <button type="button" className="button button-secondary" onClick={() => window.print()} data-testid="plan-print">
                  {t('plan.own.print')}
                </button>
              </div>
            ) : null}
          </header>
          {empty ? (
            <p className="empty" data-testid="plan-empty">
              {whose ? t('plan.own.emptyFor', { name: whose }) : t('plan.own.empty')}
            </p>
          ) : null}
          {groups.active.map((g) => (
            <section key={g.kind} className="plan-group" aria-labelledby={`plan-group-${g.kind}`} data-testid={`plan-group-${g.kind}`}>
              <h3 id={`plan-group-${g.kind}`}>{t(`plan.groups.${g.kind}`)}</h3>
              <ul className="item-list plan-list">
                {g.items.map((item) => (
                  <PlanItemCard key={item.id} item={item} heading="h4" link />
                ))}
              </ul>
            </section>
          ))}
          {groups.ended.length > 0 ? (
            <details className="plan-ended" data-testid="plan-ended">
              <summary>{t('plan.endedTitle', { count: groups.ended.length })}</summary>
              <ul className="item-list plan-list">
                {groups.ended.map((item) => (
                  <PlanItemCard key={item.id} item={item} heading="h4" />
                ))}
              </ul>
            </details>
          ) : null}
          <p className="small muted plan-contact">{t('plan.own.contact')}</p>
        </article>
      ) : null}
    </Page>
  );
}
