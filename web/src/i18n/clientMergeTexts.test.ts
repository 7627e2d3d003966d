// The keys the merge of two client records builds from values (the rows and columns compared, the
// server's refusals and field messages) exist in every language: the general test finds only keys
// written out in t('…').
import { describe, expect, it } from 'vitest';
import { COMPARED, MERGE_CONFLICTS, MERGE_FIELD_MESSAGES } from '../lib/clientMerge';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('client merge texts built from values', () => {
  const keys = [
    ...COMPARED.map((r) => `clientMerge.rows.${r}`),
    ...(['opened', 'alike'] as const).map((c) => `clientMerge.columns.${c}`),
    ...Object.values(MERGE_CONFLICTS),
    ...Object.values(MERGE_FIELD_MESSAGES),
    'actions.client_merge',
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
