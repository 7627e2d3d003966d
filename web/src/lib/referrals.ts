// Referrals to the purchaser (issue 20): who may be referred to, the forms' fields and the server's
// messages with their keys, which of the client's decisions a "granted" can name, and the lists
// kept in the server's order after a change made in place. No React here.
import type { Grant, Organization, Referral, ReferralState } from '../api/types';

/** The kinds of organization a client may be referred to (src/guidance/referral_service.cpp), the usual one first. */
export const PURCHASER_KINDS = ['welfare_area', 'municipality', 'care_insurer'] as const;

/** The fields of the desk's form, where the server's 422 messages stand. */
export const REFERRAL_FIELDS = ['purchaser_id', 'category', 'reason'] as const;

/** The fields of the officer's outcome form. */
export const DECISION_FIELDS = ['outcome', 'grant_id', 'note'] as const;

/** The longest reason and note the server takes (characters). */
export const REFERRAL_TEXT_MAX = 2000;

/** The server's field messages of referrals (src/guidance/referral_service.cpp) with their keys. */
export const REFERRAL_FIELD_MESSAGES: Record<string, string> = {
  "Choose the welfare area, a municipality or a care insurer of the client's region.": 'fieldMessages.referralPurchaser',
  'A category of the service taxonomy.': 'fieldMessages.referralCategory',
  'Why the client needs an assessment, in 1 to 2,000 characters.': 'fieldMessages.referralReason',
  'granted or declined.': 'fieldMessages.referralOutcome',
  'At most 2,000 characters.': 'fieldMessages.referralNoteLong',
  'Say why the referral is declined: the client and the desk read it.': 'fieldMessages.referralNoteRequired',
  'Name the decision in force that your organization recorded for this client for this type of service.':
    'fieldMessages.referralGrant',
};

/** The i18n key of a state's name. */
export function stateKey(state: ReferralState | string): string {
  return `referrals.states.${state === 'granted' || state === 'declined' ? state : 'open'}`;
}

/** The purchasers in the order the form offers them: the welfare area, municipalities, care insurers; by name within a kind. */
export function orderPurchasers(orgs: readonly Organization[], language: string): Organization[] {
  const rank = (o: Organization) => {
    const i = (PURCHASER_KINDS as readonly string[]).indexOf(o.kind);
    return i < 0 ? PURCHASER_KINDS.length : i;
  };
  const collator = new Intl.Collator(language);
  return orgs
    .filter((o) => (PURCHASER_KINDS as readonly string[]).includes(o.kind))
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
}

/**
 * The purchaser chosen when the form opens: the one paying for the client already (a purchaser
 * relation of the record) when it is one of those offered, else the first offered (the welfare area).
 */
export function defaultPurchaser(offered: readonly Organization[], relations: readonly { organization_id: string; relation: string }[]): string {
  const paying = relations.find((r) => r.relation === 'purchaser' && offered.some((o) => o.id === r.organization_id));
  return paying?.organization_id ?? offered[0]?.id ?? '';
}

type GrantChoice = Pick<Grant, 'id' | 'payer_id' | 'categories' | 'state' | 'valid_from' | 'valid_until'>;

/**
 * The client's decisions a "granted" may name, as the server checks them: those the referral's
 * purchaser recorded, in force on `today` (the region's day, YYYY-MM-DD) and covering the
 * referral's type of service; the newest first.
 */
export function grantChoices<G extends GrantChoice>(grants: readonly G[], referral: Pick<Referral, 'purchaser_id' | 'category'>, today: string): G[] {
  return grants
    .filter(
      (g) =>
        g.payer_id === referral.purchaser_id &&
        g.state === 'active' &&
        (g.valid_from ?? '') <= today &&
        (!g.valid_until || g.valid_until >= today) &&
        (g.categories ?? []).includes(referral.category),
    )
    .sort((a, b) => (b.valid_from ?? '').localeCompare(a.valid_from ?? '') || b.id.localeCompare(a.id));
}

/** The decision chosen for "granted" until the officer picks one: the newest that may be named. */
export function defaultGrant<G extends GrantChoice>(grants: readonly G[], referral: Pick<Referral, 'purchaser_id' | 'category'>, today: string): string {
  return grantChoices(grants, referral, today)[0]?.id ?? '';
}

/** The client's referrals in the server's order (newest first), with `referral` in place of the one with its id (or added). */
export function withReferral(list: readonly Referral[], referral: Referral): Referral[] {
  return [referral, ...list.filter((x) => x.id !== referral.id)].sort(
    (a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id),
  );
}

/** The referrals to these purchasers, the open ones first (oldest first, as the queue), then the decided ones, newest first. */
export function forPurchasers(list: readonly Referral[], purchaserIds: readonly string[]): { open: Referral[]; decided: Referral[] } {
  const mine = list.filter((r) => purchaserIds.includes(r.purchaser_id));
  return {
    open: mine.filter((r) => r.state === 'open').sort((a, b) => a.created_at.localeCompare(b.created_at)),
    decided: mine.filter((r) => r.state !== 'open').sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? '')),
  };
}
