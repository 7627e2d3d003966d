// Shapes of the API's JSON, as documented in docs/openapi.json (components.schemas).
// endpoints.test.ts checks that every field listed in `documentedFields` exists in the document.

export type Language = 'fi' | 'sv' | 'en' | 'de' | 'da';

export interface MfaStatus {
  enabled: boolean;
  required: boolean;
  recovery_codes_left: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  phone?: string | null;
  language: Language;
  platform_role?: string | null;
  email_verified: boolean;
  created_at: string;
  version: number;
  csrf_token?: string;
  mfa?: MfaStatus;
}

export interface MfaChallenge {
  mfa_required: true;
  mfa_token: string;
}

export interface Session {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip: string;
  current: boolean;
}

export interface Region {
  id: string;
  code: string;
  name: string;
  country: 'FI' | 'DE' | 'DK';
  time_zone: string;
  default_language: Language;
  version: number;
}

export type OrganizationKind =
  | 'welfare_area'
  | 'municipality'
  | 'employer'
  | 'provider_company'
  | 'association'
  | 'volunteer_group'
  | 'integrator'
  | 'partner_company';

export interface Organization {
  id: string;
  region_id: string;
  kind: OrganizationKind;
  name: string;
  business_id?: string | null;
  created_at: string;
  version: number;
}

export interface Membership {
  id: string;
  organization_id: string;
  organization_name: string;
  region_id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  role: string;
  created_at: string;
}

export interface Invitation {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'revoked';
  created_at: string;
  expires_at: string;
  accepted_at?: string | null;
}

export type DelegationScope = 'all' | 'services' | 'access_log';

export interface Delegation {
  id: string;
  client_id: string;
  client_name: string;
  delegate_id: string;
  delegate_name: string;
  scope: DelegationScope;
  valid_from: string;
  valid_until?: string | null;
  revoked_at?: string | null;
  active: boolean;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  actor_name: string;
  actor_role: string;
  organization_name?: string | null;
  action: string;
  purpose?: string | null;
  // Only in a region's log (auditors):
  actor_id?: string;
  client_id?: string;
  client_name?: string;
  request_id?: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type TokenScope = 'organization.read' | 'members.read' | 'clients.read';

export interface ApiToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at?: string | null;
  revoked_at?: string | null;
  created_by_name?: string | null;
}

export interface NewApiToken extends ApiToken {
  token: string;
}

/**
 * The fields of documented schemas the UI reads. A field here that the document lacks fails
 * endpoints.test.ts.
 */
export const documentedFields: Record<string, readonly string[]> = {
  User: ['id', 'email', 'name', 'phone', 'language', 'platform_role', 'email_verified', 'created_at', 'version', 'csrf_token', 'mfa'],
  Session: ['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip', 'current'],
  Region: ['id', 'code', 'name', 'country', 'time_zone', 'default_language', 'version'],
  Organization: ['id', 'region_id', 'kind', 'name', 'business_id', 'created_at', 'version'],
  Membership: ['id', 'organization_id', 'organization_name', 'region_id', 'user_id', 'user_name', 'user_email', 'role', 'created_at'],
  Invitation: ['id', 'organization_id', 'email', 'role', 'status', 'created_at', 'expires_at', 'accepted_at'],
  AccessEntry: ['id', 'at', 'actor_name', 'actor_role', 'organization_name', 'action', 'purpose', 'actor_id', 'client_id', 'client_name', 'request_id'],
  AccessPage: ['items', 'next_cursor'],
  ApiToken: ['id', 'name', 'scopes', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at', 'created_by_name', 'token'],
  RecoveryCodes: ['recovery_codes'],
  Delegation: ['id', 'client_id', 'client_name', 'delegate_id', 'delegate_name', 'scope', 'valid_from', 'valid_until', 'revoked_at', 'active'],
};
