import { describe, expect, it } from 'vitest';
import { translateFieldMessage } from './errors';
import { byKnownOrder, eventKey, statusFilter } from './webhookText';

const t = ((key: string) => `t:${key}`) as unknown as Parameters<typeof translateFieldMessage>[0];

describe('webhook events and deliveries in words', () => {
  it('lists known events as the form does and unknown ones last', () => {
    expect(byKnownOrder(['visit.changed', 'zeta.new', 'offer.closed', 'order.changed'])).toEqual([
      'order.changed',
      'visit.changed',
      'offer.closed',
      'zeta.new',
    ]);
  });

  it('makes a text key of an event and reads the status filter from the address', () => {
    expect(eventKey('order.changed')).toBe('order_changed');
    expect(statusFilter('failed')).toBe('failed');
    expect(statusFilter('sent')).toBe('sent');
    expect(statusFilter('everything')).toBeNull();
    expect(statusFilter(null)).toBeNull();
  });

  it('translates the server’s messages about a webhook’s address and events', () => {
    expect(translateFieldMessage(t, 'Use an https:// address: events are sent encrypted.')).toBe('t:fieldMessages.webhookHttps');
    expect(translateFieldMessage(t, "The address points into a private network; use the receiver's public address.")).toBe(
      't:fieldMessages.webhookPrivate',
    );
    expect(translateFieldMessage(t, 'Unknown event "order.eaten"; choose from order.changed, offer.created.')).toBe('t:fieldMessages.webhookEvent');
  });
});
