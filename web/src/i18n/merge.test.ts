import { describe, expect, it } from 'vitest';
import { mergeTexts } from './merge';

describe('mergeTexts', () => {
  it('adds new groups and new keys to existing groups at any depth', () => {
    const base = { nav: { home: 'Home' }, home: { cards: { profile: 'P' } } };
    const merged = mergeTexts(base, { nav: { board: 'Board' }, home: { cards: { board: 'B' } }, board: { title: 'T' } });
    expect(merged).toEqual({
      nav: { home: 'Home', board: 'Board' },
      home: { cards: { profile: 'P', board: 'B' } },
      board: { title: 'T' },
    });
    expect(base.nav).toEqual({ home: 'Home' });
  });

  it('refuses a key defined twice', () => {
    expect(() => mergeTexts({ nav: { home: 'Home' } }, { nav: { home: 'Start' } })).toThrow('nav.home');
    expect(() => mergeTexts({ nav: { home: 'Home' } }, { nav: 'x' })).toThrow('nav');
  });
});
