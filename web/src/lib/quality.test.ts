import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentUrl, qualityOperations, type QualityScore } from '../api/quality';
import { resources } from '../i18n/resources';
import {
  attachmentProblem,
  caseReader,
  caseSteps,
  describeScore,
  filesAsClientSide,
  formatBytes,
  formatLocalDate,
  formatPercent,
  MAX_ATTACHMENT_BYTES,
  nextStates,
  scoreHeadline,
  upheldComplaints,
  upheldRequired,
  whyNotRatable,
} from './quality';
import type { Viewer } from './roles';

// The API document of the server this UI is built with (scripts/web-build.sh assembles it).
const doc = JSON.parse(readFileSync(path.resolve(__dirname, '../api/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
};

let fi: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  fi = i18n.getFixedT('fi');
  en = i18n.getFixedT('en');
});

/** Spaces of any width as one: Intl writes "92 %" with a no-break space. */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('the quality operations', () => {
  it.each(Object.entries(qualityOperations))('%s is in the API document', (_name, op) => {
    expect(doc.paths[op.path]?.[op.method.toLowerCase()], `${op.method} ${op.path}`).toBeDefined();
  });

  it('documents the provider’s score as the only public one', () => {
    const pub = Object.values(qualityOperations).filter((op) => (doc.paths[op.path]![op.method.toLowerCase()]!.security ?? [{}]).length === 0);
    expect(pub.map((op) => op.path)).toEqual(['/api/v1/providers/{id}/quality']);
  });

  it('downloads an attachment from its address, the id encoded', () => {
    expect(attachmentUrl('qa_1/x')).toBe('/api/v1/quality-attachments/qa_1%2Fx');
  });
});

describe('a case’s steps', () => {
  it('allows only the next step, and closing from received and investigating', () => {
    expect(nextStates('received')).toEqual(['investigating', 'closed']);
    expect(nextStates('investigating')).toEqual(['action_taken', 'closed']);
    expect(nextStates('action_taken')).toEqual(['closed']);
    expect(nextStates('closed')).toEqual([]);
  });

  it('needs "upheld" to close a complaint or a deviation, not a follow-up', () => {
    expect(upheldRequired('complaint')).toBe(true);
    expect(upheldRequired('deviation')).toBe(true);
    expect(upheldRequired('follow_up')).toBe(false);
  });

  it('dates each step passed from the state events and marks the current one', () => {
    const steps = caseSteps({ state: 'investigating', created_at: '2026-11-01T08:00:00Z', closed_at: null }, [
      { kind: 'filed', to_state: null, at: '2026-11-01T08:00:00Z' },
      { kind: 'state', to_state: 'investigating', at: '2026-11-02T09:00:00Z' },
    ]);
    expect(steps.map((s) => [s.state, s.status, s.at])).toEqual([
      ['received', 'done', '2026-11-01T08:00:00Z'],
      ['investigating', 'current', '2026-11-02T09:00:00Z'],
      ['action_taken', 'todo', null],
      ['closed', 'todo', null],
    ]);
  });

  it('says the steps a case closed without as skipped', () => {
    const steps = caseSteps({ state: 'closed', created_at: '2026-11-01T08:00:00Z', closed_at: '2026-11-03T10:00:00Z' }, [
      { kind: 'state', to_state: 'closed', at: '2026-11-03T10:00:00Z' },
    ]);
    expect(steps.map((s) => s.status)).toEqual(['done', 'skipped', 'skipped', 'current']);
    expect(steps[3]!.at).toBe('2026-11-03T10:00:00Z');
  });
});

describe('who reads a case as what', () => {
  const m = (role: string, org = 'org_1', region = 'reg_1') => ({ organization_id: org, organization_name: 'Org', region_id: region, role });
  const aCase = {
    region_id: 'reg_1',
    provider_id: 'org_p',
    client_id: 'usr_aino',
    filed_as: 'delegate' as const,
    filed_by_me: false,
  };

  it('lets a coordinator of the region manage it', () => {
    expect(caseReader({ user: {}, memberships: [m('coordinator')] }, 'usr_outi', aCase)).toBe('coordinator');
    expect(caseReader({ user: {}, memberships: [m('coordinator', 'org_1', 'reg_2')] }, 'usr_x', aCase)).toBe('reader');
  });

  it('lets the client and whoever acts for her add to what her side filed', () => {
    expect(caseReader({ user: {}, memberships: [] }, 'usr_aino', aCase)).toBe('filer');
    const liisa: Viewer = { user: {}, memberships: [], received: [{ client_id: 'usr_aino', scope: 'services', active: true }] };
    expect(caseReader(liisa, 'usr_liisa', aCase)).toBe('filer');
    const reader: Viewer = { user: {}, memberships: [], received: [{ client_id: 'usr_aino', scope: 'access_log', active: true }] };
    expect(caseReader(reader, 'usr_liisa', aCase)).toBe('reader');
  });

  it('lets the provider’s admins add their statement, and the one who filed it add to it', () => {
    expect(caseReader({ user: {}, memberships: [m('provider_admin', 'org_p')] }, 'usr_jussi', aCase)).toBe('provider');
    expect(caseReader({ user: {}, memberships: [m('provider_worker', 'org_p')] }, 'usr_aleksi', { ...aCase, filed_as: 'provider_worker', filed_by_me: true })).toBe(
      'filer',
    );
  });

  it('files as the client’s side for a client and for one acting for a client', () => {
    expect(filesAsClientSide({ user: {}, memberships: [] })).toBe(true);
    expect(filesAsClientSide({ user: {}, memberships: [m('coordinator')] })).toBe(false);
    expect(filesAsClientSide({ user: {}, memberships: [m('volunteer')], received: [{ client_id: 'c', scope: 'all', active: true }] })).toBe(true);
  });
});

