// The keys the order pages build from values (states, kinds) exist in every language: the
// general test finds only keys written out in t('…') calls.
import { describe, expect, it } from 'vitest';
import { PUBLIC_KINDS } from '../lib/funding';
import { TIMELINE_KINDS } from '../lib/orderText';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

const ORDER_STATES = ['draft', 'submitted', 'routing', 'offered', 'escalated', 'accepted', 'scheduled', 'in_progress', 'delivered', 'confirmed', 'declined', 'expired', 'cancelled', 'failed', 'disputed'];
const VISIT_STATES = ['planned', 'in_progress', 'delivered', 'confirmed', 'failed', 'cancelled', 'disputed'];
const GRANT_KINDS = ['voucher', 'purchased_service', 'periodic_budget', 'employer_benefit', 'free_choice'];

describe('texts built from values', () => {
  const keys = [
    ...ORDER_STATES.map((s) => `orderStates.${s}`),
    ...VISIT_STATES.map((s) => `visitStates.${s}`),
    ...['open', 'accepted', 'declined', 'expired', 'withdrawn'].map((s) => `offerStates.${s}`),
    ...TIMELINE_KINDS.map((k) => `timeline.kinds.${k}`),
    ...GRANT_KINDS.map((k) => `funding.kinds.${k}`),
    ...PUBLIC_KINDS.map((k) => `funding.kinds.${k}`),
    ...['week', 'month', 'year', 'none'].flatMap((p) => [`funding.per.${p}`, `funding.periods.${p}`]),
    ...['connecting', 'live', 'offline'].map((s) => `board.live.${s}`),
    'inbox.show.open',
    'inbox.show.all',
    'orderForm.repeats.once',
    'orderForm.repeats.weekly',
    'deadline.answerWithin',
    'deadline.offerExpires',
    'funding.form.notMoney',
    'funding.form.notNumber',
    'schedule.weekly_one',
    'schedule.monthly_other',
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
