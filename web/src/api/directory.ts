// Typed functions for the service directory (src/directory/openapi.json): the public shop, the
// providers' editor and the coordinators' review. Kept beside client.ts so neither grows past
// one subject.
import { operations as ops } from './endpoints';
import { call } from './http';
import type {
  Category,
  ManagedService,
  Page,
  Place,
  ProviderPage,
  PublicService,
  ServiceContent,
  ServiceEvent,
  ServiceSearchResult,
  ServiceState,
} from './types';

/** A managed service with the ETag for the next If-Match. */
export interface VersionedService {
  value: ManagedService;
  etag: string;
}

function versioned(data: ManagedService, headers: Headers): VersionedService {
  return { value: data, etag: headers.get('ETag') ?? `"${data.version}"` };
}

// --- public ----------------------------------------------------------------------------------

/** The parameters of GET /api/v1/services as the API takes them (lists comma-separated). */
export interface ServiceQuery {
  q?: string;
  category?: string;
  municipality?: string;
  postal_code?: string;
  language?: string;
  voucher?: string;
  /** cents */
  max_price?: number;
  open_on?: string;
  sort?: 'relevance' | 'price' | 'price_desc' | 'rating';
  limit?: number;
  cursor?: string | null;
}

export async function searchServices(query: ServiceQuery, signal?: AbortSignal): Promise<ServiceSearchResult> {
  const { data } = await call<ServiceSearchResult>(ops.searchServices, { query: { ...query }, signal, quiet: true });
  return data;
}

export async function suggestServices(q: string, signal?: AbortSignal): Promise<string[]> {
  const { data } = await call<{ items: string[] }>(ops.suggestServices, { query: { q }, signal, quiet: true });
  return data.items;
}

export async function getPublicService(id: string): Promise<PublicService> {
  return (await call<PublicService>(ops.getPublicService, { params: { id }, quiet: true })).data;
}

export async function getProvider(id: string): Promise<ProviderPage> {
  return (await call<ProviderPage>(ops.getProvider, { params: { id }, quiet: true })).data;
}

export async function listCategories(): Promise<Category[]> {
  return (await call<{ items: Category[] }>(ops.listCategories, { quiet: true })).data.items;
}

export async function listPlaces(): Promise<Place[]> {
  return (await call<{ items: Place[] }>(ops.listPlaces, { quiet: true })).data.items;
}

// --- providers -------------------------------------------------------------------------------

/** Every service of a provider (all pages); `state` empty: all but archived. */
export async function listProviderServices(providerId: string, state: ServiceState | '' = ''): Promise<ManagedService[]> {
  const out: ManagedService[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ManagedService> = (
      await call<Page<ManagedService>>(ops.listProviderServices, {
        params: { id: providerId },
        query: { state, limit: 100, cursor },
      })
    ).data;
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < 2000);
  return out;
}

export async function createService(providerId: string, content: ServiceContent): Promise<VersionedService> {
  const { data, headers } = await call<ManagedService>(ops.createService, { params: { id: providerId }, body: content });
  return versioned(data, headers);
}

export async function getManagedService(id: string): Promise<VersionedService> {
  const { data, headers } = await call<ManagedService>(ops.getManagedService, { params: { id } });
  return versioned(data, headers);
}

export async function getServiceHistory(id: string): Promise<ServiceEvent[]> {
  return (await call<{ items: ServiceEvent[] }>(ops.getServiceHistory, { params: { id } })).data.items;
}

export async function editServiceDraft(id: string, etag: string, content: ServiceContent): Promise<VersionedService> {
  const { data, headers } = await call<ManagedService>(ops.editServiceDraft, {
    params: { id },
    body: content,
    headers: { 'If-Match': etag },
  });
  return versioned(data, headers);
}

export type ServiceStep = 'submit' | 'withdraw' | 'archive' | 'publish';

const STEP_OPERATION = {
  submit: ops.submitService,
  withdraw: ops.withdrawService,
  archive: ops.archiveService,
  publish: ops.publishService,
} as const;

/** Moves a service to its next state (409 when the step is not allowed now, 412 when stale). */
export async function stepService(step: ServiceStep, id: string, etag: string): Promise<VersionedService> {
  const { data, headers } = await call<ManagedService>(STEP_OPERATION[step], { params: { id }, headers: { 'If-Match': etag } });
  return versioned(data, headers);
}

export async function requestServiceChanges(id: string, etag: string, comment: string): Promise<VersionedService> {
  const { data, headers } = await call<ManagedService>(ops.requestServiceChanges, {
    params: { id },
    body: { comment },
    headers: { 'If-Match': etag },
  });
  return versioned(data, headers);
}

// --- coordinators ----------------------------------------------------------------------------

/** The services waiting for review in a region, oldest first (all pages). */
export async function reviewQueue(regionId: string): Promise<ManagedService[]> {
  const out: ManagedService[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ManagedService> = (
      await call<Page<ManagedService>>(ops.reviewQueue, { query: { region_id: regionId, limit: 100, cursor } })
    ).data;
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < 2000);
  return out;
}
