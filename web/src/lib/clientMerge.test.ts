import { describe, expect, it } from 'vitest';
import { translateFieldMessage } from './errors';
import { canMerge, defaultKeep, differs, HAS_ACCOUNT_DETAIL, MERGE_CONFLICTS, MERGE_FIELD_MESSAGES } from './clientMerge';
import type { Viewer } from './roles';

const viewer = (...roles: [string, string][]): Viewer => ({
  user: { platform_role: null },
  memberships: roles.map(([role, region_id]) => ({ organization_id: 'org_1', organization_name: 'Org', region_id, role })),
});

describe('canMerge', () => {
  it('is for coordinators of the client’s region only', () => {
    expect(canMerge(viewer(['coordinator', 'reg_pirkanmaa']), 'reg_pirkanmaa')).toBe(true);
    expect(canMerge(viewer(['coordinator', 'reg_other']), 'reg_pirkanmaa')).toBe(false);
    expect(canMerge(viewer(['advisor', 'reg_pirkanmaa']), 'reg_pirkanmaa')).toBe(false);
    expect(canMerge(viewer(['advisor', 'reg_pirkanmaa'], ['coordinator', 'reg_pirkanmaa']), 'reg_pirkanmaa')).toBe(true);
    expect(canMerge(null, 'reg_pirkanmaa')).toBe(false);
  });
});

describe('defaultKeep', () => {
  const opened = { id: 'a', email: 'aino@example.fi' };
  const bare = { id: 'b', email: null };
  it('keeps the record whose person may sign in', () => {
    expect(defaultKeep(opened, bare)).toBe('a');
    expect(defaultKeep(bare, opened)).toBe('a');
  });
  it('keeps the record opened when both or neither have an e-mail address', () => {
    expect(defaultKeep(opened, { id: 'c', email: 'other@example.fi' })).toBe('a');
    expect(defaultKeep(bare, { id: 'c', email: null })).toBe('b');
  });
});

describe('differs', () => {
  it('ignores case and spaces', () => {
    expect(differs('Aino  Virtanen', 'aino virtanen ')).toBe(false);
    expect(differs('Tampere', 'Nokia')).toBe(true);
    expect(differs(null, '')).toBe(false);
  });
});

describe('the server’s words', () => {
  it('knows the refusal that means the other way round', () => {
    expect(MERGE_CONFLICTS[HAS_ACCOUNT_DETAIL]).toBe('clientMerge.errors.hasAccount');
  });
  it('translates the field messages of duplicate_id', () => {
    const t = ((key: string) => `[${key}]`) as never;
    for (const [message, key] of Object.entries(MERGE_FIELD_MESSAGES)) expect(translateFieldMessage(t, message)).toBe(`[${key}]`);
  });
});
