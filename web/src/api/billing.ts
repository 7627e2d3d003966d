// A purchaser's billing runs (issue 21, src/billing/openapi.json): a draft run per month that has
// ended, collected again while it is a draft, then locked for good (or discarded); its totals per
// payer and per provider, the period's visits it does not bill, its lines in pages, and a locked
// run's CSV and XLSX. Changes carry If-Match with the run's version (a 412 when someone changed it
// first). Reading lines names clients: the caller's reason goes along as X-Access-Purpose.
// The same locked runs as a provider's statements (its lines only, its admins), and as a client's
// own shares (the client and their delegates).
//
// The operations are declared here, not in endpoints.ts, and checked the same two ways: the
// compiler against the paths of schema.gen.ts, billingApi.test.ts against the API document.
import type { Method, Operation } from './endpoints';
import { call, purposeHeader } from './http';
import type { components, paths } from './schema.gen';
import type { Page } from './types';

type Schemas = components['schemas'];

export type BillingRun = Schemas['BillingRun'];
/** A run with its totals per payer and per provider and, for a draft, the visits it leaves out. */
export type BillingRunSummary = Schemas['BillingRunSummary'];
export type BillingTotal = BillingRunSummary['by_payer'][number];
export type UnbilledVisit = BillingRunSummary['unbilled'][number];
export type BillingLine = Schemas['BillingLine'];
export type BillingRunState = BillingRun['state'];
export type BillingCharge = BillingLine['charge'];
/** A locked run as one provider's statement: its lines' total and count. */
export type StatementRun = Schemas['StatementRun'];
/** A statement with the provider's lines summed per payer. */
export type BillingStatement = Schemas['BillingStatement'];
export type StatementTotal = BillingStatement['by_payer'][number];
/** A client's own share of a billed visit in a locked run. */
export type ClientShare = Omit<Schemas['ClientShare'], 'tax_credit'> & { tax_credit: TaxCreditEstimate | null };

/**
 * The household tax-credit estimate of a visit as it was priced (funding's quote, src/funding/funding_json.cpp):
 * `excluded` "public_support" when publicly supported work gives none; `amount_cents` the estimate otherwise.
 */
export interface TaxCreditEstimate {
  excluded?: string | null;
  labour_cents?: number;
  rate_bp?: number;
  amount_cents?: number;
  yearly_own_share_cents?: number;
  yearly_max_cents?: number;
  legal_basis?: string;
}

/** The methods the document defines for a path (as in endpoints.ts). */
type DocumentedMethod<P extends keyof paths> = {
  [M in Method]-?: undefined extends paths[P][Lowercase<M>] ? never : M;
}[Method];

function op<P extends keyof paths>(method: DocumentedMethod<P>, path: P): Operation {
  return { method, path };
}

export const billingOperations = {
  listBillingRuns: op('GET', '/api/v1/organizations/{id}/billing-runs'),
  createBillingRun: op('POST', '/api/v1/organizations/{id}/billing-runs'),
  getBillingRun: op('GET', '/api/v1/billing-runs/{id}'),
  collectBillingRun: op('POST', '/api/v1/billing-runs/{id}/collect'),
  lockBillingRun: op('POST', '/api/v1/billing-runs/{id}/lock'),
  discardBillingRun: op('POST', '/api/v1/billing-runs/{id}/discard'),
  listBillingLines: op('GET', '/api/v1/billing-runs/{id}/lines'),
  exportBillingRunCsv: op('GET', '/api/v1/billing-runs/{id}/export.csv'),
  exportBillingRunXlsx: op('GET', '/api/v1/billing-runs/{id}/export.xlsx'),
  listBillingStatements: op('GET', '/api/v1/organizations/{id}/billing-statements'),
  getBillingStatement: op('GET', '/api/v1/organizations/{id}/billing-statements/{run_id}'),
  listBillingStatementLines: op('GET', '/api/v1/organizations/{id}/billing-statements/{run_id}/lines'),
  listClientBillingShares: op('GET', '/api/v1/clients/{id}/billing-shares'),
} as const satisfies Record<string, Operation>;

const ops = billingOperations;

/** How many lines a page holds (the server takes 1–500). */
export const LINES_PAGE = 100;

/** The If-Match of a run: its version as the server's ETag ("3"). */
function ifMatch(run: Pick<BillingRun, 'version'>): Record<string, string> {
  return { 'If-Match': `"${run.version}"` };
}

