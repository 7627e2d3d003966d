// An order's schedule: civil dates (YYYY-MM-DD) and wall-clock windows ("10:00") in the region's
// zone, as the API takes them; the order form's choices; and the schedule in words.
import type { TFunction } from 'i18next';
import type { Language, Schedule } from '../api/types';
import { localeOf } from './format';
import { formatClock } from './serviceText';

/** A civil date in a zone: localDate(new Date(), 'Europe/Helsinki') → "2026-11-27". */
export function localDate(at: Date, timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** "2026-11-27" + 3 → "2026-11-30"; undefined for a malformed date. */
export function addDays(date: string, days: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days, 12));
  return d.toISOString().slice(0, 10);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a civil date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`);
  return ((d.getUTCDay() + 6) % 7) + 1;
}

/** A civil date in the reader's language: "pe 4.12.2026" / "Fri 4 Dec 2026". */
export function formatCivilDate(date: string | null | undefined, lang: Language, withWeekday = true): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return new Intl.DateTimeFormat(localeOf[lang], {
    weekday: withWeekday ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** ISO weekday 1..7 in the reader's language ("tiistai", "Tue"). */
export function isoWeekdayName(day: number, lang: Language, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(localeOf[lang], { weekday: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day, 12)),
  );
}

/** Weekdays as the language lists them: "tiistai ja torstai". */
export function weekdayList(days: readonly number[], lang: Language): string {
  const names = [...new Set(days)].sort((a, b) => a - b).map((d) => isoWeekdayName(d, lang));
  return new Intl.ListFormat(localeOf[lang], { style: 'long', type: 'conjunction' }).format(names);
}

/** "10.00–12.00" (fi) / "10:00–12:00" (en); '' without a window. */
export function timeWindow(s: Pick<Schedule, 'window_start' | 'window_end'>, lang: Language): string {
  if (!s.window_start && !s.window_end) return '';
  return `${formatClock(s.window_start ?? '', lang)}–${formatClock(s.window_end ?? '', lang)}`;
}

/**
 * The schedule in a sentence: "Kerran pe 4.12.2026, klo 9.00–12.00", "Every 2 weeks on Tuesday,
 * 10:00–12:00, from Tue 1 Dec 2026".
 */
export function describeSchedule(t: TFunction, s: Schedule | undefined, lang: Language): string {
  if (!s) return '';
  const window = timeWindow(s, lang);
  const start = formatCivilDate(s.start_date, lang);
  const frequency = s.frequency ?? 'once';
  if (frequency === 'once') return t('schedule.once', { date: start, window });
  const interval = s.interval && s.interval > 1 ? s.interval : 1;
  const text =
    frequency === 'monthly'
      ? t('schedule.monthly', { count: interval, day: s.month_day || Number(s.start_date.slice(8, 10)), window, start })
      : t('schedule.weekly', {
          count: interval,
          days: weekdayList(s.weekdays && s.weekdays.length > 0 ? s.weekdays : [isoWeekday(s.start_date)], lang),
          window,
          start,
        });
  // A recurring order with an end says when it ends.
  return s.until ? t('schedule.until', { schedule: text, date: formatCivilDate(s.until, lang) }) : text;
}

/** What the order form asks about the schedule. */
export interface ScheduleChoice {
  repeat: 'once' | 'weekly';
  /** every n weeks */
  interval: number;
  weekdays: number[];
  startDate: string;
  windowStart: string;
  windowEnd: string;
  skipHolidays: boolean;
}

/** The form's choice as the API's schedule; a weekly schedule without days takes the first date's. */
export function scheduleOf(c: ScheduleChoice): Schedule {
  if (c.repeat === 'once') {
    return {
      frequency: 'once',
      start_date: c.startDate,
      window_start: c.windowStart,
      window_end: c.windowEnd,
      skip_public_holidays: false,
    };
  }
  return {
    frequency: 'weekly',
    interval: Math.max(1, Math.round(c.interval)),
    weekdays: c.weekdays.length > 0 ? [...c.weekdays].sort((a, b) => a - b) : [isoWeekday(c.startDate)],
    start_date: c.startDate,
    window_start: c.windowStart,
    window_end: c.windowEnd,
    skip_public_holidays: c.skipHolidays,
  };
}

/** Minutes between two "HH:MM" times; null when either is unreadable. */
export function minutesBetween(from: string, to: string): number | null {
  const a = /^(\d{1,2}):(\d{2})$/.exec(from);
  const b = /^(\d{1,2}):(\d{2})$/.exec(to);
  if (!a || !b) return null;
  return Number(b[1]) * 60 + Number(b[2]) - (Number(a[1]) * 60 + Number(a[2]));
}
