// The service plan (issue 20, src/guidance/openapi.json): the services agreed with a client, each
// with a goal and a follow-up day. The desk adds items (one of the client's grants in force, a
// published service, or an association's activity named in words), changes, ends and resumes them
// with If-Match on the item's version; the client and a delegate read the plan. Staff send their
// reason for looking as X-Access-Purpose; a POST that adds carries the caller's Idempotency-Key.
import { operations as ops } from './endpoints';
import { call, purposeHeader } from './http';
import type { GrantWithBalance, NewPlanItem, PlanItem, PlanItemChange, ServicePlan } from './types';


/** The If-Match of an item: its version as the server's ETag ("3"). */
export function ifMatch(item: Pick<PlanItem, 'version'>): Record<string, string> {
  return { 'If-Match': `"${item.version}"` };
}

/** The client's plan: active items by follow-up day, then ended ones. */
export async function getClientPlan(clientId: string, purpose?: string): Promise<ServicePlan> {
  return (await call<ServicePlan>(ops.getClientPlan, { params: { id: clientId }, headers: purposeHeader(purpose) })).data;
}

/** Adds an item (the desk); 422 at kind, grant_id, service_id, category, title, details, goal, follow_up_date; 409 when it is on the plan already. */
export async function addPlanItem(clientId: string, item: NewPlanItem, idempotencyKey: string, purpose?: string): Promise<PlanItem> {
  return (
    await call<PlanItem>(ops.addPlanItem, {
      params: { id: clientId },
      body: item,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

/** Changes the goal, details or follow-up day (only the fields named); 412 when the item changed meanwhile. */
export async function changePlanItem(item: Pick<PlanItem, 'id' | 'version'>, change: PlanItemChange, purpose?: string): Promise<PlanItem> {
  return (
    await call<PlanItem>(ops.changePlanItem, { params: { id: item.id }, body: change, headers: { ...purposeHeader(purpose), ...ifMatch(item) } })
  ).data;
}

/** Ends an item (an ended one stays as it is); 412 when it changed meanwhile. */
export async function endPlanItem(item: Pick<PlanItem, 'id' | 'version'>, purpose?: string): Promise<PlanItem> {
  return (await call<PlanItem>(ops.endPlanItem, { params: { id: item.id }, headers: { ...purposeHeader(purpose), ...ifMatch(item) } })).data;
}

/**
 * Takes an ended item up again, with a new follow-up day when given (required once the old one
 * has passed: 422 at follow_up_date); 409 when it is on the plan again already.
 */
export async function resumePlanItem(item: Pick<PlanItem, 'id' | 'version'>, followUpDate?: string, purpose?: string): Promise<PlanItem> {
  return (
    await call<PlanItem>(ops.resumePlanItem, {
      params: { id: item.id },
      ...(followUpDate ? { body: { follow_up_date: followUpDate } } : {}),
      headers: { ...purposeHeader(purpose), ...ifMatch(item) },
    })
  ).data;
}

/** The client's grants with their balances, read at the desk with its purpose (for the plan's "publicly funded" choice). */
export async function listClientGrants(clientId: string, purpose?: string): Promise<GrantWithBalance[]> {
  return (await call<{ items: GrantWithBalance[] }>(ops.listGrants, { params: { id: clientId }, headers: purposeHeader(purpose) })).data.items;
}