describe('attachments', () => {
  it('takes pictures and PDFs up to 5 MB, at most five a case', () => {
    expect(attachmentProblem({ type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(attachmentProblem({ type: 'application/pdf', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(attachmentProblem({ type: 'image/heic', size: 1000 })).toBe('type');
    expect(attachmentProblem({ type: 'image/png', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('size');
    expect(attachmentProblem({ type: 'image/png', size: 10 }, 5)).toBe('count');
  });

  it('says a file’s size in the reader’s language', () => {
    expect(plain(formatBytes(1_258_291, 'fi'))).toBe('1,2 MB');
    expect(formatBytes(340 * 1024, 'en')).toBe('340 kB');
    expect(formatBytes(10, 'en')).toBe('1 kB');
  });
});

describe('ratings', () => {
  const visit = { can_rate: false, visit_state: 'confirmed' as const, rate_until: '2026-11-01T10:00:00Z' };
  it('says why a visit cannot be rated', () => {
    expect(whyNotRatable({ ...visit, can_rate: true })).toBeNull();
    expect(whyNotRatable({ ...visit, visit_state: 'planned' })).toBe('quality.rate.notYet');
    expect(whyNotRatable({ ...visit, visit_state: 'cancelled' })).toBe('quality.rate.cancelled');
    expect(whyNotRatable({ ...visit, visit_state: 'failed' })).toBe('quality.rate.failed');
    expect(whyNotRatable(visit, new Date('2026-12-01T00:00:00Z'))).toBe('quality.rate.tooLate');
    expect(whyNotRatable(visit, new Date('2026-10-01T00:00:00Z'))).toBe('quality.rate.cannot');
  });

  it('writes a visit’s civil date as it is, whatever the browser’s zone', () => {
    expect(formatLocalDate('2026-11-24', 'fi')).toBe('24. marraskuuta 2026');
    expect(formatLocalDate('2026-11-24', 'en')).toBe('24 November 2026');
  });
});

describe('the quality score in words', () => {
  const score: QualityScore = {
    provider_id: 'org_p',
    region_id: 'reg_1',
    score: 81.6,
    rating: 4.2,
    rating_count: 12,
    computed_at: '2026-11-27T03:00:00Z',
    window_days: 365,
    components: [
      { name: 'rating', weight: 50, value: 0.8, observed: 4.25, count: 12, hits: 51, region_mean: 4.3, prior_weight: 10 },
      { name: 'punctuality', weight: 20, value: 0.9, observed: 0.92, count: 25, hits: 23, region_mean: 0.9, prior_weight: 20 },
      { name: 'acceptance', weight: 15, value: 0.8, observed: 0.8, count: 10, hits: 8, region_mean: 0.7, prior_weight: 10 },
      { name: 'complaints', weight: 15, value: 0.95, observed: 1 - 10 / 120, count: 120, hits: 1, region_mean: 0.95, prior_weight: 50 },
    ],
  };

  it('counts the upheld complaints back from the component, and a floor as "at least"', () => {
    expect(upheldComplaints({ observed: 1 - 10 / 120, count: 120 })).toEqual({ count: 1, atLeast: false });
    expect(upheldComplaints({ observed: 1, count: 40 })).toEqual({ count: 0, atLeast: false });
    // The server's count when it sends one: exact even where the value stops at 0.
    expect(upheldComplaints({ observed: 0, count: 4, hits: 1 })).toEqual({ count: 1, atLeast: false });
    expect(upheldComplaints({ observed: 0, count: 20 })).toEqual({ count: 2, atLeast: true });
    expect(upheldComplaints({ observed: 0, count: 4 })).toEqual({ count: 1, atLeast: true });
    expect(upheldComplaints({ observed: 0.99, count: 4 })).toEqual({ count: 1, atLeast: false });
    expect(upheldComplaints({ observed: null, count: 0 })).toEqual({ count: 0, atLeast: false });
  });

  it('explains each component in a sentence and how the score leans toward the region', () => {
    expect(describeScore(en, score, 'en')).toEqual([
      'Rated 4.3 on average (12 ratings; the region’s average is 4.3).',
      '92% of 25 visits began on time (at most 15 minutes late).',
      'Accepted 8 of 10 offers.',
      '1 upheld complaint in 120 visits.',
      'The score out of 100 weighs the ratings 50%, punctuality 20%, accepted offers 15% and upheld complaints 15%, over the last 365 days.',
      'With few ratings the score leans toward the region’s average; the more there are, the more it is the provider’s own.',
    ]);
    expect(plain(describeScore(fi, score, 'fi')[1]!)).toBe('92 % 25 käynnistä alkoi ajallaan (enintään 15 minuuttia myöhässä).');
    expect(scoreHeadline(en, score, 'en')).toEqual({ score: 'Quality score 82/100', rating: '4.2 out of 5 (12 ratings)' });
  });

  it('says a provider without data is given the region’s average', () => {
    const empty: QualityScore = {
      ...score,
      rating: null,
      rating_count: 0,
      components: score.components.map((c) => ({ ...c, observed: null, count: 0 })),
    };
    const said = describeScore(en, empty, 'en');
    expect(said[0]).toBe('No ratings yet: until there are some, the region’s average of 4.3 is used.');
    expect(said.slice(1, 4)).toEqual(['No visits checked in yet to measure punctuality.', 'No offers answered yet.', 'No visits delivered yet.']);
    expect(scoreHeadline(en, empty, 'en').rating).toBe('No ratings yet');
  });

  it('writes a share as a percentage in the reader’s language', () => {
    expect(formatPercent(0.92, 'en')).toBe('92%');
    expect(plain(formatPercent(0.92, 'de'))).toBe('92 %');
  });
});
