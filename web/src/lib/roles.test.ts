import { describe, expect, it } from 'vitest';
import {
  administeredOrganizations,
  auditedRegions,
  clientsActedFor,
  clientsWithReadableLog,
  deskRegions,
  isClient,
  editedProviders,
  navigationFor,
  purchasingOrganizations,
  reviewedRegions,
  ROLES,
  ROLES_BY_KIND,
  roleChoices,
  rolesToGreet,
  type Viewer,
} from './roles';

function m(role: string, org = 'org_1', region = 'reg_1', name = 'Org One') {
  return { organization_id: org, organization_name: name, region_id: region, role };
}

const ids = (v: Viewer) => navigationFor(v).map((n) => n.id);
const BASE = ['home', 'profile', 'access-log', 'delegations'];
/** The common pages with a role's work page right after the start page. */
const withWork = (...work: string[]) => ['home', ...work, 'profile', 'access-log', 'delegations'];

describe('navigationFor', () => {
  it('gives a client the pages every person has and their orders and needs right after the start page', () => {
    const v: Viewer = { user: { platform_role: null }, memberships: [] };
    expect(ids(v)).toEqual(withWork('my-orders', 'my-payments', 'assessment', 'plan', 'my-cases'));
    expect(isClient(v)).toBe(true);
  });

  it('gives staff without admin rights the same pages and their work page (no placeholders of future features)', () => {
    for (const role of ['volunteer', 'employer_hr', 'employee', 'partner']) {
      expect(ids({ user: {}, memberships: [m(role)] })).toEqual(BASE);
    }
    expect(ids({ user: {}, memberships: [m('purchaser_officer')] })).toEqual(withWork('purchaser-clients', 'purchaser-referrals', 'purchaser-billing'));
    expect(ids({ user: {}, memberships: [m('provider_worker')] })).toEqual(withWork('my-day'));
    expect(purchasingOrganizations({ user: {}, memberships: [m('purchaser_officer', 'org_9', 'reg_1', 'Hyvinvointialue')] })).toEqual([
      { id: 'org_9', name: 'Hyvinvointialue', regionId: 'reg_1' },
    ]);
  });

  it('gives a delegate acting for a client in services the orders and needs pages, not one who only reads the log', () => {
    const acting: Viewer = { user: {}, memberships: [m('volunteer')], received: [{ client_id: 'c', scope: 'services', active: true }] };
    expect(ids(acting)).toEqual(withWork('my-orders', 'my-payments', 'assessment', 'plan', 'my-cases'));
    expect(clientsActedFor(acting)).toEqual(['c']);
    const reading: Viewer = { user: {}, memberships: [m('volunteer')], received: [{ client_id: 'c', scope: 'access_log', active: true }] };
    expect(ids(reading)).toEqual(BASE);
  });

  it('gives an advisor the advice desk of their region as their work page', () => {
    const v: Viewer = { user: {}, memberships: [m('advisor', 'org_1', 'reg_A')] };
    expect(ids(v)).toEqual(withWork('desk'));
    expect(deskRegions(v)).toEqual(['reg_A']);
  });

  it('gives a coordinator the board, the advice desk and the review queue, once however many memberships', () => {
    const v: Viewer = { user: {}, memberships: [m('coordinator', 'org_1', 'reg_A'), m('coordinator', 'org_2', 'reg_A')] };
    expect(ids(v)).toEqual([...withWork('board', 'case-queue', 'desk'), 'review']);
    expect(reviewedRegions(v)).toEqual(['reg_A']);
    expect(deskRegions({ user: {}, memberships: [m('coordinator', 'o1', 'reg_A'), m('advisor', 'o2', 'reg_B'), m('auditor', 'o3', 'reg_C')] })).toEqual([
      'reg_A',
      'reg_B',
    ]);
  });

  it('adds the organization page for an organization or provider admin', () => {
    expect(ids({ user: {}, memberships: [m('provider_admin', 'org_7')] })).toEqual([
      ...withWork('offers', 'provider-quality', 'provider-billing'),
      'org-org_7',
      'provider-services',
    ]);
    expect(editedProviders({ user: {}, memberships: [m('provider_admin', 'org_7', 'reg_1', 'Siivous Oy')] })).toEqual([
      { id: 'org_7', name: 'Siivous Oy', regionId: 'reg_1' },
    ]);
    expect(navigationFor({ user: {}, memberships: [m('org_admin', 'org_7')] }).at(-1)?.to).toBe('/organizations/org_7');
  });

  it('lists organizations when a person administers several', () => {
    const v: Viewer = { user: {}, memberships: [m('org_admin', 'org_1'), m('provider_admin', 'org_2')] };
    expect(ids(v)).toEqual([...withWork('offers', 'provider-quality', 'provider-billing'), 'organizations', 'provider-services']);
    expect(administeredOrganizations(v).map((o) => o.id)).toEqual(['org_1', 'org_2']);
  });

  it('adds the region log search for an auditor, once per region', () => {
    const v: Viewer = { user: {}, memberships: [m('auditor', 'org_1', 'reg_A'), m('auditor', 'org_2', 'reg_A'), m('auditor', 'org_3', 'reg_B')] };
    expect(auditedRegions(v)).toEqual(['reg_A', 'reg_B']);
    expect(ids(v)).toEqual([...BASE, 'audit-reg_A', 'audit-reg_B']);
  });

  it('gives the platform admin every organization', () => {
    const v: Viewer = { user: { platform_role: 'platform_admin' }, memberships: [] };
    expect(ids(v)).toEqual([...BASE, 'organizations']);
    expect(isClient(v)).toBe(false);
    expect(rolesToGreet(v)).toEqual([{ role: 'platform_admin' }]);
  });
});

describe('clientsWithReadableLog', () => {
  it('counts active delegations whose scope covers the access log', () => {
    const v: Viewer = {
      user: {},
      memberships: [],
      received: [
        { client_id: 'a', scope: 'all', active: true },
        { client_id: 'b', scope: 'access_log', active: true },
        { client_id: 'c', scope: 'services', active: true },
        { client_id: 'd', scope: 'all', active: false },
      ],
    };
    expect(clientsWithReadableLog(v)).toEqual(['a', 'b']);
  });
});

describe('rolesToGreet', () => {
  it('greets a person without roles as a client', () => {
    expect(rolesToGreet({ user: {}, memberships: [] })).toEqual([{ role: 'client' }]);
  });

  it('greets each membership with its organization', () => {
    expect(rolesToGreet({ user: {}, memberships: [m('advisor', 'o', 'r', 'Kotitori')] })).toEqual([
      { role: 'advisor', organization: 'Kotitori' },
    ]);
  });
});

describe('ROLES_BY_KIND', () => {
  it('offers only known roles, an administering role first', () => {
    for (const roles of Object.values(ROLES_BY_KIND)) {
      for (const r of roles) expect(ROLES).toContain(r);
      expect(['org_admin', 'provider_admin']).toContain(roles[0]);
    }
  });
});

describe('roleChoices', () => {
  it('offers the roles of the kind, the administering one first', () => {
    expect(roleChoices('provider_company', 'provider_worker')).toEqual(['provider_admin', 'provider_worker']);
    expect(roleChoices('association')).toEqual(['provider_admin', 'provider_worker', 'volunteer']);
  });

  it('keeps a role the kind no longer offers, last, so the member’s own role can be shown', () => {
    expect(roleChoices('partner_company', 'advisor')).toEqual(['org_admin', 'partner', 'advisor']);
  });
});
