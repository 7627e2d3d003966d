import { describe, expect, it } from 'vitest';
import { ApiError, groupFieldErrors, parseProblem, parseRetryAfter, splitFieldErrors } from './problem';

describe('parseProblem', () => {
  it('reads an RFC 9457 problem with field errors', () => {
    const p = parseProblem(
      422,
      JSON.stringify({
        type: 'urn:allmende:problem:invalid-argument',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'The request has invalid fields.',
        request_id: 'req_1',
        errors: [
          { field: 'email', message: 'is not an e-mail address' },
          { field: 'name', message: 'is required' },
          { field: 'name', message: 'must be 1-200 characters' },
        ],
      }),
    );
    expect(p.type).toBe('urn:allmende:problem:invalid-argument');
    expect(p.request_id).toBe('req_1');
    expect(groupFieldErrors(p.errors ?? [])).toEqual({
      email: ['is not an e-mail address'],
      name: ['is required', 'must be 1-200 characters'],
    });
  });

  it('survives a body that is not JSON, such as a proxy error page', () => {
    const p = parseProblem(502, '<html>Bad Gateway</html>', 'Bad Gateway');
    expect(p).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '' });
  });

  it('survives an empty body and a JSON array', () => {
    expect(parseProblem(500, '').status).toBe(500);
    expect(parseProblem(400, '[1,2]').title).toBe('HTTP 400');
  });

  it('drops malformed entries of errors and keeps good ones', () => {
    const p = parseProblem(422, JSON.stringify({ errors: [{ field: 'a' }, 'x', { field: 'b', message: 'm' }] }));
    expect(p.errors).toEqual([{ field: 'b', message: 'm' }]);
    expect(p.status).toBe(422);
  });

  it('prefers the HTTP status when the body has none', () => {
    expect(parseProblem(409, JSON.stringify({ title: 'Conflict' })).status).toBe(409);
  });
});

describe('ApiError', () => {
  it('recognises the MFA requirement by its problem type', () => {
    const e = new ApiError({ type: 'urn:allmende:problem:mfa-required', title: 'Forbidden', status: 403, detail: 'd' });
    expect(e.isMfaRequired).toBe(true);
    const plain = new ApiError({ type: 'urn:allmende:problem:permission-denied', title: 'Forbidden', status: 403, detail: '' });
    expect(plain.isMfaRequired).toBe(false);
  });
});

describe('splitFieldErrors', () => {
  it('keeps the fields a form shows and hands the rest to the alert', () => {
    const { byField, other } = splitFieldErrors(
      [
        { field: 'phone', message: 'bad' },
        { field: 'If-Match', message: 'is required' },
      ],
      ['name', 'phone'],
    );
    expect(byField).toEqual({ phone: ['bad'] });
    expect(other).toEqual([{ field: 'If-Match', message: 'is required' }]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('42')).toBe(42);
    const now = Date.parse('2025-11-24T10:00:00Z');
    expect(parseRetryAfter('Mon, 24 Nov 2025 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
