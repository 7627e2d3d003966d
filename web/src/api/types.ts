// Shapes of the API's JSON: the schemas of the OpenAPI document (components.schemas), as
// openapi-typescript generates them into schema.gen.ts from the document that
// scripts/web-build.sh assembles out of the src/<feature>/openapi.json fragments (see docs/api.md).
// A change to a documented schema therefore shows up here as a type error. Where the UI needs a
// narrower type than the document gives, the refinement is written out below with its reason.
// endpoints.test.ts checks that every field listed in `documentedFields` exists in the document.
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type Language = User['language'];
export type MfaStatus = NonNullable<User['mfa']>;
export type MfaChallenge = Schemas['MfaChallenge'];
export type Session = Schemas['Session'];
export type Region = Schemas['Region'];
export type Organization = Schemas['Organization'];
export type OrganizationKind = Organization['kind'];
export type Membership = Schemas['Membership'];
export type Invitation = Schemas['Invitation'];
export type Delegation = Schemas['Delegation'];
export type DelegationScope = Delegation['scope'];
export type DelegationInvitation = Schemas['DelegationInvitation'];
/** GET /api/v1/me/delegations: given, received, the invitations waiting, and whether one may grant. */
export type MyDelegations = paths['/api/v1/me/delegations']['get']['responses'][200]['content']['application/json'];
/** An entry of the access log; the auditor's search adds actor_id, client_id and the other ids. */
export type AccessLogEntry = Schemas['AccessEntry'];
export type ApiToken = Schemas['ApiToken'];
export type TokenScope = ApiToken['scopes'][number];
export type DemoInfo = Schemas['DemoInfo'];
export type DemoMailSummary = Schemas['DemoMailSummary'];
export type DemoMail = Schemas['DemoMail'];

// --- the service directory (src/directory/openapi.json) ---
/** Texts by language code (fi, sv, en, de, da); any may be missing (the document's LocalizedText). */
export type LocalizedText = Schemas['LocalizedText'];
export type ServiceContent = Schemas['ServiceContent'];
export type ServiceSummary = Schemas['ServiceSummary'];
export type ServicePrice = ServiceSummary['price'];
export type PriceModel = ServicePrice['model'];
export type ServiceArea = ServiceSummary['area'];
export type OpeningHours = NonNullable<ServiceContent['hours']>[number];
export type ServiceSearchResult = Schemas['ServiceSearchResult'];
export type FacetCount = NonNullable<ServiceSearchResult['facets']['category']>[number];
export type PublicService = Schemas['PublicService'];
export type ManagedService = Schemas['ManagedService'];
export type ServiceState = ManagedService['state'];
export type ServiceEvent = Schemas['ServiceEvent'];
export type ProviderPage = Schemas['ProviderPage'];
export type Category = Schemas['Category'];
export type Place = Schemas['Place'];

// --- orders and funding (src/orders/openapi.json, src/funding/openapi.json) ---
export type ClientRecord = Schemas['ClientRecord'];
/** GET /api/v1/organizations/{id}/clients: the clients an organization pays for or serves. */
export type OrganizationClient =
  paths['/api/v1/organizations/{id}/clients']['get']['responses'][200]['content']['application/json']['items'][number];
