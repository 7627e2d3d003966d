// Every operation the web UI calls, as method + path template of the OpenAPI document. The
// compiler checks each pair against the paths generated from the document (schema.gen.ts), and
// endpoints.test.ts against the document itself, so the UI never calls an undocumented endpoint.
import type { paths } from './schema.gen';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The methods the document defines for a path (undefined ones are generated as `?: never`). */
type DocumentedMethod<P extends keyof paths> = {
  [M in Method]-?: undefined extends paths[P][Lowercase<M>] ? never : M;
}[Method];

export interface Operation {
  method: Method;
  path: string;
}

function op<P extends keyof paths>(method: DocumentedMethod<P>, path: P): Operation {
  return { method, path };
}

export const operations = {
  login: op('POST', '/api/v1/auth/login'),
  loginMfa: op('POST', '/api/v1/auth/login/mfa'),
  logout: op('POST', '/api/v1/auth/logout'),
  logoutEverywhere: op('POST', '/api/v1/auth/logout-everywhere'),
  requestPasswordReset: op('POST', '/api/v1/auth/password-reset'),
  resetPassword: op('POST', '/api/v1/auth/password-reset/confirm'),
  verifyEmail: op('POST', '/api/v1/auth/verify-email'),
  me: op('GET', '/api/v1/me'),
  updateMe: op('PATCH', '/api/v1/me'),
  mySessions: op('GET', '/api/v1/me/sessions'),
  revokeSession: op('DELETE', '/api/v1/me/sessions/{id}'),
  myMemberships: op('GET', '/api/v1/me/memberships'),
  myDelegations: op('GET', '/api/v1/me/delegations'),
  grantDelegation: op('POST', '/api/v1/me/delegations'),
  revokeDelegation: op('DELETE', '/api/v1/me/delegations/{id}'),
  withdrawDelegationInvitation: op('DELETE', '/api/v1/me/delegation-invitations/{id}'),
  acceptDelegation: op('POST', '/api/v1/delegations/accept'),
  myAccessLog: op('GET', '/api/v1/me/access-log'),
  startTotp: op('POST', '/api/v1/me/mfa/totp'),
  confirmTotp: op('POST', '/api/v1/me/mfa/totp/confirm'),
  disableMfa: op('POST', '/api/v1/me/mfa/disable'),
  newRecoveryCodes: op('POST', '/api/v1/me/mfa/recovery-codes'),
  listRegions: op('GET', '/api/v1/regions'),
  getRegion: op('GET', '/api/v1/regions/{id}'),
  regionAccessLog: op('GET', '/api/v1/regions/{id}/access-log'),
  listOrganizations: op('GET', '/api/v1/regions/{id}/organizations'),
  getOrganization: op('GET', '/api/v1/organizations/{id}'),
  listMembers: op('GET', '/api/v1/organizations/{id}/members'),
  changeMemberRole: op('PATCH', '/api/v1/organizations/{id}/members/{member_id}'),
  removeMember: op('DELETE', '/api/v1/organizations/{id}/members/{member_id}'),
  listInvitations: op('GET', '/api/v1/organizations/{id}/invitations'),
  invite: op('POST', '/api/v1/organizations/{id}/invitations'),
  revokeInvitation: op('DELETE', '/api/v1/organizations/{id}/invitations/{invitation_id}'),
  acceptInvitation: op('POST', '/api/v1/invitations/accept'),
  listTokens: op('GET', '/api/v1/organizations/{id}/tokens'),
  createToken: op('POST', '/api/v1/organizations/{id}/tokens'),
  revokeToken: op('DELETE', '/api/v1/organizations/{id}/tokens/{token_id}'),
  demo: op('GET', '/api/v1/demo'),
  demoMailbox: op('GET', '/api/v1/demo/mailbox'),
  demoMail: op('GET', '/api/v1/demo/mailbox/{id}'),
  searchServices: op('GET', '/api/v1/services'),
  suggestServices: op('GET', '/api/v1/services/suggestions'),
  getPublicService: op('GET', '/api/v1/services/{id}'),
  getProvider: op('GET', '/api/v1/providers/{id}'),
  listCategories: op('GET', '/api/v1/directory/categories'),
  listPlaces: op('GET', '/api/v1/directory/places'),
  listProviderServices: op('GET', '/api/v1/providers/{id}/services'),
  createService: op('POST', '/api/v1/providers/{id}/services'),
  getManagedService: op('GET', '/api/v1/directory/services/{id}'),
  getServiceHistory: op('GET', '/api/v1/directory/services/{id}/history'),
  editServiceDraft: op('PUT', '/api/v1/directory/services/{id}/draft'),
  submitService: op('POST', '/api/v1/directory/services/{id}/submit'),
  withdrawService: op('POST', '/api/v1/directory/services/{id}/withdraw'),
  archiveService: op('POST', '/api/v1/directory/services/{id}/archive'),
  publishService: op('POST', '/api/v1/directory/services/{id}/publish'),
  requestServiceChanges: op('POST', '/api/v1/directory/services/{id}/request-changes'),
  reviewQueue: op('GET', '/api/v1/directory/review-queue'),
  getClient: op('GET', '/api/v1/clients/{id}'),
  listOrganizationClients: op('GET', '/api/v1/organizations/{id}/clients'),
  listGrants: op('GET', '/api/v1/clients/{id}/grants'),
  recordGrant: op('POST', '/api/v1/clients/{id}/grants'),
  quoteFunding: op('POST', '/api/v1/clients/{id}/funding-quote'),
  listVoucherApprovals: op('GET', '/api/v1/organizations/{id}/voucher-approvals'),
  listAgreements: op('GET', '/api/v1/organizations/{id}/agreements'),
  createOrder: op('POST', '/api/v1/orders'),
  shopCheckout: op('POST', '/api/v1/shop/orders'),
  getOrder: op('GET', '/api/v1/orders/{id}'),
  listClientOrders: op('GET', '/api/v1/clients/{id}/orders'),
  cancelOrder: op('POST', '/api/v1/orders/{id}/cancel'),
  acceptOrder: op('POST', '/api/v1/orders/{id}/accept'),
  declineOrder: op('POST', '/api/v1/orders/{id}/decline'),
  routeOrder: op('POST', '/api/v1/orders/{id}/route'),
  assignOrder: op('POST', '/api/v1/orders/{id}/assign'),
  listOrderMessages: op('GET', '/api/v1/orders/{id}/messages'),
  postOrderMessage: op('POST', '/api/v1/orders/{id}/messages'),
  listOffers: op('GET', '/api/v1/organizations/{id}/offers'),
  getBoard: op('GET', '/api/v1/regions/{id}/board'),
  myVisits: op('GET', '/api/v1/me/visits'),
  checkInVisit: op('POST', '/api/v1/visits/{id}/check-in'),
  checkOutVisit: op('POST', '/api/v1/visits/{id}/check-out'),
  visitNotAtHome: op('POST', '/api/v1/visits/{id}/not-at-home'),
  confirmVisit: op('POST', '/api/v1/visits/{id}/confirm'),
  disputeVisit: op('POST', '/api/v1/visits/{id}/dispute'),
  unreadNotificationCount: op('GET', '/api/v1/notifications/unread-count'),
  listNotifications: op('GET', '/api/v1/notifications'),
  markNotificationsRead: op('POST', '/api/v1/notifications/read'),
  listWebhooks: op('GET', '/api/v1/organizations/{id}/webhooks'),
  createWebhook: op('POST', '/api/v1/organizations/{id}/webhooks'),
  deleteWebhook: op('DELETE', '/api/v1/organizations/{id}/webhooks/{webhook_id}'),
  pingWebhook: op('POST', '/api/v1/organizations/{id}/webhooks/{webhook_id}/ping'),
  listWebhookDeliveries: op('GET', '/api/v1/organizations/{id}/webhook-deliveries'),
  replayWebhookDelivery: op('POST', '/api/v1/organizations/{id}/webhook-deliveries/{delivery_id}/replay'),
  searchClients: op('POST', '/api/v1/regions/{id}/clients/search'),
  registerClient: op('POST', '/api/v1/regions/{id}/clients'),
  clientLookAlikes: op('POST', '/api/v1/regions/{id}/clients/look-alikes'),
  revealIdentityCode: op('POST', '/api/v1/clients/{id}/identity-code/reveal'),
  mergeClients: op('POST', '/api/v1/clients/{id}/merge'),
  listAdviceTopics: op('GET', '/api/v1/advice-topics'),
  listAdviceContacts: op('GET', '/api/v1/clients/{id}/contacts'),
  addAdviceContact: op('POST', '/api/v1/clients/{id}/contacts'),
  listAssessmentForms: op('GET', '/api/v1/regions/{id}/assessment-forms'),
  getAssessmentForm: op('GET', '/api/v1/assessment-forms/{id}'),
  listAssessments: op('GET', '/api/v1/clients/{id}/assessments'),
  addAssessment: op('POST', '/api/v1/clients/{id}/assessments'),
  listClientTasks: op('GET', '/api/v1/clients/{id}/tasks'),
  addClientTask: op('POST', '/api/v1/clients/{id}/tasks'),
  completeTask: op('POST', '/api/v1/tasks/{id}/done'),
  myTasks: op('GET', '/api/v1/me/tasks'),
  overdueTasks: op('GET', '/api/v1/regions/{id}/overdue-tasks'),
  listClientReferrals: op('GET', '/api/v1/clients/{id}/referrals'),
  referClient: op('POST', '/api/v1/clients/{id}/referrals'),
  listReferralQueue: op('GET', '/api/v1/organizations/{id}/referrals'),
  decideReferral: op('POST', '/api/v1/referrals/{id}/decide'),
  getClientPlan: op('GET', '/api/v1/clients/{id}/plan'),
  addPlanItem: op('POST', '/api/v1/clients/{id}/plan/items'),
  changePlanItem: op('PATCH', '/api/v1/plan-items/{id}'),
  endPlanItem: op('POST', '/api/v1/plan-items/{id}/end'),
  resumePlanItem: op('POST', '/api/v1/plan-items/{id}/resume'),
  listConsents: op('GET', '/api/v1/clients/{id}/consents'),
  withdrawConsent: op('POST', '/api/v1/clients/{id}/consents/{consent_id}/withdraw'),
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

/** Fills `{name}` placeholders; every value is URL-encoded. Throws on a missing parameter. */
export function expandPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=2` from the defined, non-empty values; '' when there are none. */
export function queryString(query: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
