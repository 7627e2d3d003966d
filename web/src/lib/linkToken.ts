import { useEffect, useState } from 'react';

/**
 * The secret of an e-mailed link. The server puts it in the fragment (`/reset-password#token=…`)
 * so it reaches neither server logs nor Referer; a `?token=` query is read too.
 */
export function readLinkToken(hash: string, search: string): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (fromHash) return fromHash;
  return new URLSearchParams(search).get('token');
}

/** Reads the link's token once and takes it out of the address bar and history. */
export function useLinkToken(): string | null {
  const [token] = useState(() => readLinkToken(window.location.hash, window.location.search));
  useEffect(() => {
    if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);
  return token;
}
