// Live updates from GET /api/v1/events (Server-Sent Events, src/events/README.md). The browser's
// EventSource reconnects by itself (the server asks for 3 s); events sent while it was away are
// not replayed, so `onChange` is also called on every reconnect and the page loads afresh.
// One stream per tab serves every hook: the header's notification bell listens all the time, and
// a page that listens too (the board) shares its connection rather than opening a second one.
import { useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'offline';

interface Listener {
  topics: ReadonlySet<string>;
  onEvent: (topic: string) => void;
  onStatus: (status: LiveStatus) => void;
}

/** The tab's one stream, open while anyone listens. */
const hub = {
  source: null as EventSource | null,
  status: 'connecting' as LiveStatus,
  opened: false,
  attached: new Set<string>(),
  listeners: new Set<Listener>(),
};

function setStatus(status: LiveStatus) {
  hub.status = status;
  for (const l of hub.listeners) l.onStatus(status);
}

function attach(topic: string) {
  if (!hub.source || hub.attached.has(topic)) return;
  hub.attached.add(topic);
  hub.source.addEventListener(topic, () => {
    for (const l of [...hub.listeners]) if (l.topics.has(topic)) l.onEvent(topic);
  });
}

function open() {
  const source = new EventSource('/api/v1/events', { withCredentials: true });
  hub.source = source;
  hub.opened = false;
  hub.attached = new Set();
  hub.status = 'connecting';
  source.onopen = () => {
    setStatus('live');
    // The first open needs no reload (the pages have just loaded); a reconnect does.
    if (hub.opened) for (const l of [...hub.listeners]) l.onEvent('connected');
    hub.opened = true;
  };
  source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
}

function close() {
  hub.source?.close();
  hub.source = null;
  hub.attached = new Set();
}

function subscribe(listener: Listener): () => void {
  // A stream the browser gave up on (an answer that was no stream) is tried afresh by whoever comes next.
  if (hub.source?.readyState === EventSource.CLOSED) close();
  if (!hub.source) open();
  hub.listeners.add(listener);
  for (const topic of listener.topics) attach(topic);
  listener.onStatus(hub.status);
  return () => {
    hub.listeners.delete(listener);
    if (hub.listeners.size === 0) close();
  };
}

/**
 * Calls `onChange(topic)` for each event of `topics`, and with 'connected' whenever the stream
 * opens again after a break. Returns whether the stream is live.
 */
export function useLiveEvents(topics: readonly string[], onChange: (topic: string) => void, enabled = true): LiveStatus {
  const [status, setLocalStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onChange);
  handler.current = onChange;
  const key = topics.join(',');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setLocalStatus('offline');
      return;
    }
    return subscribe({
      topics: new Set(key.split(',')),
      onEvent: (topic) => handler.current(topic),
      onStatus: setLocalStatus,
    });
  }, [key, enabled]);
  return status;
}
