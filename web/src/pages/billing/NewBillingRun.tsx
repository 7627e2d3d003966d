import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/billing';
import type { BillingRun, BillingRunSummary } from '../../api/billing';
import { ApiError } from '../../api/problem';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField, focusFirstInvalid } from '../../components/Field';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { todayIn } from '../../lib/tasks';
import { useSession } from '../../session/SessionContext';
import { endedMonths, monthName, openDraft, periodMessage, RUN_FIELDS } from './billingText';

/**
 * "New billing run": a month that has ended (the one before this, unless another is chosen) and a
 * button. A month with a run already says so in the list; while a draft is open the form says
 * which and links to it, as the server's 409 does at the field.
 */
export function NewBillingRun({
  purchaserId,
  timeZone,
  runs,
  runHref,
  onCreated,
  onOpen,
}: {
  purchaserId: string;
  /** the purchaser's region's zone: a month ends there */
  timeZone: string | undefined;
  /** the purchaser's runs, once loaded */
  runs: readonly BillingRun[] | undefined;
  runHref: (runId: string) => string;
  onCreated: (run: BillingRunSummary) => void;
  onOpen: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const months = endedMonths(todayIn(timeZone));
  const [period, setPeriod] = useState(months[0] ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = runs ? openDraft(runs) : undefined;
  const lockedMonths = new Set((runs ?? []).filter((r) => r.state === 'locked').map((r) => r.period));

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const run = await api.createBillingRun(purchaserId, period);
      setBusy(false);
      onCreated(run);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 409) {
        // Another draft is open: said at the month, with the way to it below.
        const open = draft ? monthName(draft.period, language) : '';
        setErrors({ byField: { period: [open ? t('fieldMessages.billingDraftOpen', { month: open }) : t('billing.create.draftOpenUnknown')] }, alert: t('errors.checkFields') });
        return;
      }
      const found = formErrors(t, err, RUN_FIELDS);
      if (err instanceof ApiError) {
        const said = (err.problem.errors ?? []).filter((f) => f.field === 'period').map((f) => periodMessage(t, f.message, language));
        if (said.length > 0) found.byField = { ...found.byField, period: said };
      }
      setErrors(found);
    }
  }

  const label = (m: string) => {
    const name = monthName(m, language, true);
    if (draft?.period === m) return t('billing.create.monthDraft', { month: name });
    if (lockedMonths.has(m)) return t('billing.create.monthLocked', { month: name });
    return name;
  };

  return (
    <section className="section billing-new" aria-labelledby="billing-new-title">
      <h2 id="billing-new-title">{t('billing.create.title')}</h2>
      {draft ? (
        <Notice tone="warning">
          <p data-testid="billing-draft-open">{t('billing.create.draftOpen', { month: monthName(draft.period, language) })}</p>
          <p>
            <a
              href={runHref(draft.id)}
              onClick={(e) => {
                e.preventDefault();
                onOpen(draft.id);
              }}
              data-testid="billing-open-draft"
            >
              {t('billing.create.openDraft', { month: monthName(draft.period, language) })}
            </a>
          </p>
        </Notice>
      ) : null}
      <form ref={formRef} className="form billing-new-form" onSubmit={(e) => void submit(e)} noValidate data-testid="billing-new">
        {/* The summary above the field it points to ("the fields marked below"). */}
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <SelectField
          label={t('billing.create.month')}
          hint={t('billing.create.hint')}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          errors={errors.byField.period}
          name="period"
          data-testid="billing-period"
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {label(m)}
            </option>
          ))}
        </SelectField>
        {lockedMonths.has(period) ? (
          <p className="small muted" data-testid="billing-month-locked">
            {t('billing.create.hasLocked', { month: monthName(period, language) })}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="billing-create">
            {busy ? t('billing.create.creating') : t('billing.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