/** The purchaser's runs, newest period first (purchaser officers and auditors of it). */
export async function listBillingRuns(purchaserId: string): Promise<BillingRun[]> {
  return (await call<{ items: BillingRun[] }>(ops.listBillingRuns, { params: { id: purchaserId } })).data.items;
}

/**
 * A draft run for `period` (YYYY-MM); 422 at period when the month has not ended or is malformed,
 * 409 while another draft of the purchaser is open.
 */
export async function createBillingRun(purchaserId: string, period: string): Promise<BillingRunSummary> {
  return (await call<BillingRunSummary>(ops.createBillingRun, { params: { id: purchaserId }, body: { period } })).data;
}

/** The run with its totals (and a draft's visits left out). */
export async function getBillingRun(runId: string): Promise<BillingRunSummary> {
  return (await call<BillingRunSummary>(ops.getBillingRun, { params: { id: runId } })).data;
}

/** Collects a draft again from the visits as they are now; 409 once locked, 412 when it changed meanwhile. */
export async function collectBillingRun(run: Pick<BillingRun, 'id' | 'version'>): Promise<BillingRunSummary> {
  return (await call<BillingRunSummary>(ops.collectBillingRun, { params: { id: run.id }, headers: ifMatch(run) })).data;
}

/** Locks a draft for good; 409 once locked, 412 when it changed meanwhile. */
export async function lockBillingRun(run: Pick<BillingRun, 'id' | 'version'>): Promise<BillingRunSummary> {
  return (await call<BillingRunSummary>(ops.lockBillingRun, { params: { id: run.id }, headers: ifMatch(run) })).data;
}

/** Throws a draft away (its visits wait for the next run); 409 for a locked run, 412 when it changed meanwhile. */
export async function discardBillingRun(run: Pick<BillingRun, 'id' | 'version'>): Promise<void> {
  await call<void>(ops.discardBillingRun, { params: { id: run.id }, headers: ifMatch(run) });
}

/** A page of the run's lines in order; `cursor` from the page before. Each client named is in their access log with `purpose`. */
export async function listBillingLines(runId: string, purpose: string, cursor?: string | null, limit = LINES_PAGE): Promise<Page<BillingLine>> {
  return (
    await call<Page<BillingLine>>(ops.listBillingLines, {
      params: { id: runId },
      query: { limit, cursor: cursor ?? undefined },
      headers: purposeHeader(purpose),
    })
  ).data;
}

/** Where a locked run's CSV is downloaded (an attachment; a draft answers 409). */
export function billingCsvUrl(runId: string): string {
  return ops.exportBillingRunCsv.path.replace('{id}', encodeURIComponent(runId));
}

/** Where a locked run's Excel workbook is downloaded: a summary sheet and the lines (an attachment; a draft answers 409). */
export function billingXlsxUrl(runId: string): string {
  return ops.exportBillingRunXlsx.path.replace('{id}', encodeURIComponent(runId));
}

/** The provider's statements: the purchasers' locked runs with its lines, newest period first (its admins). */
export async function listBillingStatements(providerId: string): Promise<StatementRun[]> {
  return (await call<{ items: StatementRun[] }>(ops.listBillingStatements, { params: { id: providerId } })).data.items;
}

/** One statement: the run's purchaser, period and lock time, the provider's total and its totals per payer. */
export async function getBillingStatement(providerId: string, runId: string): Promise<BillingStatement> {
  return (await call<BillingStatement>(ops.getBillingStatement, { params: { id: providerId, run_id: runId } })).data;
}

/** A page of the provider's lines of a locked run; each client named is in their access log with `purpose`. */
export async function listBillingStatementLines(
  providerId: string,
  runId: string,
  purpose: string,
  cursor?: string | null,
  limit = LINES_PAGE,
): Promise<Page<BillingLine>> {
  return (
    await call<Page<BillingLine>>(ops.listBillingStatementLines, {
      params: { id: providerId, run_id: runId },
      query: { limit, cursor: cursor ?? undefined },
      headers: purposeHeader(purpose),
    })
  ).data;
}

/** The client's own shares of billed visits in locked runs, newest visit first (the client and their delegates). */
export async function listClientBillingShares(clientId: string): Promise<ClientShare[]> {
  return (await call<{ items: ClientShare[] }>(ops.listClientBillingShares, { params: { id: clientId } })).data.items;
}
