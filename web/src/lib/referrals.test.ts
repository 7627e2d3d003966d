import { describe, expect, it } from 'vitest';
import type { Grant, Organization, Referral } from '../api/types';
import { translateFieldMessage } from './errors';
import {
  defaultGrant,
  defaultPurchaser,
  forPurchasers,
  grantChoices,
  orderPurchasers,
  REFERRAL_FIELD_MESSAGES,
  stateKey,
  withReferral,
} from './referrals';

const org = (id: string, kind: string, name: string): Organization =>
  ({ id, region_id: 'reg_1', kind, name, business_id: null, created_at: '2026-01-01T00:00:00Z', version: 1 }) as Organization;

const referral = (id: string, c: Partial<Referral> = {}): Referral => ({
  id,
  client_id: 'usr_aino',
  client_name: 'Aino Virtanen',
  client_birth_date: '1942-03-14',
  purchaser_id: 'org_w',
  purchaser_name: 'Pirkanmaan hyvinvointialue',
  category: 'shopping',
  reason: 'Tarvitsee apua kaupassa käymiseen.',
  state: 'open',
  created_by_name: 'Mikko Neuvoja',
  created_at: '2026-11-27T10:00:00Z',
  decided_by_name: null,
  decided_at: null,
  grant_id: null,
  decision_note: null,
  ...c,
});

type G = Pick<Grant, 'id' | 'payer_id' | 'categories' | 'state' | 'valid_from' | 'valid_until'>;
const grant = (id: string, c: Partial<G> = {}): G => ({ id, payer_id: 'org_w', categories: ['shopping'], state: 'active', valid_from: '2026-11-01', valid_until: null, ...c });

describe('whom the desk refers to', () => {
  const orgs = [
    org('org_i', 'care_insurer', 'AOK'),
    org('org_p', 'provider_company', 'Hervannan Kotisiivous Oy'),
    org('org_m2', 'municipality', 'Tampere'),
    org('org_m1', 'municipality', 'Nokia'),
    org('org_w', 'welfare_area', 'Pirkanmaan hyvinvointialue'),
    org('org_x', 'integrator', 'Kotitori Pirkanmaa'),
  ];

  it('offers the welfare area, then municipalities, then care insurers, by name; no provider or integrator', () => {
    expect(orderPurchasers(orgs, 'fi').map((o) => o.id)).toEqual(['org_w', 'org_m1', 'org_m2', 'org_i']);
  });

  it('chooses the purchaser paying for the client already, else the first offered', () => {
    const offered = orderPurchasers(orgs, 'fi');
    expect(defaultPurchaser(offered, [])).toBe('org_w');
    expect(defaultPurchaser(offered, [{ organization_id: 'org_p', relation: 'provider' }, { organization_id: 'org_m2', relation: 'purchaser' }])).toBe('org_m2');
    expect(defaultPurchaser(offered, [{ organization_id: 'org_gone', relation: 'purchaser' }])).toBe('org_w');
    expect(defaultPurchaser([], [])).toBe('');
  });
});

describe('the decision a referral became', () => {
  const r = referral('ref_1');

  it('offers what the server takes: the purchaser’s decisions in force today for the type of service, newest first', () => {
    const grants = [
      grant('g_old', { valid_from: '2025-01-01' }),
      grant('g_other_payer', { payer_id: 'org_m' }),
      grant('g_cleaning', { categories: ['cleaning'], valid_from: '2026-11-20' }),
      grant('g_ended', { state: 'ended', valid_from: '2026-11-25' }),
      grant('g_lapsed', { valid_from: '2026-01-01', valid_until: '2026-11-27' }),
      grant('g_future', { valid_from: '2026-12-01' }),
      grant('g_new', { valid_from: '2026-11-27' }),
    ];
    expect(grantChoices(grants, r, '2026-11-28').map((g) => g.id)).toEqual(['g_new', 'g_old']);
    expect(defaultGrant(grants, r, '2026-11-28')).toBe('g_new');
  });

  it('chooses none when no decision in force covers the type of service', () => {
    expect(defaultGrant([grant('g_cleaning', { categories: ['cleaning'] }), grant('g_ended', { state: 'ended' })], r, '2026-11-28')).toBe('');
    expect(defaultGrant([], r, '2026-11-28')).toBe('');
  });
});

describe('lists kept in place', () => {
  it('puts a new or changed referral where the server would: newest first', () => {
    const a = referral('ref_a', { created_at: '2026-11-01T10:00:00Z' });
    const b = referral('ref_b', { created_at: '2026-11-20T10:00:00Z' });
    const c = referral('ref_c', { created_at: '2026-11-27T10:00:00Z' });
    expect(withReferral([b, a], c).map((x) => x.id)).toEqual(['ref_c', 'ref_b', 'ref_a']);
    const decided = withReferral([c, b, a], { ...b, state: 'granted' });
    expect(decided.map((x) => [x.id, x.state])).toEqual([
      ['ref_c', 'open'],
      ['ref_b', 'granted'],
      ['ref_a', 'open'],
    ]);
  });

  it('splits a client’s referrals to the officer’s purchasers: waiting oldest first, decided newest first', () => {
    const list = [
      referral('ref_3', { created_at: '2026-11-27T10:00:00Z' }),
      referral('ref_m', { purchaser_id: 'org_m', created_at: '2026-11-26T10:00:00Z' }),
      referral('ref_2', { state: 'declined', decided_at: '2026-11-25T10:00:00Z', created_at: '2026-11-20T10:00:00Z' }),
      referral('ref_1', { created_at: '2026-11-01T10:00:00Z' }),
      referral('ref_0', { state: 'granted', decided_at: '2026-11-26T10:00:00Z', created_at: '2026-10-01T10:00:00Z' }),
    ];
    const { open, decided } = forPurchasers(list, ['org_w']);
    expect(open.map((x) => x.id)).toEqual(['ref_1', 'ref_3']);
    expect(decided.map((x) => x.id)).toEqual(['ref_0', 'ref_2']);
  });
});

describe('words', () => {
  it('names each state, an unknown one as waiting', () => {
    expect(stateKey('granted')).toBe('referrals.states.granted');
    expect(stateKey('declined')).toBe('referrals.states.declined');
    expect(stateKey('open')).toBe('referrals.states.open');
    expect(stateKey('reopened')).toBe('referrals.states.open');
  });

  it('translates the server’s field messages', () => {
    const t = ((key: string) => `«${key}»`) as never;
    for (const [message, key] of Object.entries(REFERRAL_FIELD_MESSAGES)) expect(translateFieldMessage(t, message)).toBe(`«${key}»`);
  });
});
