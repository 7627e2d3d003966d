import '../plan/plan.css';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as directory from '../../api/directory';
import * as api from '../../api/plan';
import { ApiError } from '../../api/problem';
import type { ClientRecord, GrantWithBalance, NewPlanItem, PlanItem, PlanItemChange, PlanItemKind, ServiceSummary } from '../../api/types';
import { PLAN_KINDS } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { SelectField, TextAreaField, TextField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import {
  addMonths,
  DEFAULT_FOLLOW_UP_MONTHS,
  grantsInForce,
  groupPlan,
  itemName,
  onPlanAlready,
  PLAN_EDIT_FIELDS,
  PLAN_FIELDS,
  PLAN_TEXT_MAX,
  PLAN_TITLE_MAX,
  QUICK_FOLLOW_UP_MONTHS,
  withPlanItem,
} from '../../lib/plan';
import { pickText } from '../../lib/serviceText';
import { todayIn } from '../../lib/tasks';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { describeGrant } from '../referrals/ReferralBits';
import { PlanItemCard } from '../plan/PlanBits';

/** The follow-up day with "in 1, 3, 6 months" beside it. */
function FollowUpField({
  value,
  onChange,
  today,
  errors,
  testId,
}: {
  value: string;
  onChange: (day: string) => void;
  today: string;
  errors?: string[] | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="task-due-row plan-day-row">
      <TextField
        type="date"
        label={t('plan.desk.followUp')}
        hint={t('plan.desk.followUpHint')}
        value={value}
        min={today}
        onChange={(e) => onChange(e.target.value)}
        errors={errors}
        name="follow_up_date"
        data-testid={`${testId}-day`}
      />
      <div className="task-quick" role="group" aria-label={t('plan.desk.quick')}>
        {QUICK_FOLLOW_UP_MONTHS.map((months) => {
          const day = addMonths(today, months) ?? today;
          return (
            <button
              key={months}
              type="button"
              className="button button-secondary"
              aria-pressed={value === day}
              onClick={() => onChange(day)}
              data-testid={`${testId}-in-${months}-months`}
            >
              {t('plan.desk.inMonths', { count: months })}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** Goal, details and follow-up day of an active item, changed in place with its version (If-Match). */
function EditItem({
  item,
  today,
  purpose,
  onSaved,
  onStale,
  onCancel,
}: {
  item: PlanItem;
  today: string;
  purpose: string;
  onSaved: (item: PlanItem) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [goal, setGoal] = useState(item.goal);
  const [details, setDetails] = useState(item.details);
  const [day, setDay] = useState(item.follow_up_date);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // What the advisor changed in this form. When the item comes back in a newer version (someone
  // else saved meanwhile), the fields he did not touch take the new values and only his own
  // changes are sent, so nobody's change is undone unseen.
  const touched = useRef({ goal: false, details: false, day: false });
  useEffect(() => {
    if (!touched.current.goal) setGoal(item.goal);
    if (!touched.current.details) setDetails(item.details);
    if (!touched.current.day) setDay(item.follow_up_date);
  }, [item.version, item.goal, item.details, item.follow_up_date]);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(errors.alert ? '[aria-invalid="true"]' : 'textarea')?.focus();
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const change: PlanItemChange = {};
    if (touched.current.goal && goal.trim() !== item.goal) change.goal = goal.trim();
    if (touched.current.details && details.trim() !== item.details) change.details = details.trim();
    if (touched.current.day && day !== item.follow_up_date) change.follow_up_date = day;
    if (Object.keys(change).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.changePlanItem(item, change, purpose));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 412) {
        onStale();
        return;
      }
      setErrors(formErrors(t, err, PLAN_EDIT_FIELDS));
    }
  }

  return (
    <form ref={formRef} className="form plan-edit" onSubmit={(e) => void submit(e)} noValidate data-testid="plan-edit-form">
      <TextAreaField
        label={t('plan.desk.goal')}
        hint={t('plan.desk.goalHint')}
        value={goal}
        onChange={(e) => {
          touched.current.goal = true;
          setGoal(e.target.value);
        }}
        errors={errors.byField.goal}
        maxLength={PLAN_TEXT_MAX}
        rows={3}
        name="goal"
        data-testid="plan-edit-goal"
      />
      <TextAreaField
        label={t('plan.desk.details')}
        hint={t('plan.desk.detailsHint')}
        value={details}
        onChange={(e) => {
          touched.current.details = true;
          setDetails(e.target.value);
        }}
        errors={errors.byField.details}
        maxLength={PLAN_TEXT_MAX}
        rows={2}
        name="details"
        data-testid="plan-edit-details"
      />
      <FollowUpField
        value={day}
        onChange={(value) => {
          touched.current.day = true;
          setDay(value);
        }}
        today={today}
        errors={errors.byField.follow_up_date}
        testId="plan-edit"
      />
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="plan-edit-save">
          {busy ? t('plan.desk.saving') : t('plan.desk.saveChanges')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="plan-edit-cancel">
          {t('plan.desk.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Resume" of an ended item; a new follow-up day is asked when the old one has passed (or the server asks for one). */
function ResumeItem({
  item,
  today,
  purpose,
  onResumed,
  onProblem,
}: {
  item: PlanItem;
  today: string;
  purpose: string;
  onResumed: (item: PlanItem) => void;
  onProblem: (message: string, reload: boolean) => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const name = useItemName(item);
  const [asking, setAsking] = useState(false);
  const [day, setDay] = useState(() => (item.follow_up_date >= today ? item.follow_up_date : (addMonths(today, DEFAULT_FOLLOW_UP_MONTHS) ?? today)));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (asking) formRef.current?.querySelector<HTMLElement>(errors.alert ? '[aria-invalid="true"]' : 'input')?.focus();
  }, [asking, errors]);

  async function resume(followUp?: string) {
    if (busy) return;
    setBusy(true);
    try {
      onResumed(await api.resumePlanItem(item, followUp, purpose));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 422) {
        setAsking(true);
        setErrors(formErrors(t, err, ['follow_up_date']));
      } else if (err instanceof ApiError && (err.status === 409 || err.status === 412)) {
        onProblem(err.status === 409 ? t('plan.desk.resumeConflict', { item: name }) : t('plan.desk.stale'), true);
      } else {
        onProblem(generalMessage(t, err), false);
      }
    }
  }

  if (!asking) {
    return (
      <div className="item-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => (item.follow_up_date < today ? setAsking(true) : void resume())}
          aria-disabled={busy || undefined}
          data-testid="plan-resume"
        >
          {t('plan.desk.resume')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </div>
    );
  }
  return (
    <form
      ref={formRef}
      className="form plan-resume-form"
      onSubmit={(e) => {
        e.preventDefault();
        void resume(day);
      }}
      noValidate
      data-testid="plan-resume-form"
    >
      <p>{t('plan.desk.resumeNewDay')}</p>
      <FollowUpField value={day} onChange={setDay} today={today} errors={errors.byField.follow_up_date} testId="plan-resume" />
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="plan-resume-save">
          {t('plan.desk.resume')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t('plan.desk.cancel')}
        </button>
      </div>
    </form>
  );
}

function useItemName(item: PlanItem): string {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  return itemName(item, language, names.categoryName) || t('plan.unnamed');
}

/** An active item on the desk: the card, "Change" (goal, details, day in place) and "End". */
function ActiveItem({
  item,
  today,
  purpose,
  onChanged,
  onStale,
  onProblem,
}: {
  item: PlanItem;
  today: string;
  purpose: string;
  onChanged: (item: PlanItem, how: 'changed' | 'ended') => void;
  onStale: () => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const name = useItemName(item);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back from the form, the focus returns to "Change".
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  async function end() {
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await api.endPlanItem(item, purpose), 'ended');
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 412) onStale();
      else onProblem(generalMessage(t, err));
    }
  }

  return (
    <PlanItemCard item={item} heading="h4" link>
      {editing ? (
        <EditItem
          item={item}
          today={today}
          purpose={purpose}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved, 'changed');
          }}
          onStale={() => {
            // The plan is read again; the form stays open with what the advisor typed, to save on the new version.
            onStale();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="item-actions plan-item-actions">
          <button ref={editButton} type="button" className="button button-secondary" onClick={() => setEditing(true)} data-testid="plan-edit">
            {t('plan.desk.edit')}
            <span className="visually-hidden">: {name}</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => void end()} aria-disabled={busy || undefined} data-testid="plan-end">
            {t('plan.desk.end')}
            <span className="visually-hidden">: {name}</span>
          </button>
        </div>
      )}
    </PlanItemCard>
  );
}

/** The published services the desk's search finds for the client's municipality, one to choose. */
function ServiceChoice({
  record,
  value,
  onChange,
  errors,
  planned,
}: {
  record: ClientRecord;
  value: string;
  onChange: (id: string) => void;
  errors?: string[] | undefined;
  planned: (id: string) => boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ServiceSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function search() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await directory.searchServices({ q: q.trim(), municipality: record.address?.municipality_code ?? '', limit: 30 });
      setFound(r.items);
      onChange(r.items.find((s) => !planned(s.id))?.id ?? '');
    } catch (err) {
      setProblem(generalMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  // Enter in the words searches (it would otherwise send the whole form).
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  };

  return (
    <div className="plan-service-choice">
      <div className="plan-search-row">
        <TextField
          type="search"
          label={t('plan.desk.serviceSearch')}
          hint={t('plan.desk.serviceSearchHint')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKey}
          maxLength={200}
          name="plan_service_q"
          data-testid="plan-service-q"
        />
        <button type="button" className="button button-secondary" onClick={() => void search()} aria-disabled={busy || undefined} data-testid="plan-service-search">
          {t('plan.desk.search')}
        </button>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {found === null || busy ? '' : t('plan.desk.servicesFound', { count: found.length })}
      </p>
      {found !== null && found.length === 0 ? <p className="empty">{t('plan.desk.noServices')}</p> : null}
      {(found !== null && found.length > 0) || (errors && errors.length > 0) ? (
        <SelectField
          label={t('plan.desk.service')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          errors={errors}
          name="service_id"
          data-testid="plan-service"
        >
          <option value="">{t('plan.desk.chooseService')}</option>
          {(found ?? []).map((s) => {
            const name = pickText(s.name, language).text || t('shop.unnamed');
            const on = planned(s.id);
            return (
              <option key={s.id} value={s.id} disabled={on}>
                {on ? t('plan.desk.onPlan', { item: `${name} – ${s.provider.name}` }) : `${name} – ${s.provider.name}`}
              </option>
            );
          })}
        </SelectField>
      ) : null}
    </div>
  );
}

/**
 * "Add to the plan": a grant of the client in force (publicly funded), a published service found
 * by the desk's search (self-paid), or an association's activity named in words; the goal, the
 * details and the follow-up day (in 3 months unless chosen; 1, 3 and 6 months at one press).
 */
function AddItem({
  record,
  purpose,
  today,
  items,
  onAdded,
  onConflict,
}: {
  record: ClientRecord;
  purpose: string;
  today: string;
  items: PlanItem[];
  onAdded: (item: PlanItem) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const legendId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<PlanItemKind>('activity');
  // Her decisions are read (and that read logged) only when the advisor chooses a grant.
  const grants = useAsync(
    () => (kind === 'grant' ? api.listClientGrants(record.id, purpose) : Promise.resolve<GrantWithBalance[] | undefined>(undefined)),
    [record.id, purpose, kind === 'grant'],
  );
  const [grantId, setGrantId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [details, setDetails] = useState('');
  const [goal, setGoal] = useState('');
  const [day, setDay] = useState(() => addMonths(today, DEFAULT_FOLLOW_UP_MONTHS) ?? today);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const inForce: GrantWithBalance[] = grantsInForce(grants.data ?? [], today);
  const grantFree = inForce.filter((g) => !onPlanAlready(items, 'grant', g.id));
  const chosenGrant = grantId || grantFree[0]?.id || '';

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    const body: NewPlanItem = { kind, goal: goal.trim(), follow_up_date: day };
    if (details.trim()) body.details = details.trim();
    if (kind === 'grant' && chosenGrant) body.grant_id = chosenGrant;
    if (kind === 'service' && serviceId) body.service_id = serviceId;
    if (kind === 'activity') {
      if (title.trim()) body.title = title.trim();
      if (category) body.category = category;
    }
    try {
      const item = await api.addPlanItem(record.id, body, keys.key(), purpose);
      keys.settle();
      onAdded(item);
      setGrantId('');
      setServiceId('');
      setTitle('');
      setCategory('');
      setDetails('');
      setGoal('');
      setDay(addMonths(today, DEFAULT_FOLLOW_UP_MONTHS) ?? today);
    } catch (err) {
      keys.settle(err);
      const conflict = err instanceof ApiError && err.status === 409;
      setErrors(formErrors(t, err, PLAN_FIELDS, { 409: t('plan.desk.conflict', { name: record.name }) }));
      if (conflict) onConflict();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form plan-form" onSubmit={(e) => void submit(e)} noValidate data-testid="plan-form">
      <h3 className="plan-form-title">{t('plan.desk.add')}</h3>
      <fieldset
        className={`field choice-group${errors.byField.kind ? ' field-invalid' : ''}`}
        aria-describedby={errors.byField.kind ? `${legendId}-error` : undefined}
      >
        <legend id={legendId}>{t('plan.desk.kind')}</legend>
        {errors.byField.kind ? (
          <p className="field-error" id={`${legendId}-error`}>
            {errors.byField.kind.join(' ')}
          </p>
        ) : null}
        {PLAN_KINDS.map((k) => (
          <label key={k} className="choice" data-testid={`plan-kind-${k}`}>
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                if (k !== 'service') setServiceId('');
              }}
            />
            <span>
              <strong>{t(`plan.kinds.${k}`)}</strong>
              <span className="choice-hint">{t(`plan.desk.kindHint.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {kind === 'grant' ? (
        <>
          {grants.error ? <LoadError error={grants.error} onRetry={() => void grants.reload()} /> : null}
          {grants.loading && !grants.data ? <Loading /> : null}
          {grants.data && inForce.length === 0 && !errors.byField.grant_id ? (
            <p className="empty" data-testid="plan-no-grants">
              {t('plan.desk.noGrants', { name: record.name })}
            </p>
          ) : null}
          {inForce.length > 0 || errors.byField.grant_id ? (
            <SelectField
              label={t('plan.desk.grant')}
              hint={t('plan.desk.grantHint', { name: record.name })}
              value={chosenGrant}
              onChange={(e) => setGrantId(e.target.value)}
              errors={errors.byField.grant_id}
              name="grant_id"
              data-testid="plan-grant"
            >
              <option value="">{t('plan.desk.chooseGrant')}</option>
              {inForce.map((g) => {
                const label = `${describeGrant(t, g, names.categoryName)} (${g.payer_name})`;
                const on = onPlanAlready(items, 'grant', g.id);
                return (
                  <option key={g.id} value={g.id} disabled={on}>
                    {on ? t('plan.desk.onPlan', { item: label }) : label}
                  </option>
                );
              })}
            </SelectField>
          ) : null}
        </>
      ) : null}

      {kind === 'service' ? (
        <ServiceChoice
          record={record}
          value={serviceId}
          onChange={setServiceId}
          errors={errors.byField.service_id}
          planned={(id) => onPlanAlready(items, 'service', id)}
        />
      ) : null}

      {kind === 'activity' ? (
        <>
          <TextField
            label={t('plan.desk.activityTitle')}
            hint={t('plan.desk.activityTitleHint')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            errors={errors.byField.title}
            maxLength={PLAN_TITLE_MAX}
            name="title"
            autoComplete="off"
            data-testid="plan-title"
          />
          <SelectField
            label={t('plan.desk.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            errors={errors.byField.category}
            name="category"
            data-testid="plan-category"
          >
            <option value="">{t('plan.desk.chooseCategory')}</option>
            {names.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {names.categoryName(c.code)}
              </option>
            ))}
          </SelectField>
        </>
      ) : kind === 'grant' && errors.byField.category ? (
        <p className="field-error">{errors.byField.category.join(' ')}</p>
      ) : null}

      <TextAreaField
        label={t('plan.desk.goal')}
        hint={t('plan.desk.goalHint')}
        value={goal}
        onChange={(e) => setGoal(e.target.value)}
        errors={errors.byField.goal}
        maxLength={PLAN_TEXT_MAX}
        rows={3}
        name="goal"
        data-testid="plan-goal-input"
      />
      <TextAreaField
        label={t('plan.desk.details')}
        hint={t('plan.desk.detailsHint')}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
        errors={errors.byField.details}
        maxLength={PLAN_TEXT_MAX}
        rows={2}
        name="details"
        data-testid="plan-details-input"
      />
      <FollowUpField value={day} onChange={setDay} today={today} errors={errors.byField.follow_up_date} testId="plan-add" />
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="plan-submit">
          {busy ? t('plan.desk.saving') : t('plan.desk.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * "Service plan" on the open record: the services agreed with the client, each with its goal, details and
 * follow-up day (marked once it has come) and who agreed it when; the goal, details and day
 * changed in place (with the item's version: a change made meanwhile reloads the plan and says
 * so), "End", the ended ones collapsed with "Resume", and the form that adds one.
 */
export function PlanPanel({ record, purpose }: { record: ClientRecord; purpose: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { language } = session;
  const names = useDirectoryNames();
  const timeZone = session.regions.find((r) => r.id === record.region_id)?.time_zone ?? session.timeZone;
  const today = todayIn(timeZone);
  const heading = useRef<HTMLHeadingElement>(null);
  const plan = useAsync(() => api.getClientPlan(record.id, purpose), [record.id, purpose]);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const items = plan.data?.items ?? [];
  const groups = groupPlan(items);
  const active = items.filter((i) => i.state === 'active');
  const nameOf = (item: PlanItem) => itemName(item, language, names.categoryName) || t('plan.unnamed');

  const put = (item: PlanItem) => plan.setData((old) => (old ? { ...old, items: withPlanItem(old.items, item), updated_at: item.updated_at } : old));

  const changed = (item: PlanItem, how: 'changed' | 'ended' | 'added' | 'resumed') => {
    put(item);
    setProblem(null);
    setStatus(t(`plan.desk.${how}`, { item: nameOf(item), name: record.name }));
    if (how === 'ended' || how === 'resumed') heading.current?.focus();
  };
  const stale = () => {
    setStatus(null);
    setProblem(t('plan.desk.stale'));
    void plan.reload();
    heading.current?.focus();
  };

  return (
    <section className="desk-panel desk-plan" id="desk-plan" aria-labelledby="plan-heading" tabIndex={-1} data-testid="desk-plan">
      <h2 id="plan-heading" ref={heading} tabIndex={-1}>
        {t('plan.desk.title')}
      </h2>
      <p className="muted">{t('plan.desk.intro', { name: record.name })}</p>
      <Status>{status}</Status>
      <FormAlert message={problem} />
      {plan.error ? <LoadError error={plan.error} onRetry={() => void plan.reload()} /> : null}
      {plan.loading && !plan.data ? <Loading /> : null}
      {plan.data ? (
        <>
          <h3 className="plan-list-title">{t('plan.desk.active')}</h3>
          {active.length === 0 ? (
            <p className="empty" data-testid="plan-empty">
              {t('plan.desk.none', { name: record.name })}
            </p>
          ) : (
            <ul className="item-list plan-list" data-testid="plan-active">
              {active.map((item) => (
                <ActiveItem
                  key={item.id}
                  item={item}
                  today={today}
                  purpose={purpose}
                  onChanged={changed}
                  onStale={stale}
                  onProblem={(m) => {
                    setStatus(null);
                    setProblem(m);
                  }}
                />
              ))}
            </ul>
          )}
          {groups.ended.length > 0 ? (
            <details className="plan-ended" data-testid="plan-ended">
              <summary>{t('plan.endedTitle', { count: groups.ended.length })}</summary>
              <ul className="item-list plan-list">
                {groups.ended.map((item) => (
                  <PlanItemCard key={item.id} item={item} heading="h4">
                    <ResumeItem
                      item={item}
                      today={today}
                      purpose={purpose}
                      onResumed={(r) => changed(r, 'resumed')}
                      onProblem={(m, reload) => {
                        setStatus(null);
                        setProblem(m);
                        if (reload) void plan.reload();
                      }}
                    />
                  </PlanItemCard>
                ))}
              </ul>
            </details>
          ) : null}
          <AddItem record={record} purpose={purpose} today={today} items={items} onAdded={(item) => changed(item, 'added')} onConflict={() => void plan.reload()} />
        </>
      ) : null}
    </section>
  );
}
