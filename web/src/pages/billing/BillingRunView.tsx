import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/billing';
import type { BillingRunSummary } from '../../api/billing';
import { ApiError } from '../../api/problem';
import { Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { BillingLines } from './BillingLines';
import { BillingStateBadge } from './BillingRunList';
import { BillingTotals, UnbilledVisits } from './BillingTotals';
import { dayBefore, formatDay, linesAndAmount, monthName } from './billingText';
import { LockRun } from './LockRun';

type Busy = 'collect' | 'lock' | 'discard' | null;

interface Problem {
  text: string;
  /** someone changed the run first: the reader reloads it before going on */
  stale: boolean;
}

/**
 * One run (`?run=<id>`): its month and state, the totals per payer and per provider, for a draft the
 * visits of the month it leaves out (disputed ones first), "Collect again", "Lock" (asked in words
 * naming the month and the total) and "Discard the draft"; for a locked run the CSV and the Excel workbook. Its lines
 * follow in pages. The heading takes the focus when the run has loaded; after locking, the message.
 */
export function BillingRunView({
  runId,
  status,
  listHref,
  onBack,
  onDiscarded,
}: {
  runId: string;
  /** what the page says on arrival (the run was just started) */
  status: string | null;
  /** the list's address, of the run's purchaser once known */
  listHref: (purchaserId?: string) => string;
  onBack: (purchaserId?: string) => void;
  onDiscarded: (message: string, purchaserId: string) => void;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const run = useAsync(() => api.getBillingRun(runId), [runId]);
  const [said, setSaid] = useState<string | null>(status);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const focusStatus = useRef(false);
  const headingFocused = useRef(false);
  const s = run.data;

  // The run has opened: its heading takes the focus, as a new page's would.
  useEffect(() => {
    if (!s || headingFocused.current) return;
    headingFocused.current = true;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [s]);

  useEffect(() => {
    if (!focusStatus.current || !said) return;
    focusStatus.current = false;
    statusRef.current?.focus();
  }, [said]);

  const title = s ? t('billing.run.title', { month: monthName(s.period, language) }) : t('billing.run.titleLoading');
  const back = (
    <p className="billing-back">
      <a
        href={listHref(s?.purchaser_id)}
        onClick={(e) => {
          e.preventDefault();
          onBack(s?.purchaser_id);
        }}
        data-testid="billing-back"
      >
        {t('billing.run.back')}
      </a>
    </p>
  );

  if (!s) {
    return (
      <Page title={title} wide>
        {back}
        {run.error ? <LoadError error={run.error} onRetry={() => void run.reload()} /> : <Loading />}
      </Page>
    );
  }

  const month = monthName(s.period, language);
  const summary = (r: BillingRunSummary) => linesAndAmount(t, r.line_count, r.total_cents, r.currency, language);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 412) {
      setProblem({ text: t('billing.stale'), stale: true });
    } else if (e instanceof ApiError && e.status === 409) {
      setProblem({ text: t('billing.alreadyLocked'), stale: false });
      void run.reload();
    } else {
      setProblem({ text: generalMessage(t, e), stale: false });
    }
  };
  const start = (what: Busy) => {
    setBusy(what);
    setProblem(null);
    setSaid(null);
  };
  const collect = async () => {
    if (busy) return;
    start('collect');
    try {
      const next = await api.collectBillingRun(s);
      run.setData(() => next);
      setSaid(t('billing.collect.done', { summary: summary(next) }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  const lock = async () => {
    if (busy) return;
    start('lock');
    try {
      const next = await api.lockBillingRun(s);
      run.setData(() => next);
      // The lock button is gone with the draft: the message takes the focus.
      focusStatus.current = true;
      setSaid(t('billing.lock.done', { month: monthName(next.period, language), summary: summary(next) }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  const discard = async () => {
    if (busy) return;
    start('discard');
    try {
      await api.discardBillingRun(s);
      onDiscarded(t('billing.discard.done', { month }), s.purchaser_id);
    } catch (e) {
      failed(e);
      setBusy(null);
    }
  };
  const reload = async () => {
    await run.reload();
    setProblem(null);
    setSaid(t('billing.reloaded'));
  };

  const draft = s.state === 'draft';
  return (
    <Page title={title} wide>
      {back}
      <div className={`billing-head billing-head-${s.state}`} data-testid="billing-run-head" data-state={s.state}>
        <dl className="facts facts-inline">
          <div>
            <dt>{t('billing.run.state')}</dt>
            <dd>
              <BillingStateBadge state={s.state} />
            </dd>
          </div>
          <div>
            <dt>{t('billing.run.period')}</dt>
            <dd data-testid="billing-run-period">
              {t('billing.run.periodDays', { from: formatDay(s.period_start, language), to: formatDay(dayBefore(s.period_end), language) })}
            </dd>
          </div>
          <div>
            <dt>{t('billing.run.purchaser')}</dt>
            <dd>{s.purchaser_name}</dd>
          </div>
          <div>
            <dt>{t('billing.run.collected')}</dt>
            <dd>{formatDateTime(s.collected_at, language, { timeZone })}</dd>
          </div>
          {s.locked_at ? (
            <div>
              <dt>{t('billing.run.locked')}</dt>
              <dd data-testid="billing-run-locked-at">{formatDateTime(s.locked_at, language, { timeZone })}</dd>
            </div>
          ) : null}
        </dl>
        <p className="billing-note">{draft ? t('billing.run.draftNote') : t('billing.run.lockedNote')}</p>
      </div>

      <div ref={statusRef} tabIndex={-1} className="billing-status" data-testid="billing-status">
        <Status>{said}</Status>
      </div>
      <div role="alert" className={problem ? 'alert alert-error' : 'alert-empty'} data-testid="billing-problem">
        {problem ? (
          <>
            <p>{problem.text}</p>
            {problem.stale ? (
              <button type="button" className="button button-secondary" onClick={() => void reload()} data-testid="billing-reload">
                {t('billing.reload')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>

      {!draft ? (
        <div className="billing-download">
          <div className="actions">
            <a className="button button-primary" href={api.billingCsvUrl(s.id)} download data-testid="billing-csv">
              {t('billing.csv.download', { month })}
            </a>
            <a className="button button-secondary" href={api.billingXlsxUrl(s.id)} download data-testid="billing-xlsx">
              {t('billing.xlsx.download', { month })}
            </a>
          </div>
          <p className="small muted">{t('billing.csv.hint')}</p>
        </div>
      ) : null}

      <BillingTotals run={s} />
      {draft ? <UnbilledVisits run={s} /> : null}

      {draft ? (
        <section className="section billing-actions" aria-labelledby="billing-actions-title">
          <h2 id="billing-actions-title">{t('billing.run.actions')}</h2>
          <p className="small muted">{t('billing.run.actionsHint')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void collect()}
              aria-disabled={busy !== null || undefined}
              data-testid="billing-collect"
            >
              {busy === 'collect' ? t('billing.collect.busy') : t('billing.collect.button')}
            </button>
            <ConfirmButton
              label={t('billing.discard.button')}
              question={t('billing.discard.question', { month })}
              confirmLabel={t('billing.discard.confirm')}
              onConfirm={discard}
              busy={busy !== null}
            />
          </div>
          <LockRun
            month={monthName(s.period, language)}
            summary={summary(s)}
            busy={busy === 'lock'}
            onLock={lock}
          />
        </section>
      ) : null}

      {/* An empty run says so in its totals; its lines would only say it again. */}
      {s.line_count > 0 ? <BillingLines key={`${s.id}|${s.collected_at}`} run={s} /> : null}
    </Page>
  );
}
