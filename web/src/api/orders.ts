// Typed functions for orders and funding (src/orders/openapi.json, src/funding/openapi.json): the
// order form, a client's orders and grants, the provider's inbox, the worker's day, the
// coordinators' board. Every POST carries the Idempotency-Key its caller keeps for retries.
import { operations as ops, type Operation } from './endpoints';
import { call } from './http';
import type {
  Agreement,
  Board,
  ClientRecord,
  FundingQuoteInput,
  FundingSplit,
  Grant,
  GrantDraft,
  GrantWithBalance,
  InboxItem,
  NewOrder,
  Order,
  OrderMessage,
  OrderView,
  OrganizationClient,
  VisitView,
  VoucherApproval,
} from './types';

function keyed(idempotencyKey: string): Record<string, string> {
  return { 'Idempotency-Key': idempotencyKey };
}

// --- clients and their funding ------------------------------------------------------------------

export async function getClient(id: string): Promise<ClientRecord> {
  return (await call<ClientRecord>(ops.getClient, { params: { id } })).data;
}

/** The clients an organization pays for (a purchaser) or serves (a provider), by name. */
export async function listOrganizationClients(organizationId: string): Promise<OrganizationClient[]> {
  return (await call<{ items: OrganizationClient[] }>(ops.listOrganizationClients, { params: { id: organizationId } })).data.items;
}

export async function listGrants(clientId: string): Promise<GrantWithBalance[]> {
  return (await call<{ items: GrantWithBalance[] }>(ops.listGrants, { params: { id: clientId } })).data.items;
}

export async function recordGrant(clientId: string, draft: GrantDraft, idempotencyKey: string): Promise<Grant> {
  return (await call<Grant>(ops.recordGrant, { params: { id: clientId }, body: draft, headers: keyed(idempotencyKey) })).data;
}

/** What each grant and the client would pay for one delivery (changes nothing; no key needed). */
export async function quoteFunding(clientId: string, input: FundingQuoteInput, signal?: AbortSignal): Promise<FundingSplit> {
  return (await call<FundingSplit>(ops.quoteFunding, { params: { id: clientId }, body: input, signal })).data;
}

/** A purchaser's public list of providers approved for its vouchers. */
export async function listVoucherApprovals(purchaserId: string): Promise<VoucherApproval[]> {
  return (await call<{ items: VoucherApproval[] }>(ops.listVoucherApprovals, { params: { id: purchaserId }, quiet: true })).data
    .items;
}

/** A purchaser's (or provider's) agreements; 403 for someone who may not read them. */
export async function listAgreements(organizationId: string, quiet = false): Promise<Agreement[]> {
  return (await call<{ items: Agreement[] }>(ops.listAgreements, { params: { id: organizationId }, quiet })).data.items;
}

// --- orders ---------------------------------------------------------------------------------------

export async function createOrder(input: NewOrder, idempotencyKey: string): Promise<OrderView> {
  return (await call<OrderView>(ops.createOrder, { body: input, headers: keyed(idempotencyKey) })).data;
}

export async function getOrder(id: string): Promise<OrderView> {
  return (await call<OrderView>(ops.getOrder, { params: { id } })).data;
}

export async function listClientOrders(clientId: string): Promise<Order[]> {
  return (await call<{ items: Order[] }>(ops.listClientOrders, { params: { id: clientId } })).data.items;
}

export type OrderStep = 'cancel' | 'accept' | 'decline' | 'route' | 'assign';

const ORDER_STEP: Record<OrderStep, Operation> = {
  cancel: ops.cancelOrder,
  accept: ops.acceptOrder,
  decline: ops.declineOrder,
  route: ops.routeOrder,
  assign: ops.assignOrder,
};

/**
 * Moves an order: cancel and decline take {reason}, route {provider_id?}, assign {worker_id}.
 * An illegal step answers 409 with the order's current state.
 */
export async function stepOrder(
  step: OrderStep,
  id: string,
  body: Record<string, string> | undefined,
  idempotencyKey: string,
): Promise<OrderView> {
  return (await call<OrderView>(ORDER_STEP[step], { params: { id }, body, headers: keyed(idempotencyKey) })).data;
}

export async function listMessages(orderId: string): Promise<OrderMessage[]> {
  return (await call<{ items: OrderMessage[] }>(ops.listOrderMessages, { params: { id: orderId } })).data.items;
}

export async function postMessage(orderId: string, body: string, idempotencyKey: string): Promise<OrderMessage> {
  return (
    await call<OrderMessage>(ops.postOrderMessage, { params: { id: orderId }, body: { body }, headers: keyed(idempotencyKey) })
  ).data;
}

// --- providers, coordinators, workers -------------------------------------------------------------

/** A provider's inbox: open offers, or all of them; no client identity before acceptance. */
export async function listOffers(providerId: string, state: 'open' | 'all'): Promise<InboxItem[]> {
  return (await call<{ items: InboxItem[] }>(ops.listOffers, { params: { id: providerId }, query: { state } })).data.items;
}

export interface BoardQuery {
  /** comma-separated states; the server's default when empty */
  state?: string;
  municipality?: string;
  category?: string;
  provider_id?: string;
  limit?: number;
  cursor?: string | null;
}

export async function getBoard(regionId: string, query: BoardQuery, signal?: AbortSignal): Promise<Board> {
  return (await call<Board>(ops.getBoard, { params: { id: regionId }, query: { ...query }, signal })).data;
}

/** The signed-in worker's visits of a day (YYYY-MM-DD; today in the region when absent). */
export async function myVisits(date?: string): Promise<VisitView[]> {
  return (await call<{ items: VisitView[] }>(ops.myVisits, { query: { date } })).data.items;
}

export type VisitStep = 'check-in' | 'check-out' | 'not-at-home' | 'confirm' | 'dispute';

const VISIT_STEP: Record<VisitStep, Operation> = {
  'check-in': ops.checkInVisit,
  'check-out': ops.checkOutVisit,
  'not-at-home': ops.visitNotAtHome,
  confirm: ops.confirmVisit,
  dispute: ops.disputeVisit,
};

/** check-out {done_tasks, note, deviation}; not-at-home {note}; dispute {reason}. */
export async function stepVisit(
  step: VisitStep,
  id: string,
  body: Record<string, unknown> | undefined,
  idempotencyKey: string,
): Promise<VisitView> {
  return (await call<VisitView>(VISIT_STEP[step], { params: { id }, body, headers: keyed(idempotencyKey) })).data;
}
