// Who sees what: the navigation and start page for a person's roles. Roles come from
// GET /api/v1/me/memberships; platform_role from GET /api/v1/me; nobody with no membership
// is a client.
import type { Delegation, Membership, OrganizationKind, User } from '../api/types';

export const ROLES = [
  'purchaser_officer',
  'advisor',
  'auditor',
  'coordinator',
  'org_admin',
  'provider_admin',
  'provider_worker',
  'volunteer',
  'employer_hr',
  'employee',
  'partner',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that administer their organization (members, invitations, API tokens). */
export const ADMIN_ROLES: readonly string[] = ['org_admin', 'provider_admin'];

/** Roles an organization of each kind offers (src/tenancy/README.md); the first administers it. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  welfare_area: ['org_admin', 'purchaser_officer', 'advisor', 'auditor'],
  municipality: ['org_admin', 'purchaser_officer', 'advisor', 'auditor'],
  integrator: ['org_admin', 'coordinator', 'advisor', 'auditor'],
  provider_company: ['provider_admin', 'provider_worker'],
  association: ['provider_admin', 'provider_worker', 'volunteer'],
  volunteer_group: ['provider_admin', 'provider_worker', 'volunteer'],
  employer: ['org_admin', 'employer_hr', 'employee'],
  partner_company: ['org_admin', 'partner'],
  care_insurer: ['org_admin', 'purchaser_officer', 'auditor'],
};

/**
 * The roles a member can be given in an organization of this kind. A member whose role the kind
 * no longer offers keeps it listed (last), so the choice shows what they have now.
 */
export function roleChoices(kind: OrganizationKind, current?: string): string[] {
  const offered: string[] = [...(ROLES_BY_KIND[kind] ?? [])];
  if (current && !offered.includes(current)) offered.push(current);
  return offered;
}

export function isKnownRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

export interface NavItem {
  /** Stable id, also used in test selectors. */
  id: string;
  to: string;
  /** i18n key of the label. */
  label: string;
  /** Interpolation values for the label (an organization's or region's name). */
  values?: Record<string, string>;
}

export interface Viewer {
  user: Pick<User, 'platform_role'>;
  memberships: readonly Pick<Membership, 'organization_id' | 'organization_name' | 'region_id' | 'role'>[];
  /** Delegations the person received (they act for these clients). */
  received?: readonly Pick<Delegation, 'client_id' | 'scope' | 'active'>[];
}

export function isPlatformAdmin(v: Viewer): boolean {
  return v.user.platform_role === 'platform_admin';
}

/** A person with no organization role is a client (also staff have their own profile and log). */
export function isClient(v: Viewer): boolean {
  return v.memberships.length === 0 && !isPlatformAdmin(v);
}

/** Organizations the person administers, once each, in membership order. */
export function administeredOrganizations(v: Viewer): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of v.memberships) {
    if (ADMIN_ROLES.includes(m.role) && !seen.has(m.organization_id)) seen.set(m.organization_id, m.organization_name);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Providers whose services the person edits (provider admins), once each, in membership order. */
export function editedProviders(v: Viewer): { id: string; name: string; regionId: string }[] {
  const seen = new Map<string, { id: string; name: string; regionId: string }>();
  for (const m of v.memberships) {
    if (m.role === 'provider_admin' && !seen.has(m.organization_id)) {
      seen.set(m.organization_id, { id: m.organization_id, name: m.organization_name, regionId: m.region_id });
    }
  }
  return [...seen.values()];
}

/** Regions whose service directory the person reviews (coordinators), once each. */
export function reviewedRegions(v: Viewer): string[] {
  return [...new Set(v.memberships.filter((m) => m.role === 'coordinator').map((m) => m.region_id))];
}

/** Regions whose advice desk the person works at (advisors and coordinators), once each. */
export function deskRegions(v: Viewer): string[] {
  return [...new Set(v.memberships.filter((m) => m.role === 'advisor' || m.role === 'coordinator').map((m) => m.region_id))];
}

/** Regions whose whole access log the person may search (auditors), once each. */
export function auditedRegions(v: Viewer): string[] {
  return [...new Set(v.memberships.filter((m) => m.role === 'auditor').map((m) => m.region_id))];
}

/** Clients whose access log the person may read for them (active delegations with that scope). */
export function clientsWithReadableLog(v: Viewer): string[] {
  return (v.received ?? [])
    .filter((d) => d.active && (d.scope === 'all' || d.scope === 'access_log'))
    .map((d) => d.client_id);
}

/** Clients whose services the person handles for them (active delegations with that scope). */
export function clientsActedFor(v: Viewer): string[] {
  return (v.received ?? []).filter((d) => d.active && (d.scope === 'all' || d.scope === 'services')).map((d) => d.client_id);
}

/** Organizations whose funding decisions and orders the person handles (purchaser officers), once each. */
export function purchasingOrganizations(v: Viewer): { id: string; name: string; regionId: string }[] {
  const seen = new Map<string, { id: string; name: string; regionId: string }>();
  for (const m of v.memberships) {
    if (m.role === 'purchaser_officer' && !seen.has(m.organization_id)) {
      seen.set(m.organization_id, { id: m.organization_id, name: m.organization_name, regionId: m.region_id });
    }
  }
  return [...seen.values()];
}

/** Whether the person visits clients for a provider (workers). */
export function isProviderWorker(v: Viewer): boolean {
  return v.memberships.some((m) => m.role === 'provider_worker');
}

/**
 * The work page of each role, right after the start page so it is one click away: a client's
 * (or their delegate's) orders, own payments, needs assessment, service plan and complaints, the purchaser's clients,
 * referrals and billing, the coordinators' board and their queue of complaints and follow-ups, the advice desk's call
 * screen (advisors and coordinators), the provider's offers, its quality and feedback and its billing statements, the
 * worker's day.
 */
function workPages(v: Viewer): NavItem[] {
  const items: NavItem[] = [];
  if (isClient(v) || clientsActedFor(v).length > 0) {
    items.push({ id: 'my-orders', to: '/orders', label: 'nav.myOrders' });
    items.push({ id: 'my-payments', to: '/billing/mine', label: 'nav.myPayments' });
    items.push({ id: 'assessment', to: '/assessment', label: 'nav.assessment' });
    items.push({ id: 'plan', to: '/plan', label: 'nav.plan' });
    items.push({ id: 'my-cases', to: '/cases', label: 'nav.myCases' });
  }
  if (purchasingOrganizations(v).length > 0) {
    items.push({ id: 'purchaser-clients', to: '/purchaser/clients', label: 'nav.purchaserClients' });
    items.push({ id: 'purchaser-referrals', to: '/purchaser/referrals', label: 'nav.purchaserReferrals' });
    items.push({ id: 'purchaser-billing', to: '/purchaser/billing', label: 'nav.purchaserBilling' });
  }
  if (reviewedRegions(v).length > 0) {
    items.push({ id: 'board', to: '/board', label: 'nav.board' });
    items.push({ id: 'case-queue', to: '/coordinator/cases', label: 'nav.caseQueue' });
  }
  if (deskRegions(v).length > 0) items.push({ id: 'desk', to: '/desk', label: 'nav.desk' });
  if (editedProviders(v).length > 0) {
    items.push({ id: 'offers', to: '/provider/offers', label: 'nav.offers' });
    items.push({ id: 'provider-quality', to: '/provider/quality', label: 'nav.providerQuality' });
    items.push({ id: 'provider-billing', to: '/provider/billing', label: 'nav.providerBilling' });
  }
  if (isProviderWorker(v)) items.push({ id: 'my-day', to: '/my-day', label: 'nav.myDay' });
  return items;
}

/** The navigation for a signed-in person: the same for every role, plus what their roles add. */
export function navigationFor(v: Viewer): NavItem[] {
  const items: NavItem[] = [
    { id: 'home', to: '/', label: 'nav.home' },
    ...workPages(v),
    { id: 'profile', to: '/profile', label: 'nav.profile' },
    { id: 'access-log', to: '/access-log', label: 'nav.accessLog' },
    { id: 'delegations', to: '/delegations', label: 'nav.delegations' },
  ];
  const orgs = administeredOrganizations(v);
  if (isPlatformAdmin(v)) {
    items.push({ id: 'organizations', to: '/organizations', label: 'nav.organizations' });
  } else if (orgs.length === 1) {
    items.push({ id: `org-${orgs[0]!.id}`, to: `/organizations/${orgs[0]!.id}`, label: 'nav.myOrganization' });
  } else if (orgs.length > 1) {
    items.push({ id: 'organizations', to: '/organizations', label: 'nav.organizations' });
  }
  if (editedProviders(v).length > 0) {
    items.push({ id: 'provider-services', to: '/provider/services', label: 'nav.providerServices' });
  }
  if (reviewedRegions(v).length > 0) items.push({ id: 'review', to: '/review', label: 'nav.review' });
  for (const region of auditedRegions(v)) {
    items.push({ id: `audit-${region}`, to: `/regions/${region}/access-log`, label: 'nav.auditLog' });
  }
  return items;
}

/** The roles to greet on the start page: each membership once, or "client". */
export function rolesToGreet(v: Viewer): { role: string; organization?: string }[] {
  const out: { role: string; organization?: string }[] = [];
  if (isPlatformAdmin(v)) out.push({ role: 'platform_admin' });
  for (const m of v.memberships) out.push({ role: m.role, organization: m.organization_name });
  if (out.length === 0) out.push({ role: 'client' });
  return out;
}
