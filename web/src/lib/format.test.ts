import { describe, expect, it } from 'vitest';
import {
  describeUserAgent,
  endOfLocalDay,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatRelative,
  groupSecret,
  startOfLocalDay,
} from './format';

const at = '2025-11-24T12:03:00.000Z'; // 14:03 in Helsinki, 13:03 in Berlin
const hki = { timeZone: 'Europe/Helsinki' };

describe('formatDateTime', () => {
  it('writes each language its own way, in the region zone', () => {
    expect(formatDateTime(at, 'fi', hki)).toMatch(/24\.11\.2025.*14\.03/);
    expect(formatDateTime(at, 'de', { timeZone: 'Europe/Berlin' })).toMatch(/24\.11\.2025.*13:03/);
    expect(formatDateTime(at, 'en', hki)).toMatch(/24 Nov 2025.*14:03/);
    expect(formatDateTime(at, 'sv', hki)).toMatch(/24 nov\. 2025.*14[.:]03/);
    expect(formatDateTime(at, 'da', { timeZone: 'Europe/Copenhagen' })).toMatch(/24\. nov\. 2025.*13[.:]03/);
  });

  it('shows nothing for a missing or unreadable time', () => {
    expect(formatDateTime(null, 'fi')).toBe('');
    expect(formatDateTime('yesterday', 'fi')).toBe('');
  });
});

describe('formatDate', () => {
  it('uses the long form of the language', () => {
    expect(formatDate(at, 'fi', hki)).toBe('24. marraskuuta 2025');
    expect(formatDate(at, 'de', hki)).toBe('24. November 2025');
    expect(formatDate(at, 'en', hki)).toBe('24 November 2025');
  });
});

describe('formatMoney', () => {
  it('turns integer minor units into the currency of the language', () => {
    expect(formatMoney(12350, 'EUR', 'fi')).toBe('123,50\u00a0€');
    expect(formatMoney(12350, 'EUR', 'de')).toBe('123,50\u00a0€');
    expect(formatMoney(12350, 'EUR', 'en')).toBe('€123.50');
    expect(formatMoney(99995, 'DKK', 'da')).toBe('999,95\u00a0kr.');
    expect(formatMoney(-500, 'EUR', 'sv')).toMatch(/^[−-]5,00\u00a0€$/);
  });
});

describe('formatNumber and formatRelative', () => {
  it('group thousands and speak of time near now', () => {
    expect(formatNumber(1234567.5, 'fi')).toBe('1\u00a0234\u00a0567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    const now = new Date(at);
    expect(formatRelative(new Date(now.getTime() - 3 * 60_000), 'en', now)).toBe('3 minutes ago');
    expect(formatRelative(new Date(now.getTime() + 2 * 86_400_000), 'de', now)).toBe('übermorgen');
  });
});

describe('local day bounds', () => {
  it('turns a date input into the start and end of that day in the browser zone', () => {
    const start = new Date(startOfLocalDay('2025-03-30')!);
    const end = new Date(endOfLocalDay('2025-03-30')!);
    expect(start.getHours()).toBe(0);
    expect(end.getHours()).toBe(23);
    expect(end.getDate()).toBe(30);
    expect(endOfLocalDay('2025-02-30')).toBeNull();
    expect(startOfLocalDay('')).toBeNull();
  });
});

describe('groupSecret and describeUserAgent', () => {
  it('makes a TOTP key easy to copy by hand', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('names the browser and system of a session', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
    expect(describeUserAgent(ua)).toEqual({ browser: 'Chrome', system: 'Linux' });
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit Version/17.0 Mobile Safari/604.1')).toEqual({
      browser: 'Safari',
      system: 'iOS',
    });
    expect(describeUserAgent('curl/8.0')).toEqual({ browser: '', system: '' });
  });
});
