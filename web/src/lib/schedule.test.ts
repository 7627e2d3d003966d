import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { addDays, describeSchedule, isoWeekday, localDate, minutesBetween, scheduleOf } from './schedule';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

describe('civil dates', () => {
  it('takes the date in the region’s zone, not the browser’s', () => {
    const lateEvening = new Date('2026-11-27T22:30:00Z');
    expect(localDate(lateEvening, 'Europe/Helsinki')).toBe('2026-11-28');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-11-27');
  });

  it('counts days across months and knows the weekday', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', -1)).toBe('2026-12-30');
    expect(isoWeekday('2026-11-27')).toBe(5);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(minutesBetween('10:00', '12:30')).toBe(150);
  });
});

describe('the order form’s schedule', () => {
  const choice = { repeat: 'weekly' as const, interval: 2, weekdays: [4, 2], startDate: '2026-12-01', windowStart: '10:00', windowEnd: '12:00', skipHolidays: true };

  it('sends a weekly schedule with sorted ISO weekdays, and a one-off without them', () => {
    expect(scheduleOf(choice)).toEqual({
      frequency: 'weekly',
      interval: 2,
      weekdays: [2, 4],
      start_date: '2026-12-01',
      window_start: '10:00',
      window_end: '12:00',
      skip_public_holidays: true,
    });
    expect(scheduleOf({ ...choice, repeat: 'once' })).toEqual({
      frequency: 'once',
      start_date: '2026-12-01',
      window_start: '10:00',
      window_end: '12:00',
      skip_public_holidays: false,
    });
    expect(scheduleOf({ ...choice, weekdays: [] }).weekdays).toEqual([2]);
  });

  it('says the schedule in words', () => {
    expect(describeSchedule(i18next.t, scheduleOf(choice), 'en')).toBe('Every 2 weeks on Tuesday and Thursday, 10:00–12:00, from Tue, 1 Dec 2026');
    expect(describeSchedule(i18next.t, scheduleOf({ ...choice, repeat: 'once' }), 'en')).toBe('Once on Tue, 1 Dec 2026, 10:00–12:00');
    expect(describeSchedule(i18next.t, { ...scheduleOf(choice), until: '2026-12-31' }, 'en')).toBe(
      'Every 2 weeks on Tuesday and Thursday, 10:00–12:00, from Tue, 1 Dec 2026, until Thu, 31 Dec 2026',
    );
  });
});
