// The pure parts of the billing pages (issue 21): months as the reader says them, which months may
// be billed, the keys of states and charges, a line's split rule in the words of the funding
// pages, and the server's messages about the period in the reader's language. No React here.
import type { TFunction } from 'i18next';
import type { BillingCharge, BillingLine, BillingRun, BillingRunState, StatementRun } from '../../api/billing';
import type { FundingShare, Language } from '../../api/types';
import { describeShare } from '../../lib/funding';
import { formatMoney, localeOf } from '../../lib/format';
import { formatRate } from '../../lib/price';
import { translateFieldMessage } from '../../lib/errors';

export const BILLING_STATES: readonly BillingRunState[] = ['draft', 'locked'];
export const BILLING_CHARGES: readonly BillingCharge[] = ['delivery', 'no_show', 'late_cancellation'];
/** Line kinds other than a plain charge (corrections of a locked run's line). */
export const CORRECTION_KINDS = ['credit', 'debit'] as const;

/** How many ended months the new run's chooser offers. */
export const MONTHS_OFFERED = 24;

/** The form's fields, where the server's 422 messages stand. */
export const RUN_FIELDS = ['period'] as const;

export function stateKey(state: BillingRunState | string): string {
  return `billing.states.${state === 'locked' ? 'locked' : 'draft'}`;
}

export function chargeKey(charge: BillingCharge | string): string {
  return `billing.charges.${(BILLING_CHARGES as readonly string[]).includes(charge) ? charge : 'delivery'}`;
}

const PERIOD = /^(\d{4})-(\d{2})$/;

/** "lokakuu 2026", "oktober 2026", "October 2026"; the text itself for a malformed period. */
export function monthName(period: string, lang: Language, capitalized = false): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  const text = new Intl.DateTimeFormat(localeOf[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)),
  );
  return capitalized ? text.charAt(0).toLocaleUpperCase(localeOf[lang]) + text.slice(1) : text;
}

/** A civil date (YYYY-MM-DD) as the reader writes it, "7.10.2026"; the text itself when malformed. */
export function formatDay(date: string, lang: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return new Intl.DateTimeFormat(localeOf[lang], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The day before a civil date: a run's period_end is the day after its last. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The months that have ended on `today` (YYYY-MM-DD, the purchaser's day), newest first:
 * the month before today's, and `count - 1` before it.
 */
export function endedMonths(today: string, count = MONTHS_OFFERED): string[] {
  const m = /^(\d{4})-(\d{2})/.exec(today);
  if (!m) return [];
  let year = Number(m[1]);
  let month = Number(m[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    out.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
  }
  return out;
}

/** The runs newest period first, and within a period the newest run first. */
export function sortRuns<R extends Pick<BillingRun, 'period' | 'created_at'>>(runs: readonly R[]): R[] {
  return [...runs].sort((a, b) => b.period.localeCompare(a.period) || b.created_at.localeCompare(a.created_at));
}

/** A provider's statements newest period first, and within a period the latest locked first. */
export function sortStatements<S extends Pick<StatementRun, 'period' | 'locked_at'>>(statements: readonly S[]): S[] {
  return [...statements].sort((a, b) => b.period.localeCompare(a.period) || b.locked_at.localeCompare(a.locked_at));
}

/** The purchaser's open draft, if any (the server allows one at a time). */
export function openDraft<R extends Pick<BillingRun, 'state'>>(runs: readonly R[]): R | undefined {
  return runs.find((r) => r.state === 'draft');
}

/**
 * A line as the share of the split it came from, for describeShare: the minutes a per-hour share
 * paid for are the amount over the rate when that is whole (a voucher whose balance ran out in
 * the visit pays for fewer minutes than were worked), else the visit's billed minutes.
 */
export function shareOfLine(line: Pick<BillingLine, 'rule' | 'rate_cents' | 'basis_points' | 'amount_cents' | 'minutes' | 'payer_kind'>): FundingShare {
  const rate = line.rate_cents ?? 0;
  let minutes = line.minutes;
  if (rate > 0) {
    const paid = Math.round((line.amount_cents * 60) / rate);
    if (Math.round((rate * paid) / 60) === line.amount_cents) minutes = paid;
  }
  return {
    rule: line.rule,
    amount_cents: line.amount_cents,
    rate_cents: rate,
    quantity_minutes: minutes,
    basis_points: line.basis_points ?? undefined,
    client: line.payer_kind === 'client',
  };
}

/** A line's rule in words, as the funding pages say a share to those who pay: "Palveluseteli 28,00 €/t × 2 t = 56,00 €". */
export function describeLineRule(t: TFunction, line: BillingLine, currency: string, lang: Language): string {
  return describeShare(t, shareOfLine(line), currency, lang, false);
}

/** What was charged in words: "Asiakas ei ollut kotona, 50 %" when less than the full price was charged. */
export function describeCharge(t: TFunction, line: Pick<BillingLine, 'charge' | 'charge_bp' | 'kind'>, lang: Language): string {
  const base = t(chargeKey(line.charge));
  const part = line.charge_bp !== undefined && line.charge_bp !== 10_000 ? t('billing.lines.chargedPart', { charge: base, part: formatRate(line.charge_bp, lang) }) : base;
  return (CORRECTION_KINDS as readonly string[]).includes(line.kind) ? t('billing.lines.correction', { kind: t(`billing.lineKinds.${line.kind}`), charge: part }) : part;
}

/** "5 lines, 253,50 €" for a run or a total. */
export function linesAndAmount(t: TFunction, lines: number, cents: number, currency: string, lang: Language): string {
  return t('billing.linesAndAmount', { lines: t('billing.lineCount', { count: lines }), amount: formatMoney(cents, currency, lang) });
}

const NOT_ENDED = /^A month is billed once it has ended: (\d{4}-\d{2}) can be billed from (\d{4}-\d{2}-\d{2}) on\.$/;
const MALFORMED = 'Give the month as YYYY-MM, for example 2026-10.';

/** The server's message about the period (src/billing/billing_service.cpp) in the reader's words. */
export function periodMessage(t: TFunction, message: string, lang: Language): string {
  const m = NOT_ENDED.exec(message);
  if (m) return t('fieldMessages.billingPeriodNotEnded', { month: monthName(m[1]!, lang), date: formatDay(m[2]!, lang) });
  if (message === MALFORMED) return t('fieldMessages.billingPeriod');
  return translateFieldMessage(t, message);
}
