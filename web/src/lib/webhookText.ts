// Webhook events and delivery states as text keys: an event's name ("order.changed") becomes the
// key webhooks.events.order_changed (a dot would be read as a level of the texts).
import type { DeliveryStatus } from '../api/types';
import { WEBHOOK_EVENTS } from '../api/types';

/** The events with a name in the texts: the ones the form offers and the test event. */
export const DELIVERY_EVENTS = [...WEBHOOK_EVENTS, 'ping'] as const;

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['failed', 'pending', 'sent'];

/** The text key of an event name: "order.changed" → "order_changed". */
export function eventKey(event: string): string {
  return event.replace(/\./g, '_');
}

/** Events in the order the form lists them (the server sorts them by name), unknown ones last. */
export function byKnownOrder(events: readonly string[]): string[] {
  const rank = (e: string) => {
    const i = (DELIVERY_EVENTS as readonly string[]).indexOf(e);
    return i < 0 ? DELIVERY_EVENTS.length : i;
  };
  return [...events].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A status filter from the address (?deliveries=failed); anything else is "all". */
export function statusFilter(value: string | null): DeliveryStatus | null {
  return DELIVERY_STATUSES.includes(value as DeliveryStatus) ? (value as DeliveryStatus) : null;
}

/** The server's field messages of a new webhook (src/webhooks CheckTargetUrl, Create) with their keys in fieldMessages. */
export const WEBHOOK_FIELD_MESSAGES: Record<string, string> = {
  'Give the address that receives the events.': 'fieldMessages.webhookUrlMissing',
  'This is not a web address (https://…).': 'fieldMessages.webhookUrlInvalid',
  'Use an https:// address: events are sent encrypted.': 'fieldMessages.webhookHttps',
  'Leave the user name and password out of the address; the signature proves the sender.': 'fieldMessages.webhookCredentials',
  'The address needs a host name.': 'fieldMessages.webhookHost',
  "The address points into a private network; use the receiver's public address.": 'fieldMessages.webhookPrivate',
  'At most 200 characters.': 'fieldMessages.descriptionLong',
};

/** Messages that end in details (the events there are), known by how they begin. */
export const WEBHOOK_FIELD_PREFIXES: [string, string][] = [['Unknown event "', 'fieldMessages.webhookEvent']];
