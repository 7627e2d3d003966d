// Texts of services in the reader's language: localized names with a fallback, weekday and
// language names through Intl, opening days and hours.
import type { Language, LocalizedText } from '../api/types';
import { NATIVE_NAMES, isLanguage } from '../i18n/languages';
import { localeOf } from './format';

/** The order in which a missing translation is looked for: Finnish, Swedish, English, then any. */
export const TEXT_FALLBACK: readonly string[] = ['fi', 'sv', 'en'];

export interface PickedText {
  text: string;
  /** The language the text is in (for the lang attribute when it is not the page's). */
  lang: string;
}

/** The text in the reader's language, else Finnish, Swedish, English, else any non-empty one. */
export function pickText(text: LocalizedText | undefined | null, lang: string): PickedText {
  if (!text) return { text: '', lang };
  for (const l of [lang, ...TEXT_FALLBACK]) {
    const v = text[l];
    if (v && v.trim()) return { text: v, lang: l };
  }
  for (const [l, v] of Object.entries(text)) if (v && v.trim()) return { text: v, lang: l };
  return { text: '', lang };
}

/** `lang` for an element whose text may be in another language than the page; undefined if the same. */
export function langAttr(picked: PickedText, pageLang: string): string | undefined {
  return picked.lang === pageLang ? undefined : picked.lang;
}

/** Weekday codes of the API's open_on parameter, index 0 = Monday. */
export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export function isWeekdayCode(v: unknown): v is WeekdayCode {
  return typeof v === 'string' && (WEEKDAY_CODES as readonly string[]).includes(v);
}

/** "maanantai" / "ma": weekday 0 = Monday, in the reader's language. */
export function weekdayName(day: number, lang: Language, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + day, 12));
  return new Intl.DateTimeFormat(localeOf[lang], { weekday: width, timeZone: 'UTC' }).format(date);
}

/**
 * Open days in short form: runs of three or more days as a range ("ma–pe"), others listed:
 * [0,1,2,3,4,6] → "ma–pe, su". Empty for no days.
 */
export function summarizeDays(days: readonly number[], lang: Language): string {
  const sorted = [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) {
      parts.push(`${weekdayName(sorted[i]!, lang, 'short')}–${weekdayName(sorted[j]!, lang, 'short')}`);
    } else {
      for (let k = i; k <= j; k++) parts.push(weekdayName(sorted[k]!, lang, 'short'));
    }
    i = j + 1;
  }
  return parts.join(', ');
}

/** "08:00" as the language writes a time: "8.00" (fi), "08:00" (en-GB); the text itself if unreadable. */
export function formatClock(hhmm: string, lang: Language): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const format = (h: number, min: number) =>
    new Intl.DateTimeFormat(localeOf[lang], { hour: 'numeric', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' }).format(
      new Date(Date.UTC(2024, 0, 1, h, min)),
    );
  // Midnight at the end of a day: written as 24 with the language's separator.
  if (m[1] === '24') return format(12, 0).replace(/12/, '24');
  return format(Number(m[1]), Number(m[2]));
}

/** A language's name in the reader's language ("ruotsi" for sv in Finnish), else its own name. */
export function languageName(code: string, lang: Language): string {
  try {
    const name = new Intl.DisplayNames([localeOf[lang]], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // An old browser without Intl.DisplayNames.
  }
  return isLanguage(code) ? NATIVE_NAMES[code] : code;
}

/** Language names joined in the reader's language ("suomi ja ruotsi"). */
export function listLanguages(codes: readonly string[], lang: Language): string {
  return formatList(codes.map((c) => languageName(c, lang)), lang);
}

export function formatList(items: readonly string[], lang: Language): string {
  try {
    return new Intl.ListFormat(localeOf[lang], { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A rating 0 … 5 with one decimal in the reader's language: "4,5". */
export function formatRating(value: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
