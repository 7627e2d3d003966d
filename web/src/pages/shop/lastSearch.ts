// The last search of this tab, so a service page's "back to the results" returns to it.
const KEY = 'allmende.lastSearch';

export function rememberSearch(url: string): void {
  try {
    window.sessionStorage.setItem(KEY, url);
  } catch {
    // no storage: the link goes to the shop's start
  }
}

/** The address of the last search (a path of this app), or null. */
export function lastSearch(): string | null {
  try {
    const v = window.sessionStorage.getItem(KEY);
    return v && v.startsWith('/') && !v.startsWith('//') ? v : null;
  } catch {
    return null;
  }
}
