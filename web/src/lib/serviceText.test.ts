import { describe, expect, it } from 'vitest';
import { formatClock, langAttr, languageName, listLanguages, pickText, summarizeDays, weekdayName } from './serviceText';

describe('pickText', () => {
  it('takes the reader’s language, else Finnish, Swedish, English, else any', () => {
    const text = { fi: 'Kotisiivous', sv: 'Hemstädning', de: 'Hausreinigung' };
    expect(pickText(text, 'sv')).toEqual({ text: 'Hemstädning', lang: 'sv' });
    expect(pickText(text, 'da')).toEqual({ text: 'Kotisiivous', lang: 'fi' });
    expect(pickText({ sv: 'Städ', en: 'Cleaning' }, 'de')).toEqual({ text: 'Städ', lang: 'sv' });
    expect(pickText({ da: 'Rengøring' }, 'fi')).toEqual({ text: 'Rengøring', lang: 'da' });
    expect(pickText({ fi: '  ', en: 'Cleaning' }, 'fi')).toEqual({ text: 'Cleaning', lang: 'en' });
    expect(pickText(undefined, 'fi')).toEqual({ text: '', lang: 'fi' });
  });

  it('marks text in another language than the page', () => {
    expect(langAttr({ text: 'x', lang: 'fi' }, 'sv')).toBe('fi');
    expect(langAttr({ text: 'x', lang: 'sv' }, 'sv')).toBeUndefined();
  });
});

describe('weekdays and open days', () => {
  it('names weekdays from Monday = 0', () => {
    expect(weekdayName(0, 'fi')).toBe('maanantai');
    expect(weekdayName(1, 'sv')).toBe('tisdag');
    expect(weekdayName(6, 'en')).toBe('Sunday');
  });

  it('summarizes runs of three or more days as a range', () => {
    expect(summarizeDays([0, 1, 2, 3, 4], 'fi')).toBe('ma–pe');
    expect(summarizeDays([4, 0, 1, 2, 3, 6], 'fi')).toBe('ma–pe, su');
    expect(summarizeDays([1, 3], 'en')).toBe('Tue, Thu');
    expect(summarizeDays([0, 1], 'en')).toBe('Mon, Tue');
    expect(summarizeDays([], 'en')).toBe('');
    expect(summarizeDays([9, -1], 'en')).toBe('');
  });

  it('writes clock times as each language does', () => {
    expect(formatClock('08:00', 'fi')).toBe('8.00');
    expect(formatClock('16:30', 'en')).toBe('16:30');
    expect(formatClock('24:00', 'fi')).toBe('24.00');
    expect(formatClock('odd', 'fi')).toBe('odd');
  });
});

describe('language names', () => {
  it('names languages in the reader’s language', () => {
    expect(languageName('sv', 'fi')).toBe('ruotsi');
    expect(languageName('fi', 'sv')).toBe('finska');
    expect(listLanguages(['fi', 'sv'], 'en')).toBe('Finnish and Swedish');
  });
});
