// The keys the advice desk and the consents page build from values (channels, outcomes, ways of
// consent, reasons, states) exist in every language: the general test finds only keys written
// out in t('…') calls.
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONSENT_STATES, CONSENT_WAYS, LOOK_ALIKE_REASONS, OUTCOMES } from '../lib/desk';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('desk texts built from values', () => {
  const keys = [
    ...CHANNELS.map((c) => `desk.channels.${c}`),
    ...CHANNELS.map((c) => `desk.purposes.${c}`),
    ...OUTCOMES.map((o) => `desk.outcomes.${o}`),
    ...CONSENT_WAYS.map((w) => `desk.consentWays.${w}`),
    ...LOOK_ALIKE_REASONS.map((r) => `desk.reasons.${r}`),
    ...CONSENT_STATES.map((s) => `consents.states.${s}`),
    'desk.relations.provider',
    'desk.relations.purchaser',
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });

  it('states the purpose of a look in at most 200 characters in every language', () => {
    for (const lang of LANGUAGES) {
      for (const c of CHANNELS) {
        const purposes = (resources[lang].translation as unknown as { desk: { purposes: Record<string, string> } }).desk.purposes;
        expect(purposes[c]!.length).toBeLessThanOrEqual(90);
      }
    }
  });
});