export type Schedule = Schemas['Schedule'];
export type OrderPrice = Schemas['OrderPrice'];
export type Order = Schemas['Order'];
export type OrderState = Order['state'];
export type Visit = Schemas['Visit'];
export type VisitState = Visit['state'];
export type VisitTask = NonNullable<Visit['tasks']>[number];
export type VisitView = Schemas['VisitView'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Offer = Schemas['Offer'];
export type OrderMessage = Schemas['Message'];
export type Agreement = Schemas['Agreement'];
export type OrderView = Schemas['OrderView'];
export type InboxItem = Schemas['InboxItem'];
export type Board = Schemas['Board'];
export type VoucherApproval = Schemas['VoucherApproval'];
export type Grant = Schemas['Grant'];
export type GrantKind = Grant['kind'];
export type GrantBalance = Schemas['GrantBalance'];
export type GrantWithBalance = Schemas['GrantWithBalance'];
export type FundingShare = Schemas['Share'];
export type FundingSplit = Schemas['FundingSplit'];
/** POST /api/v1/orders: what an order form sends. */
export type NewOrder = NonNullable<paths['/api/v1/orders']['post']['requestBody']>['content']['application/json'];
/** POST /api/v1/shop/orders: a visitor's order with the account it creates. */
export type ShopCheckoutInput = NonNullable<paths['/api/v1/shop/orders']['post']['requestBody']>['content']['application/json'];
/** Its answer: the order, the new account (signed in by the answer's cookie) and the session's CSRF token. */
export type ShopCheckoutAnswer = paths['/api/v1/shop/orders']['post']['responses'][201]['content']['application/json'];
/** POST /api/v1/clients/{id}/grants: one decision. */
export type GrantDraft = NonNullable<paths['/api/v1/clients/{id}/grants']['post']['requestBody']>['content']['application/json'];
/** POST /api/v1/clients/{id}/funding-quote. */
export type FundingQuoteInput = NonNullable<
  paths['/api/v1/clients/{id}/funding-quote']['post']['requestBody']
>['content']['application/json'];

// --- the advice desk (src/clients/openapi.json, src/guidance/openapi.json, consents in src/orders) ---
/** A record that may be the same person as another (similar name and birth date, same phone or code). */
export type LookAlike = Schemas['LookAlike'];
/** POST /api/v1/regions/{id}/clients (and …/look-alikes): a person the desk registers. */
export type NewClient = Schemas['NewClient'];
/** POST /api/v1/regions/{id}/clients/search: name (typos allowed), birth date, phone, identity code. */
export type ClientQuery = NonNullable<
  paths['/api/v1/regions/{id}/clients/search']['post']['requestBody']
>['content']['application/json'];
/** One hit of the desk's client search, best first. */
export type ClientHit =
  paths['/api/v1/regions/{id}/clients/search']['post']['responses'][200]['content']['application/json']['items'][number];
/** A topic of the advice taxonomy with its name in each language. */
export type AdviceTopic = paths['/api/v1/advice-topics']['get']['responses'][200]['content']['application/json']['items'][number];
export type AdviceContact = Schemas['AdviceContact'];
export type AdviceChannel = AdviceContact['channel'];
export type AdviceOutcome = AdviceContact['outcome'];
/** POST /api/v1/clients/{id}/contacts: a call (or visit, chat, e-mail) noted. */
export type NewAdviceContact = NonNullable<
  paths['/api/v1/clients/{id}/contacts']['post']['requestBody']
>['content']['application/json'];
/** A client's consent to an order the desk placed on their behalf. */
export type Consent = Schemas['Consent'];
export type ConsentState = Consent['state'];
/** How a consent was given (the order's `consent.given_how`). */
export type ConsentWay = Consent['given_how'];
/** What the desk sends with an order it places for a client (POST /api/v1/orders `consent`). */
export type OrderConsent = NonNullable<NewOrder['consent']>;

// --- needs assessments and follow-up tasks (src/guidance/openapi.json) ---
type QuestionDoc = Schemas['AssessmentQuestion'];
/** One answer of a choice question: what an answer sends ("some_help"), its points, its label. */
export type AnswerOption = NonNullable<QuestionDoc['options']>[number];
/**
 * A question of a form. The document describes one object whose type-specific fields are optional;
 * the server sends each type's own fields (a choice its options, a yes/no its points_yes, a number
 * its min and max), so the UI narrows the question by `type`.
 */
export type AssessmentQuestion = Omit<QuestionDoc, 'type' | 'options' | 'points_yes' | 'min' | 'max'> &
  (
    | { type: 'choice'; options: AnswerOption[] }
    | { type: 'yes_no'; points_yes: number }
    | { type: 'number'; min: number; max: number }
    | { type: 'text' }
  );
/** One version of a region's form (a new version is a new form with the same code), its questions narrowed as above. */
export type AssessmentForm = Omit<Schemas['AssessmentForm'], 'questions'> & { questions: AssessmentQuestion[] };
/** An answered assessment; it keeps the version of the form it was given on. */
export type Assessment = Schemas['Assessment'];
/** question id → choice: the option's value; yes_no: boolean; number: integer; text: string (≤ 1,000 characters). */
export type Answers = Assessment['answers'];
export type AnswerValue = Answers[string];
export type FilledAs = Assessment['filled_as'];
export type SuggestedCategory = Assessment['suggested_categories'][number];
/** POST /api/v1/clients/{id}/assessments: the newest version of a form and the answers. */
export type NewAssessment = NonNullable<
  paths['/api/v1/clients/{id}/assessments']['post']['requestBody']
>['content']['application/json'];
/** Who may have filled in an assessment (the document's enum). */
export const FILLED_AS = ['advisor', 'client', 'delegate'] as const satisfies readonly FilledAs[];
/** A follow-up task about a client ("call back in two weeks") with its due day in the region's zone. */
export type AdviceTask = Schemas['AdviceTask'];
/** POST /api/v1/clients/{id}/tasks: title, due day and (optionally) the advisor it is for. */
export type NewAdviceTask = NonNullable<paths['/api/v1/clients/{id}/tasks']['post']['requestBody']>['content']['application/json'];
/** A referral of a client to a purchaser of the region for a service-need assessment, with its outcome once decided. */
export type Referral = Schemas['Referral'];
export type ReferralState = Referral['state'];
/** POST /api/v1/clients/{id}/referrals: the purchaser, the type of service and why. */
export type NewReferral = NonNullable<paths['/api/v1/clients/{id}/referrals']['post']['requestBody']>['content']['application/json'];
/** POST /api/v1/referrals/{id}/decide: granted with the grant it became, or declined with a note. */
export type ReferralDecision = NonNullable<paths['/api/v1/referrals/{id}/decide']['post']['requestBody']>['content']['application/json'];
export type ReferralOutcome = ReferralDecision['outcome'];
/** The states of a referral (the document's enum). */
export const REFERRAL_STATES = ['open', 'granted', 'declined'] as const satisfies readonly ReferralState[];

// --- the service plan (src/guidance/openapi.json) ---
/** An agreed service on the client's plan: one of her grants, a published service, or an activity named in words. */
export type PlanItem = Schemas['PlanItem'];
export type PlanItemKind = PlanItem['kind'];
export type PlanItemState = PlanItem['state'];
/** GET /api/v1/clients/{id}/plan: the client's name, the newest change, active items by follow-up day, then ended ones. */
export type ServicePlan = paths['/api/v1/clients/{id}/plan']['get']['responses'][200]['content']['application/json'];
export type NewPlanItem = NonNullable<paths['/api/v1/clients/{id}/plan/items']['post']['requestBody']>['content']['application/json'];
export type PlanItemChange = NonNullable<paths['/api/v1/plan-items/{id}']['patch']['requestBody']>['content']['application/json'];
/** The kinds in the order the plan shows them: publicly funded, self-paid, associations' activities. */
export const PLAN_KINDS = ['grant', 'service', 'activity'] as const satisfies readonly PlanItemKind[];

// --- notifications (src/notifications/openapi.json) ---
/**
 * What a notification's `data` may hold (the document leaves it an open object): every kind has
 * the order's category and state; the others belong to some kinds (order.offered: place,
 * place_code, deadline; order.accepted: provider_name; order.escalated: escalation_code, place;
 * order.message: from_role).
 */
export interface NotificationData {
  category?: string;
  state?: string;
  place?: string;
  /** the code of `place` (a district or municipality), for its name in the reader's language */
  place_code?: string;
  deadline?: string;
  provider_name?: string;
  escalation_code?: string;
  from_role?: string;
  [key: string]: unknown;
}
/** One notification of the signed-in user; `kind` is open-ended (an unknown one is worded generally). */
export type AppNotification = Omit<Schemas['Notification'], 'data'> & { data: NotificationData };
/** GET /api/v1/notifications: newest first, with the unread count (at most 100). */
export type NotificationPage = Omit<
  paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json'],
  'items'
> & { items: AppNotification[] };

// --- webhooks (src/webhooks/openapi.json) ---
/** The events a new webhook may name (the request's enum); one sent without events gets all, also ones added later. */
export type WebhookEventName = NonNullable<
  NonNullable<paths['/api/v1/organizations/{id}/webhooks']['post']['requestBody']>['content']['application/json']['events']
>[number];
/** The events the form offers, each one the document knows (a new one there is sent to "all" until it is added here). */
export const WEBHOOK_EVENTS = [
  'order.changed',
  'visit.changed',
  'offer.created',
  'offer.closed',
  'order.message',
] as const satisfies readonly WebhookEventName[];
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type Webhook = Schemas['Webhook'];
/** The answer to adding a webhook: the only one that carries the signing secret (null in a replayed answer). */
export type NewWebhook = paths['/api/v1/organizations/{id}/webhooks']['post']['responses'][201]['content']['application/json'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type DeliveryStatus = WebhookDelivery['status'];
/** GET /api/v1/organizations/{id}/webhook-deliveries: newest first, with the counts by status. */
export type WebhookDeliveryPage =
  paths['/api/v1/organizations/{id}/webhook-deliveries']['get']['responses'][200]['content']['application/json'];

/** The answer to creating a token: the only one that carries the secret (optional in ApiToken). */
export type NewApiToken = ApiToken & { token: string };

/**
 * One page of a cursor-paged list (RegionPage, AccessPage and the inline list answers of the
 * document all have this shape); generic so one paging helper serves every list.
 */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
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
  DemoInfo: ['demo_mode', 'mailbox'],
  DemoMailSummary: ['id', 'from', 'to', 'subject', 'received_at'],
  Delegation: ['id', 'client_id', 'client_name', 'delegate_id', 'delegate_name', 'scope', 'valid_from', 'valid_until', 'revoked_at', 'active'],
  DelegationInvitation: ['id', 'delegate_email', 'scope', 'valid_until', 'status', 'created_at', 'expires_at'],
  ServiceContent: ['name', 'description', 'category', 'area', 'languages', 'price', 'vouchers', 'hours', 'capacity_per_week', 'lead_time_days'],
  ServiceSummary: ['id', 'name', 'provider', 'category', 'price', 'languages', 'area', 'open_days', 'lead_time_days', 'vouchers', 'rating'],
  ServiceSearchResult: ['items', 'next_cursor', 'total', 'facets', 'places', 'did_you_mean'],
  ManagedService: ['id', 'region_id', 'provider', 'state', 'published', 'draft', 'published_at', 'review_comment', 'created_at', 'updated_at', 'version'],
  ServiceEvent: ['id', 'action', 'actor_name', 'comment', 'at'],
  ProviderProfileInput: ['description', 'email', 'phone', 'website', 'languages', 'area', 'quality_labels', 'insurance', 'accessibility'],
  Category: ['code', 'name'],
  Place: ['code', 'kind', 'municipality_code', 'name', 'postal_codes'],
  ClientRecord: ['id', 'name', 'email', 'phone', 'language', 'region_id', 'birth_date', 'address', 'identity_code_masked', 'look_alikes'],
  LookAlike: ['id', 'name', 'birth_date', 'municipality_name', 'reason'],
  NewClient: ['name', 'birth_date', 'identity_code', 'phone', 'email', 'language', 'address'],
  AssessmentForm: ['id', 'region_id', 'code', 'version', 'title', 'questions', 'suggestions', 'max_score', 'latest', 'created_at'],
  AssessmentQuestion: ['id', 'type', 'required', 'text', 'options', 'points_yes', 'min', 'max'],
  Assessment: ['id', 'client_id', 'form_id', 'form_code', 'form_version', 'form_title', 'latest_version', 'answers', 'score', 'max_score', 'suggested_categories', 'filled_by_name', 'filled_as', 'created_at'],
  AdviceTask: ['id', 'client_id', 'client_name', 'assigned_to', 'assigned_to_name', 'created_by_name', 'title', 'due_date', 'state', 'overdue', 'done_at', 'created_at'],
  Referral: ['id', 'client_id', 'client_name', 'client_birth_date', 'purchaser_id', 'purchaser_name', 'category', 'reason', 'state', 'created_by_name', 'created_at', 'decided_by_name', 'decided_at', 'grant_id', 'decision_note'],
  PlanItem: ['id', 'client_id', 'kind', 'grant_id', 'service_id', 'category', 'title', 'name', 'organization_name', 'grant_kind', 'grant_valid_until', 'details', 'goal', 'follow_up_date', 'follow_up_due', 'state', 'created_by_name', 'created_at', 'updated_by_name', 'updated_at', 'ended_at', 'version'],
  AdviceContact: ['id', 'channel', 'topics', 'duration_minutes', 'outcome', 'note', 'occurred_at', 'advisor_name', 'organization_name'],
  Consent: ['id', 'organization_name', 'order_id', 'given_how', 'given_by', 'recorded_by_name', 'valid_until', 'withdrawn_at', 'withdrawn_by_name', 'created_at', 'state'],
  Schedule: ['frequency', 'interval', 'weekdays', 'start_date', 'until', 'count', 'window_start', 'window_end', 'skip_public_holidays'],
  OrderPrice: ['model', 'amount_cents', 'currency', 'billing_unit_minutes', 'minimum_minutes', 'late_cancel_hours', 'late_cancel_charge_bp', 'no_show_charge_bp'],
  Order: ['id', 'origin', 'client_id', 'client_name', 'purchaser_id', 'category', 'service_id', 'municipality_code', 'district_code', 'language', 'needs', 'schedule', 'duration_minutes', 'grants', 'tasks', 'provider_id', 'provider_name', 'worker_id', 'price', 'state', 'escalation_reason', 'escalation_code', 'next_deadline', 'created_at', 'updated_at', 'version', 'address', 'door_code', 'contact_phone'],
  Visit: ['id', 'order_id', 'worker_id', 'local_date', 'starts_at', 'ends_at', 'state', 'checked_in_at', 'checked_out_at', 'tasks', 'note', 'deviation', 'failure_reason', 'dispute_reason', 'charge_bp', 'billable_minutes', 'price_cents', 'split', 'version'],
  TimelineEntry: ['id', 'at', 'actor_role', 'kind', 'from_state', 'to_state', 'note'],
  Offer: ['id', 'order_id', 'provider_id', 'state', 'offered_at', 'deadline', 'decided_at', 'reason'],
  Message: ['id', 'author_id', 'author_name', 'author_role', 'body', 'at', 'read_by'],
  Agreement: ['id', 'purchaser_id', 'provider_id', 'provider_name', 'categories', 'municipalities', 'languages', 'price_model', 'price_cents', 'currency', 'billing_unit_minutes', 'minimum_minutes', 'weekly_capacity_minutes', 'rank', 'state'],
  Board: ['items', 'next_cursor', 'counts', 'overdue_visits'],
  VoucherApproval: ['purchaser_id', 'provider_id', 'provider_name', 'category'],
  Grant: ['id', 'client_id', 'payer_id', 'payer_name', 'kind', 'categories', 'unit', 'quantity', 'period', 'value_cents', 'fee_cents', 'fee_unit', 'currency', 'valid_from', 'valid_until', 'decision_reference', 'state'],
  GrantBalance: ['period_start', 'period_end', 'unit', 'granted', 'used', 'remaining', 'lapses'],
  Share: ['grant_id', 'kind', 'client', 'amount_cents', 'rule', 'rate_cents', 'quantity_minutes', 'basis_points', 'capped'],
  FundingSplit: ['shares', 'explanation', 'price_cents', 'billable_minutes', 'currency', 'client_cents'],
  Notification: ['id', 'kind', 'subject_type', 'subject_id', 'data', 'created_at', 'read'],
  UnreadCount: ['unread_count'],
  Webhook: ['id', 'url', 'description', 'events', 'active', 'secret_hint', 'created_at'],
  WebhookDelivery: ['id', 'webhook_id', 'url', 'event', 'status', 'attempts', 'last_error', 'next_attempt_at', 'created_at', 'sent_at'],
};
