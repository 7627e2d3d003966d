// Dates, numbers and money in the reader's language, through Intl.
import type { Language } from '../api/types';

/** The locale each UI language formats with (Swedish as written in Finland, English with 24 h). */
export const localeOf: Record<Language, string> = {
  fi: 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
  de: 'de-DE',
  da: 'da-DK',
};

export interface FormatOptions {
  /** IANA zone; stored times are UTC and shown in the region's zone. Default: the browser's. */
  timeZone?: string | undefined;
}

function parse(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "24.11.2025 klo 14.03" / "24 Nov 2025, 14:03"; '' for a missing or unreadable time. */
export function formatDateTime(value: string | Date | null | undefined, lang: Language, o: FormatOptions = {}): string {
  if (value === null || value === undefined) return '';
  const d = parse(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(localeOf[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: o.timeZone,
  }).format(d);
}

/** The date only, in the long form ("24. marraskuuta 2025"). */
export function formatDate(value: string | Date | null | undefined, lang: Language, o: FormatOptions = {}): string {
  if (value === null || value === undefined) return '';
  const d = parse(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(localeOf[lang], { dateStyle: 'long', timeZone: o.timeZone }).format(d);
}

/** "3 minutes ago", "in 2 days": for times near now. */
export function formatRelative(value: string | Date, lang: Language, now: Date = new Date()): string {
  const d = parse(value);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(localeOf[lang], { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang]).format(value);
}

/** Money is integer minor units with an ISO 4217 currency: formatMoney(12350, 'EUR', 'fi') → "123,50 €". */
export function formatMoney(minorUnits: number, currency: string, lang: Language): string {
  const nf = new Intl.NumberFormat(localeOf[lang], { style: 'currency', currency });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  return nf.format(minorUnits / 10 ** digits);
}

/**
 * The end of a calendar day picked in a date input ("2026-03-31"), in the browser's zone, as
 * RFC 3339 UTC; null for an empty or malformed value.
 */
export function endOfLocalDay(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  if (d.getMonth() !== Number(m[2]) - 1) return null;
  return d.toISOString();
}

/** The start of a calendar day picked in a date input, in the browser's zone, as RFC 3339 UTC. */
export function startOfLocalDay(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0);
  if (d.getMonth() !== Number(m[2]) - 1) return null;
  return d.toISOString();
}

/** A TOTP secret in groups of four, easier to type from the screen: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** A short readable device name from a User-Agent string: "Firefox on Windows". */
export function describeUserAgent(ua: string): { browser: string; system: string } {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iOS/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return { browser, system };
}
