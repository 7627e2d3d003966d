import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { billingCsvUrl, billingOperations, billingXlsxUrl, type BillingLine } from '../../api/billing';
import { resources } from '../../i18n/resources';
import { dayBefore, describeCharge, describeLineRule, endedMonths, monthName, openDraft, periodMessage, shareOfLine, sortRuns, sortStatements } from './billingText';

// The API document of the server this UI is built with (scripts/web-build.sh assembles it).
const doc = JSON.parse(readFileSync(path.resolve(__dirname, '../../api/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};

let fi: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'fi', fallbackLng: 'en', interpolation: { escapeValue: false } });
  fi = i18n.getFixedT('fi');
  en = i18n.getFixedT('en');
});

/** Spaces of any width as one: Intl writes "253,50 €" with a no-break space. */
const plain = (s: string) => s.replace(/\s/g, ' ');

const line = (over: Partial<BillingLine>): BillingLine => ({
  id: 'bl_1',
  seq: 1,
  kind: 'charge',
  visit_id: 'v1',
  visit_date: '2026-10-13',
  order_id: 'o1',
  charge: 'delivery',
  charge_bp: 10000,
  minutes: 150,
  visit_price_cents: 10725,
  provider_id: 'p1',
  provider_name: 'Hervannan Kotisiivous Oy',
  client_id: 'c1',
  client_name: 'Aino Virtanen',
  payer_kind: 'organization',
  payer_id: 'w1',
  payer_name: 'Pirkanmaan hyvinvointialue',
  paid_to: 'provider',
  rule: 'voucher_per_hour',
  rate_cents: 2800,
  basis_points: null,
  amount_cents: 5600,
  vat_rate_bp: 0,
  price_source: 'agreement:a1',
  price: null,
  ...over,
});

describe('the billing operations', () => {
  it.each(Object.entries(billingOperations))('%s is in the API document', (_name, op) => {
    expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
  });

  it('downloads a run from its export address, the id encoded', () => {
    expect(billingCsvUrl('brun_1/x')).toBe('/api/v1/billing-runs/brun_1%2Fx/export.csv');
    expect(billingXlsxUrl('brun_1/x')).toBe('/api/v1/billing-runs/brun_1%2Fx/export.xlsx');
  });
});

describe('months', () => {
  it('names a month in the reader’s language, capitalized on request', () => {
    expect(monthName('2026-10', 'fi')).toBe('lokakuu 2026');
    expect(monthName('2026-10', 'fi', true)).toBe('Lokakuu 2026');
    expect(monthName('2026-10', 'sv')).toBe('oktober 2026');
    expect(monthName('2026-10', 'de')).toBe('Oktober 2026');
    expect(monthName('nonsense', 'en')).toBe('nonsense');
  });

  it('offers the months that have ended, the last one first, across a new year', () => {
    expect(endedMonths('2026-11-28', 3)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(endedMonths('2027-01-01', 2)).toEqual(['2026-12', '2026-11']);
    expect(endedMonths('', 2)).toEqual([]);
  });

  it('gives the last day of a period from its end, the day after', () => {
    expect(dayBefore('2026-11-01')).toBe('2026-10-31');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });
});

describe('runs', () => {
  it('lists the newest month first and finds the open draft', () => {
    const runs = [
      { id: 'a', period: '2026-09', created_at: '2026-10-02T08:00:00Z', state: 'locked' as const },
      { id: 'b', period: '2026-10', created_at: '2026-11-02T08:00:00Z', state: 'locked' as const },
      { id: 'c', period: '2026-10', created_at: '2026-11-20T08:00:00Z', state: 'draft' as const },
    ];
    expect(sortRuns(runs).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(openDraft(runs)?.id).toBe('c');
    expect(openDraft(runs.slice(0, 2))).toBeUndefined();
  });

  it('lists a provider’s statements newest month first, the latest locked first within a month', () => {
    const statements = [
      { run_id: 'a', period: '2026-09', locked_at: '2026-10-03T08:00:00Z' },
      { run_id: 'b', period: '2026-10', locked_at: '2026-11-02T08:00:00Z' },
      { run_id: 'c', period: '2026-10', locked_at: '2026-12-01T08:00:00Z' },
    ];
    expect(sortStatements(statements).map((s) => s.run_id)).toEqual(['c', 'b', 'a']);
  });
});

describe('a line in words', () => {
  it('says a voucher whose balance ran out in the visit for the time it paid, not the time worked', () => {
    expect(shareOfLine(line({})).quantity_minutes).toBe(120);
    expect(plain(describeLineRule(fi, line({}), 'EUR', 'fi'))).toBe('Palveluseteli 28,00 €/t × 2 t = 56,00 €');
  });

  it('says the time worked when the amount is no whole number of minutes at the rate', () => {
    expect(shareOfLine(line({ amount_cents: 5555 })).quantity_minutes).toBe(150);
  });

  it('says the client’s share as the client’s, to those who pay', () => {
    const rest = line({ rule: 'client_rest', rate_cents: null, amount_cents: 5125, payer_kind: 'client', payer_name: 'Aino Virtanen' });
    expect(plain(describeLineRule(fi, rest, 'EUR', 'fi'))).toBe('Asiakkaan omavastuuosuus 51,25 €');
    expect(plain(describeLineRule(en, rest, 'EUR', 'en'))).toMatch(/51\.25/);
  });

  it('names what was charged, with the part when less than the whole', () => {
    expect(describeCharge(fi, line({ charge: 'no_show' }), 'fi')).toBe('Asiakas ei ollut kotona');
    expect(plain(describeCharge(fi, line({ charge: 'late_cancellation', charge_bp: 5000 }), 'fi'))).toBe('Myöhäinen peruutus, veloitetaan 50 %');
    expect(describeCharge(en, line({ kind: 'credit' }), 'en')).toBe('Credit: Visit');
  });
});

describe('the server’s messages about the month', () => {
  it('says a month that has not ended with its name and first day', () => {
    const m = periodMessage(fi, 'A month is billed once it has ended: 2026-11 can be billed from 2026-12-01 on.', 'fi');
    expect(m).toBe('Kuukauden voi laskuttaa vasta, kun se on päättynyt: marraskuu 2026 on laskutettavissa 1.12.2026 alkaen.');
  });

  it('says a malformed month in words and leaves an unknown message as the server wrote it', () => {
    expect(periodMessage(fi, 'Give the month as YYYY-MM, for example 2026-10.', 'fi')).toBe('Valitse kuukausi luettelosta.');
    expect(periodMessage(fi, 'Something new.', 'fi')).toBe('Something new.');
  });
});
