// The web shop's search as URL query parameters: shareable, bookmarkable, and the back button
// returns to the previous search. Prices are whole euros in the address (readable) and cents
// towards the API.
import type { ServiceQuery } from '../api/directory';
import { WEEKDAY_CODES, isWeekdayCode, type WeekdayCode } from './serviceText';

export const SORTS = ['relevance', 'price', 'price_desc', 'rating'] as const;
export type Sort = (typeof SORTS)[number];

export interface ShopState {
  q: string;
  category: string;
  municipality: string;
  languages: string[];
  /** Purchaser organization ids whose service voucher is accepted (any of). */
  vouchers: string[];
  /** Whole euros; null: any price. */
  maxPrice: number | null;
  openOn: WeekdayCode | null;
  sort: Sort;
}

export const EMPTY_SHOP_STATE: ShopState = {
  q: '',
  category: '',
  municipality: '',
  languages: [],
  vouchers: [],
  maxPrice: null,
  openOn: null,
  sort: 'relevance',
};

function list(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (const v of params.getAll(name)) {
    for (const part of v.split(',')) {
      const p = part.trim();
      if (p && !out.includes(p)) out.push(p);
    }
  }
  return out;
}

/** The search an address describes; anything unreadable is left out rather than failing. */
export function parseShopState(params: URLSearchParams): ShopState {
  const max = params.get('max_price');
  const maxPrice = max && /^\d{1,6}$/.test(max) ? Number(max) : null;
  const day = params.get('open_on');
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    category: params.get('category') ?? '',
    municipality: params.get('municipality') ?? '',
    languages: list(params, 'language'),
    vouchers: list(params, 'voucher'),
    maxPrice,
    openOn: isWeekdayCode(day) ? day : /^[0-6]$/.test(day ?? '') ? WEEKDAY_CODES[Number(day)]! : null,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance',
  };
}

/** The address's query for a search: defaults left out, so the plain start page stays "/". */
export function shopStateToParams(state: ShopState): URLSearchParams {
  const p = new URLSearchParams();
  const q = state.q.trim();
  if (q) p.set('q', q);
  if (state.category) p.set('category', state.category);
  if (state.municipality) p.set('municipality', state.municipality);
  if (state.languages.length) p.set('language', state.languages.join(','));
  if (state.vouchers.length) p.set('voucher', state.vouchers.join(','));
  if (state.maxPrice !== null) p.set('max_price', String(state.maxPrice));
  if (state.openOn) p.set('open_on', state.openOn);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  return p;
}

/** The API's parameters for a search (max_price in cents). */
export function toServiceQuery(state: ShopState, limit = 20): ServiceQuery {
  const query: ServiceQuery = { limit };
  const q = state.q.trim();
  if (q) query.q = q;
  if (state.category) query.category = state.category;
  if (state.municipality) query.municipality = state.municipality;
  if (state.languages.length) query.language = state.languages.join(',');
  if (state.vouchers.length) query.voucher = state.vouchers.join(',');
  if (state.maxPrice !== null) query.max_price = state.maxPrice * 100;
  if (state.openOn) query.open_on = state.openOn;
  if (state.sort !== 'relevance') query.sort = state.sort;
  return query;
}

/** How many filters (not the words, not the order) narrow the search: for the "Filters (2)" button. */
export function activeFilterCount(state: ShopState): number {
  return (
    (state.category ? 1 : 0) +
    (state.municipality ? 1 : 0) +
    state.languages.length +
    (state.vouchers.length ? 1 : 0) +
    (state.maxPrice !== null ? 1 : 0) +
    (state.openOn ? 1 : 0)
  );
}

export function withoutFilters(state: ShopState): ShopState {
  return { ...EMPTY_SHOP_STATE, q: state.q, sort: state.sort };
}

/**
 * The price limits the price bands of the facets offer ("0-25", "25-40", "40-60", "60-" in whole
 * euros), each with how many results cost at most that much.
 */
export function priceLimits(bands: readonly { value: string; count: number }[]): { euros: number; count: number }[] {
  const parsed = bands
    .map((b) => {
      const m = /^(\d+)-(\d*)$/.exec(b.value);
      return m ? { from: Number(m[1]), to: m[2] ? Number(m[2]) : null, count: b.count } : null;
    })
    .filter((b): b is { from: number; to: number | null; count: number } => b !== null)
    .sort((a, b) => a.from - b.from);
  const out: { euros: number; count: number }[] = [];
  let running = 0;
  for (const b of parsed) {
    running += b.count;
    if (b.to !== null) out.push({ euros: b.to, count: running });
  }
  return out;
}

/**
 * What choosing a completion makes of the text typed so far: a completion that continues the
 * whole text replaces it; otherwise it replaces the last word ("siivous herv" + "Hervanta" →
 * "siivous Hervanta").
 */
export function applySuggestion(typed: string, suggestion: string): string {
  const t = typed.trimStart();
  if (suggestion.toLocaleLowerCase().startsWith(t.trim().toLocaleLowerCase())) return suggestion;
  // A finished word and a space: the completion is the next word.
  if (/\s$/.test(t)) return `${t.trimEnd()} ${suggestion}`;
  const cut = t.search(/\S+$/);
  if (cut <= 0) return suggestion;
  return `${t.slice(0, cut)}${suggestion}`;
}
