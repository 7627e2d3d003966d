// Typed functions for the advice desk (issue 20): the region's client registry
// (src/clients/openapi.json), advice contacts and their topics (src/guidance/openapi.json), and
// the consents a client gave to orders placed on their behalf (src/orders/openapi.json). Staff
// send their reason for looking as X-Access-Purpose: the client reads it in their access log.
import { operations as ops } from './endpoints';
import { call, purposeHeader } from './http';
import type {
  AdviceContact,
  AdviceTopic,
  ClientHit,
  ClientQuery,
  ClientRecord,
  Consent,
  LookAlike,
  NewAdviceContact,
  NewClient,
} from './types';


// --- the registry --------------------------------------------------------------------------------

/** Clients of the region by name (typos allowed), birth date, phone or identity code; best first. */
export async function searchClients(regionId: string, query: ClientQuery, purpose: string): Promise<ClientHit[]> {
  return (
    await call<{ items: ClientHit[] }>(ops.searchClients, { params: { id: regionId }, body: query, headers: purposeHeader(purpose) })
  ).data.items;
}

/** Registers a person as a client of the region; 422 with field errors, the record on 201. */
export async function registerClient(regionId: string, person: NewClient, purpose: string, idempotencyKey: string): Promise<ClientRecord> {
  return (
    await call<ClientRecord>(ops.registerClient, {
      params: { id: regionId },
      body: person,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

/** Records that look like the person being registered (similar name and birth date, or the phone). */
export async function lookAlikes(regionId: string, person: NewClient, signal?: AbortSignal): Promise<LookAlike[]> {
  return (await call<{ items: LookAlike[] }>(ops.clientLookAlikes, { params: { id: regionId }, body: person, signal, quiet: true })).data
    .items;
}

/** A client's record with its look-alikes; the access log records the purpose. */
export async function getClientRecord(id: string, purpose: string): Promise<ClientRecord> {
  return (await call<ClientRecord>(ops.getClient, { params: { id }, headers: purposeHeader(purpose) })).data;
}

/** The identity code in full; each reveal is an entry in the client's access log. */
export async function revealIdentityCode(id: string, purpose: string): Promise<string> {
  return (await call<{ identity_code: string }>(ops.revealIdentityCode, { params: { id }, headers: purposeHeader(purpose) })).data
    .identity_code;
}

/**
 * Merges the record `duplicateId` into `keepId` (coordinators): every reference of the one that
 * goes moves over, and both access logs record it with the purpose. 409 when they are two people
 * or the one that goes has an account; the record that stays on 200.
 */
export async function mergeClients(keepId: string, duplicateId: string, purpose: string, idempotencyKey: string): Promise<ClientRecord> {
  return (
    await call<ClientRecord>(ops.mergeClients, {
      params: { id: keepId },
      body: { duplicate_id: duplicateId },
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

// --- contacts ------------------------------------------------------------------------------------

export async function listAdviceTopics(): Promise<AdviceTopic[]> {
  return (await call<{ items: AdviceTopic[] }>(ops.listAdviceTopics)).data.items;
}

/** The client's advice contacts, newest first. */
export async function listContacts(clientId: string, purpose: string): Promise<AdviceContact[]> {
  return (await call<{ items: AdviceContact[] }>(ops.listAdviceContacts, { params: { id: clientId }, headers: purposeHeader(purpose) }))
    .data.items;
}

export async function addContact(clientId: string, contact: NewAdviceContact, purpose: string, idempotencyKey: string): Promise<AdviceContact> {
  return (
    await call<AdviceContact>(ops.addAdviceContact, {
      params: { id: clientId },
      body: contact,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

// --- consents ------------------------------------------------------------------------------------

/** The consents the client gave to orders placed for them, newest first. */
export async function listConsents(clientId: string, purpose?: string): Promise<Consent[]> {
  return (await call<{ items: Consent[] }>(ops.listConsents, { params: { id: clientId }, headers: purposeHeader(purpose) })).data.items;
}

/** Withdraws a consent: the provider's access ends and the order still open under it is cancelled. */
export async function withdrawConsent(clientId: string, consentId: string, idempotencyKey: string, purpose?: string): Promise<Consent> {
  return (
    await call<Consent>(ops.withdrawConsent, {
      params: { id: clientId, consent_id: consentId },
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}
