import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { FundingShare } from '../api/types';
import { clientCents, describeShare, estimateVisit, formatMinutes, grantKindName, hoursToMinutes, moneyToCents } from './funding';

// t() that shows the key and its values, so the wording's parts can be checked.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key}${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('what a person types', () => {
  it('takes hours with a comma or a point and sends minutes', () => {
    expect(hoursToMinutes('4')).toBe(240);
    expect(hoursToMinutes('1,5')).toBe(90);
    expect(hoursToMinutes('2.25 h')).toBe(135);
    expect(hoursToMinutes('0')).toBeNull();
    expect(hoursToMinutes('neljä')).toBeNull();
  });

  it('takes euros and sends cents', () => {
    expect(moneyToCents('28')).toBe(2800);
    expect(moneyToCents('28,50 €')).toBe(2850);
    expect(moneyToCents('-1')).toBeNull();
  });

  it('writes minutes as hours, and short times in minutes', () => {
    expect(formatMinutes(120, 'en')).toMatch(/^2\s?h/);
    expect(formatMinutes(90, 'fi')).toMatch(/^1,5/);
    expect(formatMinutes(45, 'en')).toMatch(/^45/);
  });
});

describe('estimateVisit', () => {
  const agreement = { model: 'hourly', amount_cents: 3900, currency: 'EUR', billing_unit_minutes: 15, minimum_minutes: 60, minimum_cents: 0 };

  it('bills started units and at least the minimum, as the server prices a delivery', () => {
    expect(estimateVisit(agreement, 120)).toEqual({ price_cents: 7800, billable_minutes: 120 });
    expect(estimateVisit(agreement, 100)).toEqual({ price_cents: 6825, billable_minutes: 105 });
    expect(estimateVisit(agreement, 30)).toEqual({ price_cents: 3900, billable_minutes: 60 });
  });

  it('charges a service its minimum and a visit price once', () => {
    expect(estimateVisit({ ...agreement, amount_cents: 4290, minimum_minutes: 0, minimum_cents: 8580 }, 60).price_cents).toBe(8580);
    expect(estimateVisit({ ...agreement, model: 'per_visit', amount_cents: 8900 }, 180).price_cents).toBe(8900);
  });
});

describe('describeShare', () => {
  const voucher: FundingShare = { kind: 'voucher', client: false, amount_cents: 5600, rule: 'voucher_per_hour', rate_cents: 2800, quantity_minutes: 120, capped: false };
  const rest: FundingShare = { kind: 'client', client: true, amount_cents: 2200, rule: 'client_rest' };

  it('words a voucher as rate × time = amount and the rest as the client’s share', () => {
    expect(describeShare(t, voucher, 'EUR', 'en')).toBe('split.perHour{"label":"split.voucher","rate":"€28.00","time":"2 hrs","total":"€56.00"}');
    expect(describeShare(t, rest, 'EUR', 'en')).toBe('split.yourShare{"amount":"€22.00"}');
    expect(clientCents([voucher, rest])).toBe(2200);
  });

  it('says when the balance ran out and what it still covered', () => {
    const capped = { ...voucher, amount_cents: 2800, capped: true };
    expect(describeShare(t, capped, 'EUR', 'en')).toContain('split.covers{"amount":"€28.00"} split.usedUp');
  });
});

describe('grantKindName', () => {
  const t = ((key: string) => key) as unknown as TFunction;

  it('names the law of a relief budget that rests on a care grade', () => {
    expect(grantKindName(t, { kind: 'periodic_budget', care_grade: 2 })).toBe('funding.reliefAmount');
    expect(grantKindName(t, { kind: 'periodic_budget', care_grade: null })).toBe('funding.kinds.periodic_budget');
    expect(grantKindName(t, { kind: 'voucher', care_grade: null })).toBe('funding.kinds.voucher');
  });
});
