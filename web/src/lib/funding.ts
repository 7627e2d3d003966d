// Who pays what, in words: a grant and its balance, each share of a delivery's split, and the
// estimate of a visit's price before it is ordered. Money is integer cents, time integer minutes;
// what a person types ("1,5" hours, "28,00" euros) is converted here and nowhere else.
import type { TFunction } from 'i18next';
import type { FundingShare, Grant, GrantBalance, GrantKind, Language } from '../api/types';
import { formatMoney, localeOf } from './format';
import { parseDecimal } from './price';

/** The kinds a public payer decides (an employer's benefit is decided by its HR, elsewhere). */
export const PUBLIC_KINDS: readonly GrantKind[] = ['voucher', 'purchased_service', 'free_choice', 'periodic_budget'];

/** "2 h", "1,5 h", "45 min" in the reader's language. */
export function formatMinutes(minutes: number, lang: Language): string {
  if (Math.abs(minutes) < 60 && minutes % 60 !== 0) {
    return new Intl.NumberFormat(localeOf[lang], { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
  }
  return new Intl.NumberFormat(localeOf[lang], {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 2,
  }).format(minutes / 60);
}

/** Hours as typed ("4", "1,5", "2.25 h") → whole minutes; null when not a positive number. */
export function hoursToMinutes(text: string): number | null {
  const v = parseDecimal(text.replace(/\s*h$/i, ''));
  if (v === null || v <= 0) return null;
  return Math.round(v * 60);
}

/** Money as typed ("28", "28,50 €") → cents; null when not a number of at least 0. */
export function moneyToCents(text: string): number | null {
  const v = parseDecimal(text);
  if (v === null || v < 0) return null;
  return Math.round(v * 100);
}

/** Cents as a person would type them back: 2800 → "28,00" (fi) / "28.00" (en). */
export function centsToInput(cents: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    cents / 100,
  );
}

/** A grant's amount per period: "4 h a month", "2 visits a week", "131,00 € a month". */
export function describeAllowance(t: TFunction, g: Grant, lang: Language): string {
  if (g.quantity === null || g.quantity === undefined) return '';
  const amount =
    g.unit === 'hour'
      ? formatMinutes(g.quantity, lang)
      : g.unit === 'visit'
        ? t('funding.visits', { count: g.quantity })
        : formatMoney(g.quantity, g.currency, lang);
  return g.period && g.period !== 'none' ? t(`funding.per.${g.period}`, { amount }) : amount;
}

/** What is left in the balance's unit: "3 h", "1 visit", "45,00 €". */
export function formatBalanceAmount(t: TFunction, b: GrantBalance, amount: number, currency: string, lang: Language): string {
  if (b.unit === 'minutes') return formatMinutes(amount, lang);
  if (b.unit === 'visits') return t('funding.visits', { count: amount });
  return formatMoney(amount, currency, lang);
}

/** The voucher's (or fee's) value per unit: "28,00 €/h" / "35,00 € per visit". */
export function describeValue(t: TFunction, g: Grant, lang: Language): string {
  const cents = g.kind === 'purchased_service' ? (g.fee_cents ?? 0) : (g.value_cents ?? 0);
  if (cents <= 0) return '';
  const money = formatMoney(cents, g.currency, lang);
  const unit = g.kind === 'purchased_service' ? g.fee_unit : g.unit;
  return unit === 'visit' ? t('funding.perVisit', { money }) : unit === 'hour' ? t('funding.perHour', { money }) : money;
}

/**
 * One share of a split in words, as the funding engine computed it (src/dispatch/funding_split.cpp):
 * "Palveluseteli 28,00 €/h × 2 h = 56,00 €", "Your share 22,00 €".
 */
export function describeShare(t: TFunction, s: FundingShare, currency: string, lang: Language, forClient = true): string {
  const amount = formatMoney(s.amount_cents ?? 0, currency, lang);
  const rate = formatMoney(s.rate_cents ?? 0, currency, lang);
  const time = formatMinutes(s.quantity_minutes ?? 0, lang);
  const full = Math.round(((s.rate_cents ?? 0) * (s.quantity_minutes ?? 0)) / 60);
  const capped = s.capped ? ` ${t('split.usedUp')}` : '';
  const perHour = (label: string) => {
    const base = t('split.perHour', { label, rate, time, total: formatMoney(full, currency, lang) });
    return (full === s.amount_cents ? base : `${base} ${t('split.covers', { amount })}`) + capped;
  };
  switch (s.rule) {
    case 'voucher_per_hour':
      return perHour(t('split.voucher'));
    case 'free_choice':
      return perHour(t('split.freeChoice'));
    case 'voucher_per_visit':
      return t('split.perVisit', { label: t('split.voucher'), rate, amount });
    case 'voucher_monthly':
      return `${t('split.amount', { label: t('split.voucher'), amount })}${capped}`;
    case 'purchased_service':
      return t('split.amount', { label: t('split.purchaser'), amount });
    case 'client_fee':
      return t('split.clientFee', { amount });
    case 'budget':
      return `${t('split.amount', { label: t('split.budget'), amount })}${capped}`;
    case 'employer_benefit':
      return `${t('split.amount', { label: t('split.employer'), amount })}${s.capped ? ` ${t('split.yearlyCap')}` : ''}`;
    case 'employer_copay':
      return t(forClient ? 'split.copay' : 'split.clientCopay', { amount });
    default:
      return t(forClient ? 'split.yourShare' : 'split.clientShare', { amount });
  }
}

/** What the client pays in a split: the shares marked as the client's. */
export function clientCents(shares: readonly FundingShare[]): number {
  return shares.filter((s) => s.client).reduce((sum, s) => sum + (s.amount_cents ?? 0), 0);
}

/** How a provider prices a visit, from an agreement or a published service. */
export interface VisitPricing {
  model: string;
  /** per hour for "hourly", per visit for "per_visit" and "fixed" */
  amount_cents: number;
  currency: string;
  /** time is billed in started units of this many minutes (1 when the price list says nothing) */
  billing_unit_minutes: number;
  /** at least this many minutes are billed */
  minimum_minutes: number;
  /** at least this much is charged */
  minimum_cents: number;
}

/** The price of one visit of `minutes` and the minutes billed for it, as the server prices a delivery. */
export function estimateVisit(p: VisitPricing, minutes: number): { price_cents: number; billable_minutes: number } {
  const unit = Math.max(1, p.billing_unit_minutes);
  const billable = Math.max(Math.ceil(minutes / unit) * unit, p.minimum_minutes);
  if (p.model !== 'hourly') return { price_cents: Math.max(p.amount_cents, p.minimum_cents), billable_minutes: billable };
  const price = Math.round((p.amount_cents * billable) / 60);
  return { price_cents: Math.max(price, p.minimum_cents), billable_minutes: billable };
}

/**
 * A grant's kind in words; a relief budget resting on a care grade names its law:
 * "Entlastungsbetrag (§ 45b SGB XI)".
 */
export function grantKindName(t: TFunction, g: Pick<Grant, 'kind' | 'care_grade'>): string {
  if (g.kind === 'periodic_budget' && g.care_grade !== null && g.care_grade !== undefined) return t('funding.reliefAmount');
  return t(`funding.kinds.${g.kind}`);
}
