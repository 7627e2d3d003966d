import './billing.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import * as api from '../../api/billing';
import type { BillingRunSummary } from '../../api/billing';
import { Notice, Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { purchasingOrganizations } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { BillingRunList } from './BillingRunList';
import { BillingRunView } from './BillingRunView';
import { linesAndAmount, monthName } from './billingText';
import { NewBillingRun } from './NewBillingRun';

/** What the page says after a change that took the reader elsewhere on it (a run started, a draft discarded). */
interface Said {
  text: string;
  /** the status takes the focus (the thing acted on is gone) */
  focus: boolean;
  /** the run it is said on, null for the list: going elsewhere (the browser's Back) leaves it behind */
  where: string | null;
}

/**
 * /purchaser/billing: the purchaser officer's billing runs, newest month first, and a new run for
 * a month that has ended; `?run=<id>` opens one run (its totals, the visits it leaves out, its
 * lines, collect again, lock, discard, the CSV of a locked run). An officer of several purchasers
 * chooses whose (`?org=`).
 */
export function BillingPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const orgs = session.viewer ? purchasingOrganizations(session.viewer) : [];
  const asked = params.get('org');
  const orgId = asked && orgs.some((o) => o.id === asked) ? asked : (orgs[0]?.id ?? '');
  const runId = params.get('run');
  const [saidAnywhere, setSaid] = useState<Said | null>(null);
  const said = saidAnywhere && saidAnywhere.where === runId ? saidAnywhere : null;

  if (!orgId) {
    return (
      <Page title={t('billing.title')}>
        <Notice>
          <p data-testid="billing-not-purchaser">{t('billing.notPurchaser')}</p>
        </Notice>
      </Page>
    );
  }

  /** The page's address for the list (`run` null) or a run; the organization named when there is a choice. */
  const href = (run: string | null, org: string = orgId) => {
    const p = new URLSearchParams();
    if (orgs.length > 1 && orgs.some((o) => o.id === org)) p.set('org', org);
    if (run) p.set('run', run);
    return p;
  };
  /** Moves to the list or to a run, with what to say there. */
  const go = (run: string | null, next: Omit<Said, 'where'> | null = null, org: string = orgId) => {
    setParams(href(run, org));
    setSaid(next ? { ...next, where: run } : null);
  };

  if (runId) {
    return (
      <BillingRunView
        key={runId}
        runId={runId}
        status={said?.text ?? null}
        listHref={(org) => `?${href(null, org).toString()}`}
        onBack={(org) => go(null, null, org)}
        onDiscarded={(text, org) => go(null, { text, focus: true }, org)}
      />
    );
  }
  return (
    <BillingRuns
      orgs={orgs}
      orgId={orgId}
      said={said}
      runHref={(run) => `?${href(run).toString()}`}
      onOrg={(org) => go(null, null, org)}
      onOpen={go}
    />
  );
}

/** The list of the purchaser's runs with the form of a new one. */
function BillingRuns({
  orgs,
  orgId,
  said,
  runHref,
  onOrg,
  onOpen,
}: {
  orgs: readonly { id: string; name: string; regionId: string }[];
  orgId: string;
  said: Said | null;
  runHref: (runId: string) => string;
  onOrg: (orgId: string) => void;
  onOpen: (runId: string, said?: Omit<Said, 'where'> | null) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const orgSelect = useId();
  const org = orgs.find((o) => o.id === orgId);
  const runs = useAsync(() => api.listBillingRuns(orgId), [orgId]);
  const statusRef = useRef<HTMLDivElement>(null);
  // The month ends in the purchaser's region, as the server decides it.
  const timeZone = session.regions.find((r) => r.id === org?.regionId)?.time_zone ?? session.timeZone;

  useEffect(() => {
    if (said?.focus) statusRef.current?.focus();
  }, [said]);

  const created = (run: BillingRunSummary) => {
    const text = t('billing.create.done', {
      month: monthName(run.period, session.language),
      summary: linesAndAmount(t, run.line_count, run.total_cents, run.currency, session.language),
    });
    onOpen(run.id, { text, focus: false });
  };

  return (
    <Page title={org ? t('billing.titleOf', { name: org.name }) : t('billing.title')} intro={t('billing.intro')} wide>
      {orgs.length > 1 ? (
        <div className="field field-inline billing-org">
          <label htmlFor={orgSelect}>{t('billing.organization')}</label>
          <select id={orgSelect} value={orgId} onChange={(e) => onOrg(e.target.value)} data-testid="billing-org">
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div ref={statusRef} tabIndex={-1} className="billing-status" data-testid="billing-status">
        <Status>{said?.text ?? null}</Status>
      </div>
      <NewBillingRun
        purchaserId={orgId}
        timeZone={timeZone}
        runs={runs.data}
        runHref={runHref}
        onCreated={created}
        onOpen={(id) => onOpen(id)}
      />
      <section className="section" aria-labelledby="billing-runs-title">
        <h2 id="billing-runs-title">{t('billing.list.title')}</h2>
        {runs.error ? (
          <LoadError error={runs.error} onRetry={() => void runs.reload()} />
        ) : !runs.data ? (
          <Loading />
        ) : (
          <BillingRunList runs={runs.data} purchaserName={org?.name ?? ''} runHref={runHref} onOpen={(id) => onOpen(id)} />
        )}
      </section>
    </Page>
  );
}
