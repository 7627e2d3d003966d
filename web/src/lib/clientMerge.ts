// Merging two records of one person at the advice desk (issue 20, POST /clients/{id}/merge): who
// may merge (coordinators of the client's region), which record stays by default, the rows the
// two records are compared on, and the server's refusals (src/clients/client_merge.cpp) with their
// keys. No React here.
import type { ClientRecord } from '../api/types';
import type { Viewer } from './roles';

/** Whether the person merges records of this region (policy client.merge: coordinators only). */
export function canMerge(v: Viewer | null | undefined, regionId: string): boolean {
  return Boolean(v?.memberships.some((m) => m.role === 'coordinator' && m.region_id === regionId));
}

/**
 * The record that stays unless the coordinator chooses otherwise: the one whose person signs in
 * (the server refuses to merge that one away). The record does not say whether its person has an
 * account; an e-mail address is the sign of one (a client registered at the desk may have none).
 * When both or neither have one, the record opened stays.
 */
export function defaultKeep(opened: Pick<ClientRecord, 'id' | 'email'>, other: Pick<ClientRecord, 'id' | 'email'>): string {
  if (!opened.email && other.email) return other.id;
  return opened.id;
}

/** The rows the two records are compared on, in the order the record shows them. */
export const COMPARED = ['name', 'birthDate', 'identityCode', 'address', 'municipality', 'phone', 'email', 'language', 'servedBy'] as const;
export type Compared = (typeof COMPARED)[number];

/** Whether two shown values differ (case, spaces and an absent value against "not known" aside). */
export function differs(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) !== norm(b);
}

/**
 * The server's refusals of a merge (409, in its `detail`) and the i18n keys that say them; any
 * other 409 is said by `clientMerge.conflict`.
 */
export const MERGE_CONFLICTS: Record<string, string> = {
  'The records have different birth dates: they are two people.': 'clientMerge.errors.birthDates',
  'The records have different identity codes: they are two people.': 'clientMerge.errors.identityCodes',
  'The record that would go has an account its person signs in with: merge it the other way round.': 'clientMerge.errors.hasAccount',
  'One of the records was merged already.': 'clientMerge.errors.mergedAlready',
};

/** The 409 that means "keep the other one": the record that would go has an account. */
export const HAS_ACCOUNT_DETAIL = 'The record that would go has an account its person signs in with: merge it the other way round.';

/** The server's field messages at duplicate_id (422) with their keys in fieldMessages. */
export const MERGE_FIELD_MESSAGES: Record<string, string> = {
  'Name the record that goes into this one.': 'fieldMessages.mergeDuplicateMissing',
  'A record cannot be merged into itself.': 'fieldMessages.mergeSelf',
  'No client of your region has this id.': 'fieldMessages.mergeNotInRegion',
  'The records are of two regions.': 'fieldMessages.mergeTwoRegions',
};
