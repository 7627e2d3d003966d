// The keys the service plan builds from values (the kinds, the server's field messages) exist in
// every language: the general test finds only keys written out in t('…').
import { describe, expect, it } from 'vitest';
import { PLAN_KINDS } from '../api/types';
import { kindLineKey, PLAN_FIELD_MESSAGES } from '../lib/plan';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('plan texts built from values', () => {
  const keys = [
    ...Object.values(PLAN_FIELD_MESSAGES),
    ...PLAN_KINDS.flatMap((k) => [`plan.kinds.${k}`, `plan.groups.${k}`, `plan.desk.kindHint.${k}`, kindLineKey({ kind: k })]),
    ...(['changed', 'ended', 'added', 'resumed'] as const).map((how) => `plan.desk.${how}`),
    ...(['voucher', 'purchased_service', 'periodic_budget', 'employer_benefit', 'free_choice'] as const).map((k) => `funding.kinds.${k}`),
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
