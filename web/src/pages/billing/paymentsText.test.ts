import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientShare } from '../../api/billing';
import { resources } from '../../i18n/resources';
import { describePaymentCharge, describeTaxCredit, formatAmounts, formatVisitDay, groupByMonth, payeeName, taxCreditView, visitDayParts } from './paymentsText';

let fi: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'fi', fallbackLng: 'en', interpolation: { escapeValue: false } });
  fi = i18n.getFixedT('fi');
  en = i18n.getFixedT('en');
});

/** Spaces of any width as one: Intl writes "51,25 €" with a no-break space. */
const plain = (s: string | null) => (s ?? '').replace(/\s/g, ' ');

const share = (over: Partial<ClientShare>): ClientShare => ({
  line_id: 'bl_1',
  run_id: 'brun_1',
  period: '2026-10',
  purchaser_name: 'Pirkanmaan hyvinvointialue',
  provider_id: 'p1',
  provider_name: 'Hervannan Kotisiivous Oy',
  visit_id: 'v1',
  visit_date: '2026-10-13',
  charge: 'delivery',
  minutes: 150,
  rule: 'client_rest',
  rate_cents: null,
  amount_cents: 5125,
  currency: 'EUR',
  paid_to: 'provider',
  tax_credit: null,
  ...over,
});

describe('a client’s shares by month', () => {
  it('groups by the month billed, newest first, newest visit first, with the totals and payees', () => {
    const months = groupByMonth([
      share({ line_id: 'a', visit_date: '2026-10-06', amount_cents: 5125 }),
      share({ line_id: 'b', visit_date: '2026-10-20', amount_cents: 3900, charge: 'no_show' }),
      share({ line_id: 'c', period: '2026-09', visit_date: '2026-09-29', amount_cents: 2000, paid_to: 'purchaser', rule: 'client_fee' }),
      // Confirmed late: a September visit billed with October.
      share({ line_id: 'd', visit_date: '2026-09-30', amount_cents: 1000 }),
    ]);
    expect(months.map((m) => m.period)).toEqual(['2026-10', '2026-09']);
    expect(months[0]!.shares.map((s) => s.line_id)).toEqual(['b', 'a', 'd']);
    expect(months[0]!.totals).toEqual([{ currency: 'EUR', cents: 10025 }]);
    expect(months[0]!.payees).toEqual([{ paidTo: 'provider', name: 'Hervannan Kotisiivous Oy', currency: 'EUR', cents: 10025 }]);
    expect(months[1]!.payees).toEqual([{ paidTo: 'purchaser', name: 'Pirkanmaan hyvinvointialue', currency: 'EUR', cents: 2000 }]);
    expect(plain(formatAmounts(months[0]!.totals, 'fi'))).toBe('100,25 €');
  });

  it('pays a client fee to the purchaser and any other share to the provider', () => {
    expect(payeeName(share({ paid_to: 'purchaser' }))).toBe('Pirkanmaan hyvinvointialue');
    expect(payeeName(share({}))).toBe('Hervannan Kotisiivous Oy');
  });

  it('sums the month’s estimated tax credit, leaving out the shares without one', () => {
    const [m] = groupByMonth([
      share({ line_id: 'a', tax_credit: { excluded: null, labour_cents: 4000, rate_bp: 3500, amount_cents: 1400 } }),
      share({ line_id: 'b', tax_credit: { excluded: 'public_support', amount_cents: 0 } }),
      share({ line_id: 'c', tax_credit: null }),
    ]);
    expect(m!.taxCredit).toEqual([{ currency: 'EUR', cents: 1400 }]);
  });
});

describe('a share in words', () => {
  it('says what was charged, with the time of a visit done', () => {
    expect(describePaymentCharge(fi, share({}), 'fi')).toBe('Käynti, 2,5 t');
    expect(describePaymentCharge(fi, share({ charge: 'no_show' }), 'fi')).toBe('Ei kotona sovittuna aikana');
    expect(describePaymentCharge(en, share({ charge: 'late_cancellation' }), 'en')).toBe('Cancelled too late');
  });

  it('names the visit’s day with its weekday', () => {
    expect(formatVisitDay('2026-10-13', 'fi')).toBe('tiistai 13.10.2026');
    expect(formatVisitDay('2026-10-13', 'en')).toMatch(/^Tuesday,? 13\/10\/2026$/);
    expect(formatVisitDay('2026-10-13', 'de')).toMatch(/^Dienstag,? 13\.10\.2026$/);
    expect(visitDayParts('2026-10-13', 'fi')).toEqual({ weekday: 'tiistai ', date: '13.10.2026' });
    expect(formatVisitDay('bad', 'fi')).toBe('bad');
  });

  it('says the tax credit: an estimate, none for publicly supported work, or nothing', () => {
    const estimate = taxCreditView(share({ tax_credit: { excluded: null, labour_cents: 4000, rate_bp: 3500, amount_cents: 1400 } }));
    expect(estimate).toEqual({ kind: 'estimate', cents: 1400, rateBp: 3500, labourCents: 4000 });
    expect(plain(describeTaxCredit(fi, estimate, 'EUR', 'fi'))).toBe('Arvioitu kotitalousvähennys: 14,00 € (35 % työn osuudesta 40,00 €).');
    const none = taxCreditView(share({ tax_credit: { excluded: 'public_support', amount_cents: 0 } }));
    expect(none).toEqual({ kind: 'public_support' });
    expect(describeTaxCredit(fi, none, 'EUR', 'fi')).toMatch(/^Ei kotitalousvähennystä: .*palvelusetelillä/);
    expect(taxCreditView(share({ tax_credit: null }))).toBeNull();
    expect(taxCreditView(share({ tax_credit: { excluded: null, amount_cents: 0 } }))).toBeNull();
    expect(describeTaxCredit(fi, null, 'EUR', 'fi')).toBeNull();
  });
});
