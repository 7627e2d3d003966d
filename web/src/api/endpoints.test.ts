import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPath, operations, queryString } from './endpoints';
import { documentedFields } from './types';

// The API document of the server this UI is built with, assembled by scripts/web-build.sh (or
// `npm run generate`) from the src/<feature>/openapi.json fragments.
const doc = JSON.parse(readFileSync(path.resolve(__dirname, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

describe('the API client against the API document', () => {
  it.each(Object.entries(operations))('%s is a documented operation', (_name, op) => {
    const item = doc.paths[op.path];
    expect(item, `${op.path} is not in the API document`).toBeDefined();
    expect(item![op.method.toLowerCase()], `${op.method} ${op.path} is not in the API document`).toBeDefined();
  });

  it.each(Object.entries(documentedFields))('every field of %s the UI reads is documented', (schema, fields) => {
    const props = doc.components.schemas[schema]?.properties;
    expect(props, `schema ${schema}`).toBeDefined();
    const missing = fields.filter((f) => !(f in props!));
    expect(missing).toEqual([]);
  });
});

describe('expandPath and queryString', () => {
  it('fills and encodes path parameters', () => {
    expect(expandPath('/api/v1/organizations/{id}/members/{member_id}', { id: 'org_1', member_id: 'a/b' })).toBe(
      '/api/v1/organizations/org_1/members/a%2Fb',
    );
    expect(() => expandPath('/api/v1/regions/{id}')).toThrow(/missing path parameter id/);
  });

  it('leaves out empty query values', () => {
    expect(queryString({ limit: 20, cursor: null, client_id: '', action: 'client.read' })).toBe('?limit=20&action=client.read');
    expect(queryString({})).toBe('');
  });
});
