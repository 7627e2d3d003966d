import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { mayRetry, newIdempotencyKey, withRetries } from './idempotency';

const answer = (status: number) => new ApiError({ type: 'about:blank', title: '', status, detail: '' });

describe('Idempotency-Key', () => {
  it('is a fresh version-4 UUID each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('is kept for a retry only when the change may have reached the server', () => {
    expect(mayRetry(answer(0))).toBe(true);
    expect(mayRetry(answer(503))).toBe(true);
    expect(mayRetry(answer(429))).toBe(true);
    expect(mayRetry(answer(422))).toBe(false);
    expect(mayRetry(answer(409))).toBe(false);
    expect(mayRetry(new Error('bug'))).toBe(false);
  });

  it('retries a lost answer with the same attempt and gives up on a refusal', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(answer(0)) : Promise.resolve('done'));
    await expect(withRetries(flaky, [0, 0, 0])).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    const refused = () => {
      calls++;
      return Promise.reject(answer(409));
    };
    await expect(withRetries(refused, [0, 0])).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);
    calls = 0;
    const down = () => {
      calls++;
      return Promise.reject(answer(0));
    };
    await expect(withRetries(down, [0, 0])).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(3);
  });
});
