import { describe, expect, it } from 'vitest';
import { COMPARE_KEY, MAX_COMPARE, cleanIds, parseIds, readCompare, toggleId, writeCompare } from './compare';

function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('the comparison list', () => {
  it('holds at most three services, once each', () => {
    expect(MAX_COMPARE).toBe(3);
    expect(cleanIds(['a', 'b', 'a', 'c', 'd'])).toEqual(['a', 'b', 'c']);
    expect(parseIds('svc_1, svc_2,,svc_1')).toEqual(['svc_1', 'svc_2']);
    expect(parseIds('<script>,svc_3')).toEqual(['svc_3']);
    expect(parseIds(null)).toEqual([]);
  });

  it('adds and removes, and says when it is full', () => {
    expect(toggleId([], 'a')).toEqual({ ids: ['a'], full: false });
    expect(toggleId(['a', 'b'], 'a')).toEqual({ ids: ['b'], full: false });
    expect(toggleId(['a', 'b', 'c'], 'd')).toEqual({ ids: ['a', 'b', 'c'], full: true });
  });

  it('is remembered in the tab’s storage and survives junk there', () => {
    const store = memoryStore();
    writeCompare(['a', 'b'], store);
    expect(store.data.get(COMPARE_KEY)).toBe('["a","b"]');
    expect(readCompare(store)).toEqual(['a', 'b']);
    store.setItem(COMPARE_KEY, '{not json');
    expect(readCompare(store)).toEqual([]);
    store.setItem(COMPARE_KEY, '{"a":1}');
    expect(readCompare(store)).toEqual([]);
    expect(readCompare(null)).toEqual([]);
  });
});
