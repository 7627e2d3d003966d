import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/orders';
import type { GrantDraft, GrantKind } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { hoursToMinutes, moneyToCents, PUBLIC_KINDS } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { addDays } from '../../lib/schedule';

type Unit = 'hour' | 'visit' | 'money';
type Period = 'week' | 'month' | 'year' | 'none';

/** What the officer types: hours as hours and money as euros, converted only when sent. */
export interface GrantValues {
  payerId: string;
  kind: GrantKind;
  category: string;
  unit: Unit;
  quantity: string;
  period: Period;
  value: string;
  fee: string;
  feeUnit: 'hour' | 'visit';
  validFrom: string;
  validUntil: string;
  reference: string;
}

/** A year from `today`: the decision's usual length. */
export function defaultValues(payerId: string, today: string): GrantValues {
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return {
    payerId,
    kind: 'voucher',
    category: 'cleaning',
    unit: 'hour',
    quantity: '',
    period: 'month',
    value: '',
    fee: '',
    feeUnit: 'visit',
    validFrom: today,
    validUntil: addDays(nextYear, -1) ?? '',
    reference: '',
  };
}

/** The fixed unit and period of kinds that have only one. */
function fixedOf(kind: GrantKind): { unit?: Unit; period?: Period } {
  if (kind === 'free_choice') return { unit: 'hour', period: 'week' };
  if (kind === 'periodic_budget') return { unit: 'money', period: 'month' };
  return {};
}

/**
 * The values as the API's decision, or the fields that are not numbers. Hours become minutes and
 * euros cents here.
 */
export function draftOf(v: GrantValues, currency: string): { draft: GrantDraft } | { invalid: Record<string, 'number' | 'money'> } {
  const fixed = fixedOf(v.kind);
  const unit = fixed.unit ?? v.unit;
  const period = fixed.period ?? v.period;
  const invalid: Record<string, 'number' | 'money'> = {};
  let quantity: number | undefined;
  if (v.quantity.trim()) {
    const q = unit === 'hour' ? hoursToMinutes(v.quantity) : unit === 'money' ? moneyToCents(v.quantity) : Number(v.quantity.trim());
    if (q === null || !Number.isInteger(q) || q <= 0) invalid.quantity = unit === 'money' ? 'money' : 'number';
    else quantity = q;
  }
  const value = v.value.trim() ? moneyToCents(v.value) : 0;
  if (value === null) invalid.value_cents = 'money';
  const fee = v.fee.trim() ? moneyToCents(v.fee) : 0;
  if (fee === null) invalid.fee_cents = 'money';
  if (Object.keys(invalid).length > 0) return { invalid };
  const draft: GrantDraft = {
    payer_id: v.payerId,
    kind: v.kind,
    categories: v.category ? [v.category] : [],
    unit,
    period,
    currency,
    valid_from: v.validFrom,
    decision_reference: v.reference.trim(),
  };
  if (quantity !== undefined) draft.quantity = quantity;
  if (v.validUntil) draft.valid_until = v.validUntil;
  if (v.kind === 'purchased_service') {
    draft.fee_cents = fee ?? 0;
    draft.fee_unit = v.feeUnit;
  } else if (unit !== 'money') {
    draft.value_cents = value ?? 0;
  }
  return { draft };
}

const FIELDS = ['payer_id', 'kind', 'categories', 'unit', 'quantity', 'period', 'value_cents', 'fee_cents', 'fee_unit', 'valid_from', 'valid_until', 'decision_reference'];

/**
 * One decision for one client in one form (journey 3: cleaning, 4 h a month, the voucher's value
 * per hour, valid a year): defaults for the usual case, each server message at its field.
 */
