// Referrals to the purchaser (issue 20, src/guidance/openapi.json): the advice desk refers a client
// to a purchaser of the region (the welfare area, a municipality, a care insurer) for a
// service-need assessment; the purchaser officers' queue; the outcome, granted with the grant it
// became or declined with a note. Staff at the desk send their reason for looking as
// X-Access-Purpose; every POST carries the Idempotency-Key its caller keeps for retries.
import { operations as ops } from './endpoints';
import { call, purposeHeader } from './http';
import type { NewReferral, Organization, Page, Referral, ReferralDecision } from './types';
import { PURCHASER_KINDS } from '../lib/referrals';


/** The client's referrals and their outcome, newest first (the desk, the client, a delegate, the purchaser's officers). */
export async function listClientReferrals(clientId: string, purpose?: string): Promise<Referral[]> {
  return (await call<{ items: Referral[] }>(ops.listClientReferrals, { params: { id: clientId }, headers: purposeHeader(purpose) })).data.items;
}

/** Refers the client; 422 at purchaser_id, category, reason; 409 when the purchaser has this referral open already. */
export async function referClient(clientId: string, referral: NewReferral, idempotencyKey: string, purpose?: string): Promise<Referral> {
  return (
    await call<Referral>(ops.referClient, {
      params: { id: clientId },
      body: referral,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

/** A page of the purchaser's queue (50): open ones oldest first, or decided ones newest first; `cursor` from the page before. */
export async function referralQueue(purchaserId: string, state: 'open' | 'decided', cursor?: string | null): Promise<Page<Referral>> {
  return (await call<Page<Referral>>(ops.listReferralQueue, { params: { id: purchaserId }, query: { state, cursor: cursor ?? undefined } })).data;
}

/** Records the outcome; 422 at outcome, grant_id or note; 409 once it was decided already. */
export async function decideReferral(referralId: string, decision: ReferralDecision, idempotencyKey: string): Promise<Referral> {
  return (
    await call<Referral>(ops.decideReferral, { params: { id: referralId }, body: decision, headers: { 'Idempotency-Key': idempotencyKey } })
  ).data;
}

/** The region's purchasers a client may be referred to (the server filters by kind), every page (at most 20). */
export async function listRegionPurchasers(regionId: string): Promise<Organization[]> {
  const found: Organization[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<Organization> = (
      await call<Page<Organization>>(ops.listOrganizations, {
        params: { id: regionId },
        query: { limit: 100, cursor, kind: PURCHASER_KINDS.join(',') },
      })
    ).data;
    found.push(...page.items.filter((o) => (PURCHASER_KINDS as readonly string[]).includes(o.kind)));
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return found;
}
