// The one place that talks HTTP to /api/v1: cookies, the CSRF header, JSON, problem+json.
import { expandPath, queryString, type Operation } from './endpoints';
import { ApiError, parseProblem, parseRetryAfter } from './problem';

let csrfToken: string | null = null;

/** The session's CSRF token (from log-in or GET /me); sent on every state-changing request. */
/** Staff's reason for looking at a client's data, for the access log the client reads (X-Access-Purpose). */
export function purposeHeader(purpose: string | undefined): Record<string, string> {
  return purpose ? { 'X-Access-Purpose': purpose } : {};
}

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();

/** Hears every ApiError (the session uses it to notice a 401 or an MFA requirement). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  /** A file sent as it is, with its own Content-Type (an attachment), instead of a JSON body. */
  file?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not tell onApiError listeners (for calls whose 401 is expected, like the first GET /me). */
  quiet?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

export async function call<T>(operation: Operation, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const url = expandPath(operation.path, options.params) + queryString(options.query);
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (operation.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: string | Blob | undefined;
  if (options.file !== undefined) {
    headers['Content-Type'] = options.file.type || 'application/octet-stream';
    body = options.file;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: operation.method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'urn:allmende:problem:network', title: 'Network error', status: 0, detail: '' });
  }
  const text = await response.text();
  if (!response.ok) {
    const error = new ApiError(
      parseProblem(response.status, text, response.statusText),
      parseRetryAfter(response.headers.get('Retry-After')),
    );
    if (!options.quiet) for (const l of listeners) l(error);
    throw error;
  }
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, status: response.status, headers: response.headers };
}
