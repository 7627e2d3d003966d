// Deadlines near now: "2 h 15 min left", ticking while the page is open.
import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs` (30 s by default) while mounted. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/** Whole minutes from `now` to `deadline` (negative when passed); null for an unreadable time. */
export function minutesLeft(deadline: string | null | undefined, now: Date): number | null {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return null;
  return Math.floor((at - now.getTime()) / 60_000);
}

/** Hours and minutes of a positive number of minutes: 135 → { hours: 2, minutes: 15 }. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const m = Math.max(0, total);
  return { hours: Math.floor(m / 60), minutes: m % 60 };
}
