// The services chosen for comparison: at most three, remembered for the browser tab
// (sessionStorage), so they survive moving between the result list, service pages and back.
import { useCallback, useEffect, useState } from 'react';

export const COMPARE_KEY = 'allmende.compare';
export const MAX_COMPARE = 3;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Store | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Service ids as the address or storage holds them, cleaned: known shape, no repeats, at most three. */
export function cleanIds(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    if (/^[A-Za-z0-9_-]{1,80}$/.test(id) && !out.includes(id)) out.push(id);
    if (out.length === MAX_COMPARE) break;
  }
  return out;
}

export function parseIds(text: string | null | undefined): string[] {
  return cleanIds((text ?? '').split(','));
}

export function readCompare(store: Store | null = storage()): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(COMPARE_KEY) ?? '[]');
    return Array.isArray(parsed) ? cleanIds(parsed.filter((x): x is string => typeof x === 'string')) : [];
  } catch {
    return [];
  }
}

export function writeCompare(ids: readonly string[], store: Store | null = storage()): void {
  try {
    store?.setItem(COMPARE_KEY, JSON.stringify(cleanIds(ids)));
  } catch {
    // Storage full or forbidden: the choice lasts for this page only.
  }
}

/** Adds or removes one service; `full` when adding would make more than three (nothing changes then). */
export function toggleId(ids: readonly string[], id: string): { ids: string[]; full: boolean } {
  if (ids.includes(id)) return { ids: ids.filter((x) => x !== id), full: false };
  if (ids.length >= MAX_COMPARE) return { ids: [...ids], full: true };
  return { ids: [...ids, id], full: false };
}

const listeners = new Set<(ids: string[]) => void>();
// This tab's list; storage keeps it across page loads, this also without storage.
let current: string[] | null = null;

function currentIds(): string[] {
  current ??= readCompare();
  return current;
}

/** The comparison list of this tab, shared by every component that shows it. */
export function useCompare(): {
  ids: string[];
  toggle: (id: string) => boolean;
  remove: (id: string) => void;
  set: (ids: string[]) => void;
} {
  const [ids, setIds] = useState<string[]>(() => currentIds());
  useEffect(() => {
    listeners.add(setIds);
    return () => {
      listeners.delete(setIds);
    };
  }, []);
  const set = useCallback((next: string[]) => {
    const clean = cleanIds(next);
    current = clean;
    writeCompare(clean);
    for (const l of listeners) l(clean);
  }, []);
  const toggle = useCallback(
    (id: string) => {
      const result = toggleId(currentIds(), id);
      if (!result.full) set(result.ids);
      return !result.full;
    },
    [set],
  );
  const remove = useCallback((id: string) => set(currentIds().filter((x) => x !== id)), [set]);
  return { ids, toggle, remove, set };
}
