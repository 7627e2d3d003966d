// The signed-in user's unread notification count, shared by the header's bell and the
// notifications page: the bell keeps it fresh (on sign-in, on each `notification` event of the
// live stream, when the window gets the focus back, and every minute while the stream is down),
// and the page sets it from the answers of marking read.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import * as api from '../api/notifications';
import { useLiveEvents } from './liveEvents';

/** While the live stream is down, the count is asked this often. */
const POLL_MS = 60_000;
/** The server caps the count at 100; the bell shows more than this as "99+". */
export const MOST_SHOWN = 99;

let count = 0;
/** Bumped by every change, so an answer to an older question never overwrites a newer count. */
let generation = 0;
const listeners = new Set<() => void>();

function publish(n: number) {
  if (n === count) return;
  count = n;
  for (const l of listeners) l();
}

/** Sets the count from an answer that carries it (marking read, a list's first page). */
export function setUnreadCount(n: number): void {
  generation++;
  publish(Math.max(0, n));
}

/** Asks the server for the count; an answer overtaken by a newer change is dropped. */
export async function refreshUnreadCount(): Promise<void> {
  const mine = ++generation;
  try {
    const n = await api.unreadCount();
    if (mine === generation) publish(n);
  } catch {
    // The bell keeps the last count; the next event, focus or poll asks again.
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current unread count (0 when nobody is signed in). */
export function useUnreadCount(): number {
  return useSyncExternalStore(subscribe, () => count);
}

/** "99+" above 99, else the number. */
export function badgeText(n: number): string {
  return n > MOST_SHOWN ? `${MOST_SHOWN}+` : String(n);
}

/**
 * Keeps the count fresh while `userId` is signed in (the header calls this once); resets it to
 * 0 on sign-out.
 */
export function useUnreadWatch(userId: string | null): void {
  const refresh = useCallback(() => void refreshUnreadCount(), []);
  const live = useLiveEvents(['notification'], refresh, !!userId);
  useEffect(() => {
    if (!userId) {
      setUnreadCount(0);
      return;
    }
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [userId, refresh]);
  useEffect(() => {
    if (!userId || live === 'live') return;
    const id = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(id);
  }, [userId, live, refresh]);
}
