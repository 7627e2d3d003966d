// Prices of the service directory: integer minor units (cents) with VAT included, rates in basis
// points (2550 = 25.5 %), and what the Finnish household deduction would give back.
import type { Language, ServicePrice } from '../api/types';
import { formatMoney, localeOf } from './format';

/**
 * Finnish household deduction (kotitalousvähennys), rule of the tax year 2026: 35 % of the labour
 * part of the price (VAT included) of household and care work such as cleaning and home help.
 * Nothing else is subtracted here: the yearly own share (omavastuu) and the yearly maximum depend on
 * the household's whole year, so the figure shown is always called an estimate. Change the rate
 * here when the law changes.
 */
export const HOUSEHOLD_DEDUCTION_RATE_BP = 3500;

/** Where a service is given, as far as the deduction cares: its municipalities and districts. */
export interface PlaceCodes {
  municipalities?: readonly string[] | null;
  districts?: readonly string[] | null;
}

/** Whether a service's area is in Finland (place codes "fi-…"); true when the area is not known. */
export function inFinland(area?: PlaceCodes | null): boolean {
  if (!area) return true;
  const codes = [...(area.municipalities ?? []), ...(area.districts ?? [])];
  return codes.length === 0 || codes.some((c) => c.startsWith('fi-'));
}

/**
 * The deduction applies to Finnish prices in euros whose labour share the provider has given; a
 * service given elsewhere (a German one also prices in euros) gets none here.
 */
export function deductionApplies(price: Pick<ServicePrice, 'currency' | 'labour_share_bp'>, area?: PlaceCodes | null): boolean {
  return price.currency === 'EUR' && (price.labour_share_bp ?? 0) > 0 && inFinland(area);
}

/** The labour part of a price, in cents (rounded to the cent). */
export function labourPart(amount: number, labourShareBp: number): number {
  return Math.round((amount * labourShareBp) / 10_000);
}

/**
 * What the household deduction would give back of one unit of the price, in cents; null when it
 * does not apply (no labour share, not euros).
 */
export function householdDeductionEstimate(
  price: Pick<ServicePrice, 'amount' | 'currency' | 'labour_share_bp'>,
  area?: PlaceCodes | null,
): number | null {
  if (!deductionApplies(price, area)) return null;
  return Math.round((price.amount * (price.labour_share_bp ?? 0) * HOUSEHOLD_DEDUCTION_RATE_BP) / 100_000_000);
}

/** The price after the deduction estimate, in cents (the price itself when none applies). */
export function priceAfterDeduction(price: Pick<ServicePrice, 'amount' | 'currency' | 'labour_share_bp'>): number {
  return price.amount - (householdDeductionEstimate(price) ?? 0);
}

export function formatPrice(cents: number, currency: string, lang: Language): string {
  return formatMoney(cents, currency, lang);
}

/** "25,5 %" / "25.5%": a rate in basis points as the language writes a percentage. */
export function formatRate(bp: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang], { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

function decimalSeparator(lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang]).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * A decimal number someone typed, with a comma or a point, spaces and a trailing currency or
 * percent sign allowed: "32,50", "1 200.5 €", "25,5 %". Null when it is not a number.
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|eur|kr|dkk|sek|%)$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Euros (or crowns) typed by a person as cents; null when not a number or more than two decimals. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|eur|kr|dkk|sek)$/i, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** A percentage typed by a person ("25,5") as basis points (2550); null outside 0 … 100 %. */
export function parsePercent(text: string): number | null {
  const value = parseDecimal(text);
  if (value === null || value > 100) return null;
  const bp = Math.round(value * 100);
  return Math.abs(bp - value * 100) < 1e-6 ? bp : null;
}

/** Cents for an input field: "32,50" in Finnish, "32.50" in English; whole amounts without decimals. */
export function moneyForInput(cents: number, lang: Language): string {
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  return frac === 0 ? String(whole) : `${whole}${decimalSeparator(lang)}${String(frac).padStart(2, '0')}`;
}

/** Basis points for an input field: 2550 → "25,5" (fi). */
export function percentForInput(bp: number, lang: Language): string {
  const text = String(bp / 100);
  return text.replace('.', decimalSeparator(lang));
}
