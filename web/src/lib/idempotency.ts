// Idempotency-Key for POSTs (docs/api.md "Writes"): one key per intended change, made when a form
// opens or a button is first pressed, sent again on every retry of that change, and renewed only
// once the server has answered for it. A retry with the same key never does the change twice.
import { useCallback, useRef } from 'react';
import { ApiError } from '../api/problem';

/** A random UUID (version 4); crypto.randomUUID where the page is a secure context. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Whether the change may have reached the server without us hearing the answer, so that trying
 * again must reuse the key: no answer at all (network), a timeout, or a server that could not
 * finish (5xx, 429). A 4xx answer stored nothing, and a 2xx is done: both start a new key.
 */
export function mayRetry(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** The key of the change in hand; `settle` after each attempt renews it unless the attempt may be retried. */
export function useIdempotencyKey(): { key: () => string; settle: (error?: unknown) => void } {
  const current = useRef<string | null>(null);
  const key = useCallback(() => (current.current ??= newIdempotencyKey()), []);
  const settle = useCallback((error?: unknown) => {
    if (!error || !mayRetry(error)) current.current = null;
  }, []);
  return { key, settle };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` and, while it fails in a way `mayRetry` allows, runs it again after each of
 * `delays` (milliseconds): a phone on a weak connection gets its change through without the
 * worker pressing again. The last error is thrown.
 */
export async function withRetries<T>(attempt: () => Promise<T>, delays: readonly number[] = [1000, 3000, 6000]): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= delays.length || !mayRetry(e)) throw e;
      await wait(delays[i]!);
    }
  }
}
