import { describe, expect, it } from 'vitest';
import {
  EMPTY_SHOP_STATE,
  activeFilterCount,
  applySuggestion,
  parseShopState,
  priceLimits,
  shopStateToParams,
  toServiceQuery,
  withoutFilters,
} from './shopQuery';

const parse = (q: string) => parseShopState(new URLSearchParams(q));

describe('the shop search in the address', () => {
  it('leaves the start page without parameters', () => {
    expect(shopStateToParams(EMPTY_SHOP_STATE).toString()).toBe('');
    expect(parse('')).toEqual(EMPTY_SHOP_STATE);
  });

  it('round-trips every part of a search', () => {
    const state = {
      q: 'städning',
      category: 'cleaning',
      municipality: 'fi-837',
      languages: ['sv', 'fi'],
      vouchers: ['org_1'],
      maxPrice: 40,
      openOn: 'tue' as const,
      sort: 'price' as const,
    };
    const params = shopStateToParams(state);
    expect(params.toString()).toBe(
      'q=st%C3%A4dning&category=cleaning&municipality=fi-837&language=sv%2Cfi&voucher=org_1&max_price=40&open_on=tue&sort=price',
    );
    expect(parseShopState(params)).toEqual(state);
  });

  it('reads repeated and comma-separated lists, once each', () => {
    expect(parse('language=sv&language=fi,sv').languages).toEqual(['sv', 'fi']);
  });

  it('ignores what it cannot read instead of failing', () => {
    const s = parse('max_price=lots&open_on=someday&sort=cheapest');
    expect(s.maxPrice).toBeNull();
    expect(s.openOn).toBeNull();
    expect(s.sort).toBe('relevance');
    expect(parse('open_on=1').openOn).toBe('tue');
  });

  it('asks the API in cents, with defaults left out', () => {
    expect(toServiceQuery({ ...EMPTY_SHOP_STATE, q: ' siivous Hervannassa ', maxPrice: 40, openOn: 'tue' })).toEqual({
      limit: 20,
      q: 'siivous Hervannassa',
      max_price: 4000,
      open_on: 'tue',
    });
    expect(toServiceQuery({ ...EMPTY_SHOP_STATE, languages: ['sv', 'fi'], sort: 'rating' }, 50)).toEqual({
      limit: 50,
      language: 'sv,fi',
      sort: 'rating',
    });
  });

  it('counts the filters and clears them, keeping the words and order', () => {
    const s = parse('q=x&language=sv,fi&open_on=mon&sort=price&voucher=a,b');
    expect(activeFilterCount(s)).toBe(4);
    expect(withoutFilters(s)).toEqual({ ...EMPTY_SHOP_STATE, q: 'x', sort: 'price' });
  });
});

describe('price limits from the price bands', () => {
  it('adds up the bands below each limit', () => {
    expect(
      priceLimits([
        { value: '25-40', count: 10 },
        { value: '0-25', count: 3 },
        { value: '60-', count: 2 },
        { value: '40-60', count: 5 },
      ]),
    ).toEqual([
      { euros: 25, count: 3 },
      { euros: 40, count: 13 },
      { euros: 60, count: 18 },
    ]);
    expect(priceLimits([{ value: 'odd', count: 1 }])).toEqual([]);
  });
});

describe('applySuggestion', () => {
  it('replaces the text a completion continues', () => {
    expect(applySuggestion('städ', 'städning')).toBe('städning');
    expect(applySuggestion('Siivous h', 'siivous hervanta')).toBe('siivous hervanta');
  });

  it('replaces the last word otherwise', () => {
    expect(applySuggestion('siivous herv', 'Hervanta')).toBe('siivous Hervanta');
    expect(applySuggestion('siivous ', 'Hervanta')).toBe('siivous Hervanta');
  });
});
