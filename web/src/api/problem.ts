// RFC 9457 problem details as the server sends them (docs/api.md), and the one error type the
// API client throws.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}

export const PROBLEM_MFA_REQUIRED = 'urn:allmende:problem:mfa-required';

/** Thrown for every non-2xx answer and for network failures (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from Retry-After, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Messages per field name; a field may carry several messages. */
  get fieldErrors(): Record<string, string[]> {
    return groupFieldErrors(this.problem.errors ?? []);
  }

  get isMfaRequired(): boolean {
    return this.status === 403 && this.problem.type === PROBLEM_MFA_REQUIRED;
  }
}

export function groupFieldErrors(errors: readonly FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[e.field] ??= []).push(e.message);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Turns a response body into a Problem. Tolerates anything: a body that is not problem+json
 * (a proxy's HTML page, an empty body) still yields a Problem with the HTTP status.
 */
export function parseProblem(status: number, body: string, statusText = ''): Problem {
  let parsed: unknown = null;
  try {
    parsed = body ? JSON.parse(body) : null;
  } catch {
    parsed = null;
  }
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    detail: '',
  };
  if (!isRecord(parsed)) return fallback;
  const errors: FieldError[] = [];
  if (Array.isArray(parsed.errors)) {
    for (const e of parsed.errors) {
      if (isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string') {
        errors.push({ field: e.field, message: e.message });
      }
    }
  }
  const problem: Problem = {
    type: typeof parsed.type === 'string' ? parsed.type : fallback.type,
    title: typeof parsed.title === 'string' ? parsed.title : fallback.title,
    status: typeof parsed.status === 'number' ? parsed.status : status,
    detail: typeof parsed.detail === 'string' ? parsed.detail : '',
  };
  if (typeof parsed.instance === 'string') problem.instance = parsed.instance;
  if (typeof parsed.request_id === 'string') problem.request_id = parsed.request_id;
  if (errors.length > 0) problem.errors = errors;
  return problem;
}

/** Retry-After as seconds (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Splits field errors into those a form shows next to one of its fields and the rest, which
 * go to the form's alert region.
 */
export function splitFieldErrors(
  errors: readonly FieldError[],
  formFields: readonly string[],
): { byField: Record<string, string[]>; other: FieldError[] } {
  const known = new Set(formFields);
  const shown = errors.filter((e) => known.has(e.field));
  const other = errors.filter((e) => !known.has(e.field));
  return { byField: groupFieldErrors(shown), other };
}
