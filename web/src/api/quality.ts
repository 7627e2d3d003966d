// Feedback and complaints (issue 21, src/quality/openapi.json): a visit's one-tap rating, the cases
// (complaints, deviations and the follow-ups a low rating opens) from filing to closing, the
// coordinators' queue, a provider's ratings and cases, and the public quality score. Moving or
// assigning a case carries If-Match with its version (a 412 when someone changed it first). Staff
// reads of cases name clients: the caller's reason goes along as X-Access-Purpose.
//
// The operations are declared here, not in endpoints.ts, and checked the same two ways: the
// compiler against the paths of schema.gen.ts, quality.test.ts against the API document.
import type { Method, Operation } from './endpoints';
import { call, purposeHeader } from './http';
import type { components, paths } from './schema.gen';
import type { Page } from './types';

type Schemas = components['schemas'];

/** A visit as the rating page shows it, with the rating once given. */
export type VisitRating = Schemas['VisitRating'];
export type GivenRating = NonNullable<VisitRating['rating']>;
/** A provider's rating as its admins read it (no client named). */
export type ProviderRating = Schemas['ProviderRating'];
/** A case in a list (without events and attachments). */
export type QualityCaseSummary = Schemas['QualityCaseSummary'];
/** A case with its events and attachments. */
export type QualityCase = Schemas['QualityCase'];
export type CaseEvent = Schemas['QualityCaseEvent'];
export type CaseAttachment = Schemas['QualityAttachment'];
export type CaseKind = QualityCaseSummary['kind'];
export type CaseCategory = QualityCaseSummary['category'];
export type CaseSeverity = QualityCaseSummary['severity'];
export type CaseState = QualityCaseSummary['state'];
export type FiledAs = QualityCaseSummary['filed_as'];
export type QualityScore = Schemas['QualityScore'];
export type ScoreComponent = QualityScore['components'][number];
/** POST /api/v1/quality-cases: what a new complaint or deviation says. */
export type NewQualityCase = NonNullable<paths['/api/v1/quality-cases']['post']['requestBody']>['content']['application/json'];
/** POST /api/v1/quality-cases/{id}/transition. */
export type CaseTransition = NonNullable<
  paths['/api/v1/quality-cases/{id}/transition']['post']['requestBody']
>['content']['application/json'];
export type CaseTarget = CaseTransition['to'];
export type MessageVisibility = CaseEvent['visibility'];
/** The coordinators' queue: a page of cases and the counts of the open ones. */
export type CaseQueuePage = paths['/api/v1/regions/{id}/quality-cases']['get']['responses'][200]['content']['application/json'];
export type CaseCounts = CaseQueuePage['counts'];
export type QueueState = 'open' | 'closed' | 'all';

/** The methods the document defines for a path (as in endpoints.ts). */
type DocumentedMethod<P extends keyof paths> = {
  [M in Method]-?: undefined extends paths[P][Lowercase<M>] ? never : M;
}[Method];

function op<P extends keyof paths>(method: DocumentedMethod<P>, path: P): Operation {
  return { method, path };
}

export const qualityOperations = {
  getVisitRating: op('GET', '/api/v1/visits/{id}/rating'),
  rateVisit: op('PUT', '/api/v1/visits/{id}/rating'),
  listProviderRatings: op('GET', '/api/v1/providers/{id}/ratings'),
  getProviderQuality: op('GET', '/api/v1/providers/{id}/quality'),
  createQualityCase: op('POST', '/api/v1/quality-cases'),
  listMyQualityCases: op('GET', '/api/v1/quality-cases/mine'),
  listRegionQualityCases: op('GET', '/api/v1/regions/{id}/quality-cases'),
  listOrganizationQualityCases: op('GET', '/api/v1/organizations/{id}/quality-cases'),
  getQualityCase: op('GET', '/api/v1/quality-cases/{id}'),
  transitionQualityCase: op('POST', '/api/v1/quality-cases/{id}/transition'),
  assignQualityCase: op('POST', '/api/v1/quality-cases/{id}/assign'),
  addQualityCaseMessage: op('POST', '/api/v1/quality-cases/{id}/messages'),
  uploadQualityAttachment: op('POST', '/api/v1/quality-cases/{id}/attachments'),
  getQualityAttachment: op('GET', '/api/v1/quality-attachments/{id}'),
} as const satisfies Record<string, Operation>;

const ops = qualityOperations;

/** How many cases a page of a list holds. */
export const CASES_PAGE = 20;

/** The If-Match of a case: its version as the server's ETag ("3"). */
function ifMatch(c: Pick<QualityCaseSummary, 'version'>): Record<string, string> {
  return { 'If-Match': `"${c.version}"` };
}

function keyed(idempotencyKey: string | undefined): Record<string, string> {
  return idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
}

// --- ratings ----------------------------------------------------------------------------------------

/** The visit and its rating, for the client or a delegate; 404 for anyone else. */
export async function getVisitRating(visitId: string): Promise<VisitRating> {
  return (await call<VisitRating>(ops.getVisitRating, { params: { id: visitId } })).data;
}

/**
 * Gives or changes the rating (`created` tells which); 422 at stars or comment, 409 for a visit
 * that cannot be rated (planned, cancelled, failed, or after rate_until).
 */
