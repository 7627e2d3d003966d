// The keys referrals build from values (the states, the server's field messages) exist in every
// language: the general test finds only keys written out in t('…').
import { describe, expect, it } from 'vitest';
import { REFERRAL_STATES } from '../api/types';
import { REFERRAL_FIELD_MESSAGES, stateKey } from '../lib/referrals';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('referral texts built from values', () => {
  const keys = [
    ...REFERRAL_STATES.map((s) => stateKey(s)),
    ...Object.values(REFERRAL_FIELD_MESSAGES),
    ...(['granted', 'declined'] as const).map((o) => `referrals.decide.${o}`),
    ...(['open', 'decided'] as const).map((w) => `referrals.queue.show.${w}`),
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
