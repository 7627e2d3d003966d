// The keys the notification and webhook pages build from values (kinds, events, statuses) exist
// in every language: the general test finds only keys written out in t('…') calls.
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TEXT_KEYS } from '../lib/notificationText';
import { DELIVERY_EVENTS, DELIVERY_STATUSES, eventKey } from '../lib/webhookText';
import { WEBHOOK_EVENTS } from '../api/types';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('texts built from values', () => {
  const keys = [
    ...NOTIFICATION_TEXT_KEYS.map((k) => `notifications.kinds.${k}`),
    'notifications.bellUnread_one',
    'notifications.bellUnread_other',
    'notifications.unreadCount_one',
    'notifications.unreadCount_other',
    ...DELIVERY_EVENTS.map((e) => `webhooks.events.${eventKey(e)}`),
    ...WEBHOOK_EVENTS.map((e) => `webhooks.eventHints.${eventKey(e)}`),
    ...DELIVERY_STATUSES.map((s) => `webhooks.statuses.${s}`),
    ...DELIVERY_STATUSES.map((s) => `webhooks.tabs.${s}`),
    ...[...DELIVERY_STATUSES, 'all'].map((s) => `webhooks.emptyDeliveries.${s}`),
    'escalation.inClientLanguage',
    'escalation.unknown',
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