export function GrantForm({
  clientId,
  payers,
  currency,
  today,
  onRecorded,
}: {
  clientId: string;
  payers: readonly { id: string; name: string }[];
  currency: string;
  today: string;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const [v, setV] = useState<GrantValues>(() => defaultValues(payers[0]?.id ?? '', today));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const keys = useIdempotencyKey();
  const set = (change: Partial<GrantValues>) => setV((old) => ({ ...old, ...change }));
  const fixed = fixedOf(v.kind);
  const unit = fixed.unit ?? v.unit;
  const money = currency === 'EUR' ? '€' : currency;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const made = draftOf(v, currency);
    if ('invalid' in made) {
      const byField: Record<string, string[]> = {};
      for (const [field, what] of Object.entries(made.invalid)) byField[field] = [t(what === 'money' ? 'funding.form.notMoney' : 'funding.form.notNumber')];
      setErrors({ byField, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.recordGrant(clientId, made.draft, keys.key());
      keys.settle();
      setDone(t('funding.form.recorded', { reference: made.draft.decision_reference }));
      setV(defaultValues(v.payerId, today));
      onRecorded();
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, FIELDS, {}, (path) => (path.startsWith('categories') ? 'categories' : path)));
    } finally {
      setBusy(false);
    }
  }

  const quantityLabel =
    unit === 'hour'
      ? t('funding.form.hours')
      : unit === 'visit'
        ? t('funding.form.visits')
        : t('funding.form.amount', { currency: money });
  return (
    <form className="form grant-form" onSubmit={(e) => void submit(e)} noValidate data-testid="grant-form">
      {payers.length > 1 ? (
        <SelectField label={t('funding.form.payer')} value={v.payerId} onChange={(e) => set({ payerId: e.target.value })} errors={errors.byField.payer_id}>
          {payers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="field-pair">
        <SelectField label={t('funding.form.kind')} value={v.kind} onChange={(e) => set({ kind: e.target.value as GrantKind })} errors={errors.byField.kind} name="kind">
          {PUBLIC_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`funding.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('funding.form.category')} value={v.category} onChange={(e) => set({ category: e.target.value })} errors={errors.byField.categories} name="category">
          {names.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {names.categoryName(c.code)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-pair">
        {v.kind === 'voucher' || v.kind === 'purchased_service' ? (
          <SelectField label={t('funding.form.unit')} value={v.unit} onChange={(e) => set({ unit: e.target.value as Unit })} errors={errors.byField.unit} name="unit">
            <option value="hour">{t('funding.units.hour')}</option>
            <option value="visit">{t('funding.units.visit')}</option>
            {v.kind === 'voucher' ? <option value="money">{t('funding.units.money')}</option> : null}
          </SelectField>
        ) : null}
        <TextField
          label={quantityLabel}
          hint={unit === 'hour' ? t('funding.form.hoursHint') : undefined}
          value={v.quantity}
          onChange={(e) => set({ quantity: e.target.value })}
          errors={errors.byField.quantity}
          inputMode="decimal"
          name="quantity"
        />
        {fixed.period ? null : (
          <SelectField label={t('funding.form.period')} value={v.period} onChange={(e) => set({ period: e.target.value as Period })} errors={errors.byField.period} name="period">
            {(['month', 'week', 'year', 'none'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`funding.periods.${p}`)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {v.kind === 'purchased_service' ? (
        <div className="field-pair">
          <TextField
            label={t('funding.form.fee', { currency: money })}
            value={v.fee}
            onChange={(e) => set({ fee: e.target.value })}
            errors={errors.byField.fee_cents}
            inputMode="decimal"
            name="fee"
          />
          <SelectField label={t('funding.form.feeUnit')} value={v.feeUnit} onChange={(e) => set({ feeUnit: e.target.value as 'hour' | 'visit' })} errors={errors.byField.fee_unit}>
            <option value="visit">{t('funding.units.visit')}</option>
            <option value="hour">{t('funding.units.hour')}</option>
          </SelectField>
        </div>
      ) : unit !== 'money' ? (
        <TextField
          label={unit === 'visit' ? t('funding.form.valuePerVisit', { currency: money }) : t('funding.form.valuePerHour', { currency: money })}
          hint={v.kind === 'free_choice' ? t('funding.form.freeChoiceHint') : t('funding.form.valueHint')}
          value={v.value}
          onChange={(e) => set({ value: e.target.value })}
          errors={errors.byField.value_cents}
          inputMode="decimal"
          name="value"
        />
      ) : null}
      <div className="field-pair">
        <TextField type="date" label={t('funding.form.validFrom')} value={v.validFrom} onChange={(e) => set({ validFrom: e.target.value })} errors={errors.byField.valid_from} name="valid_from" />
        <TextField
          type="date"
          label={t('funding.form.validUntil')}
          hint={t('funding.form.validUntilHint')}
          value={v.validUntil}
          onChange={(e) => set({ validUntil: e.target.value })}
          errors={errors.byField.valid_until}
          name="valid_until"
        />
      </div>
      <TextField
        label={t('funding.form.reference')}
        hint={t('funding.form.referenceHint')}
        value={v.reference}
        onChange={(e) => set({ reference: e.target.value })}
        errors={errors.byField.decision_reference}
        maxLength={100}
        name="decision_reference"
      />
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <Status>{done}</Status>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="record-grant">
          {busy ? t('orders.sending') : t('funding.form.record')}
        </button>
      </div>
    </form>
  );
}
