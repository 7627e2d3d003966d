// Typed functions for each /api/v1 operation the web UI uses.
import { operations as ops } from './endpoints';
import { call, setCsrfToken } from './http';
import type {
  AccessLogEntry,
  ApiToken,
  Delegation,
  DelegationInvitation,
  DelegationScope,
  DemoInfo,
  DemoMail,
  DemoMailSummary,
  Invitation,
  Language,
  Membership,
  MfaChallenge,
  MyDelegations,
  NewApiToken,
  Organization,
  Page,
  Region,
  Session,
  TokenScope,
  User,
} from './types';

export { ApiError } from './problem';
export { onApiError, setCsrfToken } from './http';

export function isMfaChallenge(v: User | MfaChallenge): v is MfaChallenge {
  return (v as MfaChallenge).mfa_required === true;
}

function remember(user: User): User {
  if (user.csrf_token) setCsrfToken(user.csrf_token);
  return user;
}

// --- sign-in and links -------------------------------------------------------------------

export async function login(email: string, password: string): Promise<User | MfaChallenge> {
  const { data } = await call<User | MfaChallenge>(ops.login, { body: { email, password }, quiet: true });
  return isMfaChallenge(data) ? data : remember(data);
}

export async function loginMfa(
  mfaToken: string,
  answer: { code: string } | { recovery_code: string },
): Promise<User> {
  const { data } = await call<User>(ops.loginMfa, { body: { mfa_token: mfaToken, ...answer }, quiet: true });
  return remember(data);
}

export async function logout(): Promise<void> {
  await call(ops.logout, { quiet: true });
  setCsrfToken(null);
}

export async function logoutEverywhere(): Promise<void> {
  await call(ops.logoutEverywhere);
  setCsrfToken(null);
}

export async function requestPasswordReset(email: string): Promise<void> {
  await call(ops.requestPasswordReset, { body: { email }, quiet: true });
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await call(ops.resetPassword, { body: { token, password }, quiet: true });
}

export async function verifyEmail(token: string): Promise<void> {
  await call(ops.verifyEmail, { body: { token }, quiet: true });
}

export async function acceptInvitation(token: string, account?: { name: string; password: string }): Promise<Membership> {
  const { data } = await call<Membership>(ops.acceptInvitation, { body: { token, ...account }, quiet: true });
  return data;
}

// --- me ------------------------------------------------------------------------------------

export interface Versioned<T> {
  value: T;
  etag: string;
}

function etagOf(headers: Headers, version: number): string {
  return headers.get('ETag') ?? `"${version}"`;
}

/** The signed-in user with the ETag for PATCH; a 401 means nobody is signed in. */
export async function getMe(options: { quiet?: boolean } = {}): Promise<Versioned<User>> {
  const { data, headers } = await call<User>(ops.me, { quiet: options.quiet ?? false });
  return { value: remember(data), etag: etagOf(headers, data.version) };
}

export async function updateMe(
  etag: string,
  change: { name?: string; phone?: string | null; language?: Language },
): Promise<Versioned<User>> {
  const { data, headers } = await call<User>(ops.updateMe, { body: change, headers: { 'If-Match': etag } });
  return { value: remember(data), etag: etagOf(headers, data.version) };
}

export async function listSessions(): Promise<Session[]> {
  return (await call<{ items: Session[] }>(ops.mySessions)).data.items;
}

export async function revokeSession(id: string): Promise<void> {
  await call(ops.revokeSession, { params: { id } });
}

export async function listMemberships(): Promise<Membership[]> {
  return (await call<{ items: Membership[] }>(ops.myMemberships)).data.items;
}

export async function listDelegations(): Promise<MyDelegations> {
  return (await call<MyDelegations>(ops.myDelegations)).data;
}

/** E-mails an invitation; the answer is the same whether or not the address has an account. */
export async function grantDelegation(input: {
  delegate_email: string;
  scope: DelegationScope;
  valid_until?: string;
}): Promise<DelegationInvitation> {
  return (await call<DelegationInvitation>(ops.grantDelegation, { body: input })).data;
}

export async function withdrawDelegationInvitation(id: string): Promise<void> {
  await call(ops.withdrawDelegationInvitation, { params: { id } });
}

/** The link of a delegation invitation: signed in, or creating the account (name, password). */
export async function acceptDelegation(token: string, account?: { name: string; password: string }): Promise<Delegation> {
  const { data } = await call<Delegation>(ops.acceptDelegation, { body: { token, ...account }, quiet: true });
  return data;
}