export async function rateVisit(visitId: string, stars: number, comment?: string): Promise<{ view: VisitRating; created: boolean }> {
  const body: { stars: number; comment?: string } = { stars };
  if (comment !== undefined) body.comment = comment;
  const answer = await call<VisitRating>(ops.rateVisit, { params: { id: visitId }, body });
  return { view: answer.data, created: answer.status === 201 };
}

/** A page of the provider's ratings, newest first (its admins). */
export async function listProviderRatings(providerId: string, cursor?: string | null, limit = CASES_PAGE): Promise<Page<ProviderRating>> {
  return (await call<Page<ProviderRating>>(ops.listProviderRatings, { params: { id: providerId }, query: { cursor, limit } })).data;
}

/** The public quality score; quiet, as a visitor's page asks it without signing in. */
export async function getProviderQuality(providerId: string): Promise<QualityScore> {
  return (await call<QualityScore>(ops.getProviderQuality, { params: { id: providerId }, quiet: true })).data;
}

// --- cases ------------------------------------------------------------------------------------------

/** Files a complaint or a deviation; 422 names the field that does not fit. */
export async function createCase(input: NewQualityCase, idempotencyKey?: string): Promise<QualityCase> {
  return (await call<QualityCase>(ops.createQualityCase, { body: input, headers: keyed(idempotencyKey) })).data;
}

/** The cases the caller filed, and those the client's side filed about the clients they act for. */
export async function listMyCases(cursor?: string | null, limit = CASES_PAGE): Promise<Page<QualityCaseSummary>> {
  return (await call<Page<QualityCaseSummary>>(ops.listMyQualityCases, { query: { cursor, limit } })).data;
}

export interface QueueQuery {
  state: QueueState;
  kind?: CaseKind | '';
  cursor?: string | null;
  limit?: number;
}

/** The region's queue for its coordinators; each client named is logged with `purpose`. */
export async function listRegionCases(regionId: string, query: QueueQuery, purpose: string): Promise<CaseQueuePage> {
  return (
    await call<CaseQueuePage>(ops.listRegionQualityCases, {
      params: { id: regionId },
      query: { state: query.state, kind: query.kind, cursor: query.cursor, limit: query.limit ?? CASES_PAGE },
      headers: purposeHeader(purpose),
    })
  ).data;
}

/** The cases about a provider, for its admins. */
export async function listOrganizationCases(
  organizationId: string,
  state: QueueState,
  purpose: string,
  cursor?: string | null,
  limit = CASES_PAGE,
): Promise<Page<QualityCaseSummary>> {
  return (
    await call<Page<QualityCaseSummary>>(ops.listOrganizationQualityCases, {
      params: { id: organizationId },
      query: { state, cursor, limit },
      headers: purposeHeader(purpose),
    })
  ).data;
}

/** A case with its events and attachments; 404 for whoever may not read it. Staff send their `purpose`. */
export async function getCase(caseId: string, purpose?: string): Promise<QualityCase> {
  return (await call<QualityCase>(ops.getQualityCase, { params: { id: caseId }, headers: purposeHeader(purpose) })).data;
}

/** Moves a case on (coordinators); 409 for a step its state does not allow, 412 when it changed meanwhile. */
export async function transitionCase(c: Pick<QualityCaseSummary, 'id' | 'version'>, step: CaseTransition): Promise<QualityCase> {
  return (await call<QualityCase>(ops.transitionQualityCase, { params: { id: c.id }, body: step, headers: ifMatch(c) })).data;
}

/** Gives the case to a coordinator or advisor of the region; 412 when it changed meanwhile. */
export async function assignCase(c: Pick<QualityCaseSummary, 'id' | 'version'>, assigneeId: string): Promise<QualityCase> {
  return (
    await call<QualityCase>(ops.assignQualityCase, { params: { id: c.id }, body: { assignee_id: assigneeId }, headers: ifMatch(c) })
  ).data;
}

/** A reply, note, statement or addition; the answer is the case with it. */
export async function addCaseMessage(
  caseId: string,
  body: string,
  visibility: MessageVisibility | undefined,
  idempotencyKey?: string,
): Promise<QualityCase> {
  return (
    await call<QualityCase>(ops.addQualityCaseMessage, {
      params: { id: caseId },
      body: visibility ? { body, visibility } : { body },
      headers: keyed(idempotencyKey),
    })
  ).data;
}

/**
 * Sends a file as it is, with its own Content-Type and name; 415 for another type, 413 for a
 * larger one, 422 for one that fails the check, 409 when the case has five or is closed.
 */
export async function uploadAttachment(caseId: string, file: File, idempotencyKey?: string): Promise<CaseAttachment> {
  return (
    await call<CaseAttachment>(ops.uploadQualityAttachment, {
      params: { id: caseId },
      query: { name: file.name },
      file,
      headers: keyed(idempotencyKey),
    })
  ).data;
}

/** Where an attachment is downloaded (always as a file, never shown in the page). */
export function attachmentUrl(attachmentId: string): string {
  return ops.getQualityAttachment.path.replace('{id}', encodeURIComponent(attachmentId));
}
