// The pure parts of "My payments" (issue 21, journey 6): a client's own shares of the locked runs
// grouped by the month billed, each month's totals per currency and per payee, what was charged
// in words, and the household tax-credit estimate as the visit was priced. No React here.
import type { TFunction } from 'i18next';
import type { BillingCharge, ClientShare } from '../../api/billing';
import type { Language } from '../../api/types';
import { formatMoney, formatNumber, localeOf } from '../../lib/format';
import { formatMinutes } from '../../lib/funding';
import { BILLING_CHARGES } from './billingText';

/** An amount in one currency (a month's shares are normally all in one). */
export interface Amount {
  currency: string;
  cents: number;
}

/** Whom a month's shares are paid to, and how much. */
export interface Payee {
  paidTo: ClientShare['paid_to'];
  name: string;
  currency: string;
  cents: number;
}

/** The shares of one month billed, newest visit first, with the month's totals. */
export interface PaymentMonth {
  period: string;
  shares: ClientShare[];
  totals: Amount[];
  payees: Payee[];
  /** the estimated household tax credit of the month's shares that have one */
  taxCredit: Amount[];
}

/** The key of what was charged, in the words said to the client's side. */
export function paymentChargeKey(charge: BillingCharge | string): string {
  return `payments.charges.${(BILLING_CHARGES as readonly string[]).includes(charge) ? charge : 'delivery'}`;
}

/** Whom a share is paid to: the provider, or the purchaser for a client fee. */
export function payeeName(share: Pick<ClientShare, 'paid_to' | 'provider_name' | 'purchaser_name'>): string {
  return share.paid_to === 'purchaser' ? share.purchaser_name : share.provider_name;
}

/** The tax credit of a share as the page says it: an estimate, none because of public support, or nothing at all. */
export type TaxCreditView =
  | { kind: 'estimate'; cents: number; rateBp: number; labourCents: number }
  | { kind: 'public_support' }
  | null;

export function taxCreditView(share: Pick<ClientShare, 'tax_credit'>): TaxCreditView {
  const tc = share.tax_credit;
  if (!tc) return null;
  if (tc.excluded === 'public_support') return { kind: 'public_support' };
  if ((tc.amount_cents ?? 0) > 0) return { kind: 'estimate', cents: tc.amount_cents!, rateBp: tc.rate_bp ?? 0, labourCents: tc.labour_cents ?? 0 };
  return null;
}

function add(into: Amount[], currency: string, cents: number) {
  const found = into.find((a) => a.currency === currency);
  if (found) found.cents += cents;
  else into.push({ currency, cents });
}

/**
 * The shares by the month of the run that billed them, newest month first; within a month the
 * newest visit first (the order the server gives, kept for equal days).
 */
export function groupByMonth(shares: readonly ClientShare[]): PaymentMonth[] {
  const months = new Map<string, PaymentMonth>();
  for (const s of shares) {
    let m = months.get(s.period);
    if (!m) {
      m = { period: s.period, shares: [], totals: [], payees: [], taxCredit: [] };
      months.set(s.period, m);
    }
    m.shares.push(s);
    add(m.totals, s.currency, s.amount_cents);
    const name = payeeName(s);
    const payee = m.payees.find((p) => p.paidTo === s.paid_to && p.name === name && p.currency === s.currency);
    if (payee) payee.cents += s.amount_cents;
    else m.payees.push({ paidTo: s.paid_to, name, currency: s.currency, cents: s.amount_cents });
    const tc = taxCreditView(s);
    if (tc?.kind === 'estimate') add(m.taxCredit, s.currency, tc.cents);
  }
  const out = [...months.values()].sort((a, b) => b.period.localeCompare(a.period));
  for (const m of out) {
    const order = new Map(m.shares.map((s, i) => [s.line_id, i]));
    m.shares.sort((a, b) => b.visit_date.localeCompare(a.visit_date) || order.get(a.line_id)! - order.get(b.line_id)!);
  }
  return out;
}

/** Amounts in several currencies as one text: "141,50 €" (or "141,50 € + 300,00 kr."). */
export function formatAmounts(amounts: readonly Amount[], lang: Language): string {
  return amounts.map((a) => formatMoney(a.cents, a.currency, lang)).join(' + ');
}

/**
 * A visit's day with its weekday, as the reader says it: "tiistai 13.10.2026", "Tuesday, 13/10/2026";
 * in two parts, the weekday (with what follows it) and the date, so that the date stays in one piece.
 * The weekday stands alone (a heading, not "on Tuesday": Finnish would say "tiistaina").
 */
export function visitDayParts(date: string, lang: Language): { weekday: string; date: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { weekday: '', date };
  const day = new Date(`${date}T12:00:00Z`);
  const weekday = new Intl.DateTimeFormat(localeOf[lang], { weekday: 'long', timeZone: 'UTC' }).format(day);
  const parts = new Intl.DateTimeFormat(localeOf[lang], { weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(day);
  const at = parts.findIndex((p) => p.type === 'weekday');
  // The weekday and the separator after it ("Tuesday, "); the rest is the date.
  if (at !== 0) return { weekday: '', date: parts.map((p) => (p.type === 'weekday' ? weekday : p.value)).join('') };
  const separator = parts[1]?.type === 'literal' ? parts[1].value : ' ';
  const rest = parts.slice(parts[1]?.type === 'literal' ? 2 : 1).map((p) => p.value).join('');
  return { weekday: `${weekday}${separator}`, date: rest };
}

/** The same as one text. */
export function formatVisitDay(date: string, lang: Language): string {
  const { weekday, date: day } = visitDayParts(date, lang);
  return `${weekday}${day}`;
}

/** What was charged in words, with the time for a visit done: "Käynti, 2,5 t". */
export function describePaymentCharge(t: TFunction, share: Pick<ClientShare, 'charge' | 'minutes'>, lang: Language): string {
  const what = t(paymentChargeKey(share.charge));
  return share.charge === 'delivery' && share.minutes > 0 ? t('payments.share.chargeWithTime', { charge: what, time: formatMinutes(share.minutes, lang) }) : what;
}

/** The estimate in words: "Arvioitu kotitalousvähennys 12,30 € (35 % työn osuudesta 35,14 €)". */
export function describeTaxCredit(t: TFunction, view: TaxCreditView, currency: string, lang: Language): string | null {
  if (!view) return null;
  if (view.kind === 'public_support') return t('payments.taxCredit.publicSupport');
  return t('payments.taxCredit.estimate', {
    amount: formatMoney(view.cents, currency, lang),
    percent: formatNumber(view.rateBp / 100, lang),
    labour: formatMoney(view.labourCents, currency, lang),
  });
}