export async function revokeDelegation(id: string): Promise<void> {
  await call(ops.revokeDelegation, { params: { id } });
}

export async function myAccessLog(query: {
  client_id?: string;
  limit?: number;
  cursor?: string | null;
}): Promise<Page<AccessLogEntry>> {
  return (await call<Page<AccessLogEntry>>(ops.myAccessLog, { query })).data;
}

/** Starts setting up an authenticator app; the server asks for the account's password again. */
export async function startTotp(password: string): Promise<{ secret: string; otpauth_uri: string }> {
  return (await call<{ secret: string; otpauth_uri: string }>(ops.startTotp, { body: { password } })).data;
}

export async function confirmTotp(code: string): Promise<string[]> {
  return (await call<{ recovery_codes: string[] }>(ops.confirmTotp, { body: { code } })).data.recovery_codes;
}

export async function disableMfa(code: string): Promise<void> {
  await call(ops.disableMfa, { body: { code } });
}

export async function newRecoveryCodes(code: string): Promise<string[]> {
  return (await call<{ recovery_codes: string[] }>(ops.newRecoveryCodes, { body: { code } })).data.recovery_codes;
}

// --- regions and organizations ---------------------------------------------------------------

export async function listRegions(): Promise<Region[]> {
  return (await call<Page<Region>>(ops.listRegions, { query: { limit: 100 } })).data.items;
}

export async function getRegion(id: string): Promise<Region> {
  return (await call<Region>(ops.getRegion, { params: { id } })).data;
}

export interface AuditQuery {
  actor_id?: string;
  client_id?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string | null;
}

export async function regionAccessLog(regionId: string, query: AuditQuery): Promise<Page<AccessLogEntry>> {
  return (await call<Page<AccessLogEntry>>(ops.regionAccessLog, { params: { id: regionId }, query: { ...query } }))
    .data;
}

export async function listOrganizations(regionId: string): Promise<Organization[]> {
  return (
    await call<Page<Organization>>(ops.listOrganizations, { params: { id: regionId }, query: { limit: 100 } })
  ).data.items;
}

export async function getOrganization(id: string): Promise<Organization> {
  return (await call<Organization>(ops.getOrganization, { params: { id } })).data;
}

export async function listMembers(id: string): Promise<Membership[]> {
  return (await call<{ items: Membership[] }>(ops.listMembers, { params: { id } })).data.items;
}

/** Gives a member another role of the organization's kind; 409 when no admin would be left. */
export async function changeMemberRole(id: string, memberId: string, role: string): Promise<Membership> {
  return (await call<Membership>(ops.changeMemberRole, { params: { id, member_id: memberId }, body: { role } })).data;
}

export async function removeMember(id: string, memberId: string): Promise<void> {
  await call(ops.removeMember, { params: { id, member_id: memberId } });
}

export async function listInvitations(id: string): Promise<Invitation[]> {
  return (await call<{ items: Invitation[] }>(ops.listInvitations, { params: { id } })).data.items;
}

export async function invite(id: string, input: { email: string; role: string }): Promise<Invitation> {
  return (await call<Invitation>(ops.invite, { params: { id }, body: input })).data;
}

export async function revokeInvitation(id: string, invitationId: string): Promise<void> {
  await call(ops.revokeInvitation, { params: { id, invitation_id: invitationId } });
}

export async function listTokens(id: string): Promise<ApiToken[]> {
  return (await call<{ items: ApiToken[] }>(ops.listTokens, { params: { id } })).data.items;
}

export async function createToken(
  id: string,
  input: { name: string; scopes: TokenScope[]; expires_in_days: number },
): Promise<NewApiToken> {
  return (await call<NewApiToken>(ops.createToken, { params: { id }, body: input })).data;
}

export async function revokeToken(id: string, tokenId: string): Promise<void> {
  await call(ops.revokeToken, { params: { id, token_id: tokenId } });
}

// --- demo installation ---------------------------------------------------------------------

/** Whether this server is a demo and has a demo mailbox; quiet, since every page asks. */
export async function getDemo(): Promise<DemoInfo> {
  return (await call<DemoInfo>(ops.demo, { quiet: true })).data;
}

export async function listDemoMailbox(): Promise<DemoMailSummary[]> {
  return (await call<{ items: DemoMailSummary[] }>(ops.demoMailbox)).data.items;
}

export async function getDemoMail(id: string): Promise<DemoMail> {
  return (await call<DemoMail>(ops.demoMail, { params: { id } })).data;
}
