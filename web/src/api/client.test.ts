import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTotp } from './client';
import { ApiError } from './problem';

// The API document of the server this UI is built with, assembled by scripts/web-build.sh (or
// `npm run generate`) from the src/<feature>/openapi.json fragments.
type Schema = { required?: string[]; properties?: Record<string, unknown> };
const doc = JSON.parse(readFileSync(path.resolve(__dirname, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startTotp', () => {
  it('sends the password in the body the document asks for', async () => {
    const fetchMock = answer(201, { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/Allmende:x' });
    await expect(startTotp('correct horse battery')).resolves.toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauth_uri: 'otpauth://totp/Allmende:x',
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/me/mfa/totp');
    expect(init.method).toBe('POST');
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    expect(body).toEqual({ password: 'correct horse battery' });

    const schema = doc.paths['/api/v1/me/mfa/totp']?.post?.requestBody?.content?.['application/json']?.schema;
    expect(schema, 'POST /api/v1/me/mfa/totp has no JSON request body in the API document').toBeDefined();
    for (const field of schema!.required ?? []) expect(body, `required field ${field}`).toHaveProperty(field);
    for (const field of Object.keys(body)) expect(schema!.properties ?? {}, `documented field ${field}`).toHaveProperty(field);
  });

  it('hands a wrong password back as a field error and throttling with its wait', async () => {
    answer(422, {
      type: 'urn:allmende:problem:validation',
      title: 'Unprocessable',
      status: 422,
      detail: '',
      errors: [{ field: 'password', message: 'is not the password of this account' }],
    });
    const wrong = await startTotp('nope').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).fieldErrors).toEqual({ password: ['is not the password of this account'] });

    answer(429, { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: '' }, { 'Retry-After': '60' });
    const throttled = await startTotp('nope').catch((e: unknown) => e);
    expect((throttled as ApiError).status).toBe(429);
    expect((throttled as ApiError).retryAfter).toBe(60);
  });
});
