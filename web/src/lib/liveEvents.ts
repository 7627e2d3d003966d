// Live updates from GET /api/v1/events (Server-Sent Events, src/events/README.md). The browser's
// EventSource reconnects by itself (the server asks for 3 s); events sent while it was away are
// not replayed, so `onChange` is also called on every (re)connect and the page loads afresh.
import { useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Calls `onChange(topic)` for each event of `topics`, and with 'connected' whenever the stream
 * opens. Returns whether the stream is live.
 */
export function useLiveEvents(topics: readonly string[], onChange: (topic: string) => void, enabled = true): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onChange);
  handler.current = onChange;
  const key = topics.join(',');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setStatus('offline');
      return;
    }
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    let opened = false;
    source.onopen = () => {
      setStatus('live');
      // The first open needs no reload (the page has just loaded); a reconnect does.
      if (opened) handler.current('connected');
      opened = true;
    };
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const listeners = key.split(',').map((topic) => {
      const l = () => handler.current(topic);
      source.addEventListener(topic, l);
      return [topic, l] as const;
    });
    return () => {
      for (const [topic, l] of listeners) source.removeEventListener(topic, l);
      source.close();
    };
  }, [key, enabled]);
  return status;
}
