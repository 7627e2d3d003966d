// Typed functions for an organization's webhooks (policy action webhooks.manage: its org_admin or
// provider_admin): the receivers, their test event, and the deliveries with the failed ones to
// send again.
import { operations as ops } from './endpoints';
import { call } from './http';
import type { DeliveryStatus, NewWebhook, Webhook, WebhookDelivery, WebhookDeliveryPage, WebhookEvent } from './types';

export async function listWebhooks(organizationId: string): Promise<Webhook[]> {
  return (await call<{ items: Webhook[] }>(ops.listWebhooks, { params: { id: organizationId } })).data.items;
}

/**
 * Adds a receiver; the answer carries its signing secret, never shown again. Without `events` it
 * gets every event, also ones added later. 422 names the field (url, events, description).
 */
export async function createWebhook(
  organizationId: string,
  input: { url: string; description: string; events?: WebhookEvent[] },
): Promise<NewWebhook> {
  return (await call<NewWebhook>(ops.createWebhook, { params: { id: organizationId }, body: input })).data;
}

export async function deleteWebhook(organizationId: string, webhookId: string): Promise<void> {
  await call(ops.deleteWebhook, { params: { id: organizationId, webhook_id: webhookId } });
}

/** Queues a test event (`ping`) to the receiver; answers its delivery. */
export async function pingWebhook(organizationId: string, webhookId: string): Promise<WebhookDelivery> {
  return (await call<WebhookDelivery>(ops.pingWebhook, { params: { id: organizationId, webhook_id: webhookId } })).data;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  limit?: number;
  cursor?: string | null;
}

/** Deliveries newest first, with the counts by status; status=failed is the dead-letter list. */
export async function listDeliveries(organizationId: string, query: DeliveryQuery = {}): Promise<WebhookDeliveryPage> {
  return (await call<WebhookDeliveryPage>(ops.listWebhookDeliveries, { params: { id: organizationId }, query: { ...query } })).data;
}

/** Sends a failed delivery again from its first attempt; 409 when it is not failed (any more). */
export async function replayDelivery(organizationId: string, deliveryId: string): Promise<WebhookDelivery> {
  return (await call<WebhookDelivery>(ops.replayWebhookDelivery, { params: { id: organizationId, delivery_id: deliveryId } })).data;
}
