// Feedback and complaints in words (src/quality/README.md): a case's steps and the ones that may
// follow, deadlines by severity, who reads a case as what, the checks an attachment must pass
// before it is sent, and the quality score explained in sentences built from its components.
import type { TFunction } from 'i18next';
import type {
  CaseCategory,
  CaseEvent,
  CaseKind,
  CaseSeverity,
  CaseState,
  CaseTarget,
  QualityCaseSummary,
  QualityScore,
  ScoreComponent,
  VisitRating,
} from '../api/quality';
import type { Language } from '../api/types';
import { formatDate, localeOf } from './format';
import { clientsActedFor, editedProviders, isClient, reviewedRegions, type Viewer } from './roles';
import { formatRating } from './serviceText';

/** A case's steps in order; received and investigating may also go straight to closed. */
export const CASE_STATES = ['received', 'investigating', 'action_taken', 'closed'] as const satisfies readonly CaseState[];
export const CASE_KINDS = ['complaint', 'deviation', 'follow_up'] as const satisfies readonly CaseKind[];
export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly CaseSeverity[];
/** The categories a complaint or deviation may name (low_rating is the follow-ups' own). */
export const FILED_CATEGORIES = [
  'quality_of_work',
  'punctuality',
  'conduct',
  'safety',
  'billing',
  'privacy',
  'other',
] as const satisfies readonly CaseCategory[];
export const CASE_CATEGORIES = [...FILED_CATEGORIES, 'low_rating'] as const satisfies readonly CaseCategory[];
export const STARS = [1, 2, 3, 4, 5] as const;
export const EVENT_KINDS = ['filed', 'state', 'assigned', 'reply', 'note', 'escalated', 'attachment'] as const satisfies readonly CaseEvent['kind'][];
export const FILED_AS = [
  'client',
  'delegate',
  'coordinator',
  'advisor',
  'provider_admin',
  'provider_worker',
  'purchaser_officer',
] as const satisfies readonly QualityCaseSummary['filed_as'][];

/** How long the region has to close a case of each severity, in hours (14 d, 7 d, 3 d, 24 h). */
export const SEVERITY_HOURS: Record<CaseSeverity, number> = { low: 14 * 24, medium: 7 * 24, high: 3 * 24, critical: 24 };

/** The steps a coordinator may take from a state. */
export function nextStates(state: CaseState): CaseTarget[] {
  switch (state) {
    case 'received':
      return ['investigating', 'closed'];
    case 'investigating':
      return ['action_taken', 'closed'];
    case 'action_taken':
      return ['closed'];
    default:
      return [];
  }
}

/** Whether closing a case of this kind needs "upheld" (a follow-up may leave it out). */
export function upheldRequired(kind: CaseKind): boolean {
  return kind !== 'follow_up';
}

export interface Step {
  state: CaseState;
  /** done: passed; current: the case is here; skipped: closed without it; todo: still ahead */
  status: 'done' | 'current' | 'skipped' | 'todo';
  /** when the case reached it, when known */
  at: string | null;
}

/**
 * The stepper's four steps with the time each was reached: received when filed, the others from
 * the state events (the newest one into each state), closed also from closed_at. Steps a case
 * closed without are "skipped".
 */
export function caseSteps(
  c: Pick<QualityCaseSummary, 'state' | 'created_at' | 'closed_at'>,
  events: readonly Pick<CaseEvent, 'kind' | 'to_state' | 'at'>[] = [],
): Step[] {
  const reachedAt = new Map<CaseState, string>();
  reachedAt.set('received', c.created_at);
  for (const e of events) if (e.kind === 'state' && e.to_state) reachedAt.set(e.to_state, e.at);
  if (c.closed_at) reachedAt.set('closed', c.closed_at);
  const current = CASE_STATES.indexOf(c.state);
  return CASE_STATES.map((state, i) => {
    let status: Step['status'];
    if (i === current) status = 'current';
    else if (i > current) status = 'todo';
    else status = c.state === 'closed' && !reachedAt.has(state) ? 'skipped' : 'done';
    return { state, status, at: status === 'todo' || status === 'skipped' ? null : (reachedAt.get(state) ?? null) };
  });
}

/** "#12": how a case is named on the phone. */
export function caseNumber(c: Pick<QualityCaseSummary, 'number'>): string {
  return `#${c.number}`;
}

/** A civil date ("2026-11-27") in the reader's long form, whatever the browser's zone. */
export function formatLocalDate(date: string | null | undefined, lang: Language): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? '';
  return formatDate(`${date}T12:00:00Z`, lang, { timeZone: 'UTC' });
}

/** A share 0–1 as a percentage in the reader's language: "92 %" (fi), "92%" (en). */
export function formatPercent(share: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

// --- who reads a case as what ----------------------------------------------------------------------

/**
 * The reader's part in a case: a coordinator of its region manages it; an admin of the provider it
 * concerns adds statements; whoever filed it and the client's side add to it; anyone else who may
 * read it (a purchaser's officer) only reads.
 */
export type CaseReader = 'coordinator' | 'provider' | 'filer' | 'reader';

export function caseReader(
  v: Viewer,
  selfId: string,
  c: Pick<QualityCaseSummary, 'region_id' | 'provider_id' | 'client_id' | 'filed_as' | 'filed_by_me'>,
): CaseReader {
  // In the server's order: the coordinator, the provider's admin, the client's side, whoever filed it.
  if (reviewedRegions(v).includes(c.region_id)) return 'coordinator';
  if (c.provider_id && editedProviders(v).some((p) => p.id === c.provider_id)) return 'provider';
  const clientSide = c.filed_as === 'client' || c.filed_as === 'delegate';
  if (clientSide && c.client_id && (c.client_id === selfId || clientsActedFor(v).includes(c.client_id))) return 'filer';
  if (c.filed_by_me) return 'filer';
  return 'reader';
}

/** Whether the person reads cases as staff (their reads of a client's case are logged with a purpose). */
export function readsAsStaff(v: Viewer): boolean {
  return v.memberships.some((m) => ['coordinator', 'advisor', 'provider_admin', 'provider_worker', 'purchaser_officer'].includes(m.role));
}

/** Whether the person files as the client's side (a client, or someone acting for one): complaints only. */
export function filesAsClientSide(v: Viewer): boolean {
  return isClient(v) || clientsActedFor(v).length > 0;
}

// --- attachments -------------------------------------------------------------------------------------

export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
/** At most 5 MB a file (the server decides in the end) and five files a case. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export type AttachmentProblem = 'type' | 'size' | 'count' | null;

/** What is wrong with a file before it is sent, if anything; `already` is how many the case has. */
export function attachmentProblem(file: Pick<File, 'type' | 'size'>, already = 0): AttachmentProblem {
  if (already >= MAX_ATTACHMENTS) return 'count';
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return null;
}

/** "1,2 MB" / "340 kB": a file's size in the reader's language. */
export function formatBytes(bytes: number, lang: Language): string {
  const nf = (max: number) => new Intl.NumberFormat(localeOf[lang], { maximumFractionDigits: max });
  if (bytes >= 1024 * 1024) return `${nf(1).format(bytes / (1024 * 1024))} MB`;
  return `${nf(0).format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

// --- ratings -----------------------------------------------------------------------------------------

/** Why a visit cannot be rated, as a text key (null when it can). */
export function whyNotRatable(v: Pick<VisitRating, 'can_rate' | 'visit_state' | 'rate_until'>, now: Date = new Date()): string | null {
  if (v.can_rate) return null;
  switch (v.visit_state) {
    case 'planned':
    case 'in_progress':
      return 'quality.rate.notYet';
    case 'cancelled':
      return 'quality.rate.cancelled';
    case 'failed':
      return 'quality.rate.failed';
    default:
      return v.rate_until && Date.parse(v.rate_until) <= now.getTime() ? 'quality.rate.tooLate' : 'quality.rate.cannot';
  }
}

// --- the quality score in words ---------------------------------------------------------------------

/** The component of a name, when the server sent it. */
export function component(score: Pick<QualityScore, 'components'>, name: ScoreComponent['name']): ScoreComponent | undefined {
  return score.components.find((c) => c.name === name);
}

/**
 * How many upheld complaints and deviations the complaints component stands for: the server's
 * `hits`. A score computed before `hits` existed gives it from the observed value (1 − 10 × upheld
 * ÷ delivered visits, which stops at 0): then "at least".
 */
export function upheldComplaints(
  c: Pick<ScoreComponent, 'observed' | 'count'> & { hits?: number | undefined },
): { count: number; atLeast: boolean } {
  if (typeof c.hits === 'number') return { count: c.hits, atLeast: false };
  if (c.observed === null || c.count <= 0 || c.observed >= 1) return { count: 0, atLeast: false };
  if (c.observed <= 0) return { count: Math.max(1, Math.ceil(c.count / 10 - 1e-9)), atLeast: true };
  return { count: Math.max(1, Math.round(((1 - c.observed) * c.count) / 10)), atLeast: false };
}

/** The score in sentences, one per component the server sent, then how the score is made. */
export function describeScore(t: TFunction, score: QualityScore, lang: Language): string[] {
  const out: string[] = [];
  const rating = component(score, 'rating');
  if (rating) {
    if (rating.count === 0 || rating.observed === null) {
      out.push(t('quality.score.noRatings', { mean: formatRating(rating.region_mean, lang) }));
    } else {
      out.push(
        t('quality.score.rating', {
          count: rating.count,
          mean: formatRating(rating.observed, lang),
          regionMean: formatRating(rating.region_mean, lang),
        }),
      );
    }
  }
  const punctuality = component(score, 'punctuality');
  if (punctuality) {
    if (punctuality.count === 0 || punctuality.observed === null) out.push(t('quality.score.noPunctuality'));
    else
      out.push(
        t('quality.score.punctuality', {
          percent: formatPercent(punctuality.observed, lang),
          visits: t('quality.score.visits', { count: punctuality.count }),
        }),
      );
  }
  const acceptance = component(score, 'acceptance');
  if (acceptance) {
    if (acceptance.count === 0 || acceptance.observed === null) out.push(t('quality.score.noOffers'));
    else out.push(t('quality.score.acceptance', { count: acceptance.count, accepted: Math.round(acceptance.observed * acceptance.count) }));
  }
  const complaints = component(score, 'complaints');
  if (complaints) {
    if (complaints.count === 0 || complaints.observed === null) out.push(t('quality.score.noVisits'));
    else {
      const upheld = upheldComplaints(complaints);
      const visits = t('quality.score.visits', { count: complaints.count });
      if (upheld.count === 0) out.push(t('quality.score.noComplaints', { visits }));
      else if (upheld.atLeast) out.push(t('quality.score.complaintsAtLeast', { count: upheld.count, visits }));
      else out.push(t('quality.score.complaints', { count: upheld.count, visits }));
    }
  }
  const weight = (name: ScoreComponent['name']) => formatPercent((component(score, name)?.weight ?? 0) / 100, lang);
  if (score.components.length > 0) {
    out.push(
      t('quality.score.weights', {
        rating: weight('rating'),
        punctuality: weight('punctuality'),
        acceptance: weight('acceptance'),
        complaints: weight('complaints'),
        days: score.window_days,
      }),
    );
  }
  out.push(t('quality.score.shrinkage'));
  return out;
}

/** "Quality score 87/100" and "★ 4.2 out of 5 (12 ratings)" as the page's headline parts. */
export function scoreHeadline(t: TFunction, score: Pick<QualityScore, 'score' | 'rating' | 'rating_count'>, lang: Language): { score: string; rating: string } {
  return {
    score: t('quality.score.headline', { score: Math.round(score.score) }),
    rating:
      score.rating === null
        ? t('quality.score.noRatingYet')
        : t('quality.score.ratingHeadline', { rating: formatRating(score.rating, lang), count: score.rating_count }),
  };
}

/**
 * The server's field messages of src/quality (case_service.cpp, rating_service.cpp) said in the
 * reader's language; others show as the server wrote them.
 */
export const QUALITY_FIELD_MESSAGES: Record<string, string> = {
  'Say what happened, in 1 to 4,000 characters.': 'fieldMessages.qualityDescription',
  'There is no such visit you may report on.': 'fieldMessages.qualityNoVisit',
  'The visit is not of this order.': 'fieldMessages.qualityVisitNotOfOrder',
  "The order's provider is another one.": 'fieldMessages.qualityOtherProvider',
  'There is no such client you may report on.': 'fieldMessages.qualityNoClient',
  'Name the order your report is about.': 'fieldMessages.qualityOrderNeeded',
  'A client or their delegate files a complaint.': 'fieldMessages.qualityClientComplaint',
  'Say what was found and done, in 1 to 4,000 characters.': 'fieldMessages.qualityResolution',
  'Say whether the complaint was upheld (true or false).': 'fieldMessages.qualityUpheld',
  'Write 1 to 4,000 characters.': 'fieldMessages.qualityText',
  'At most 1,000 characters.': 'fieldMessages.qualityComment',
  'From 1 (poor) to 5 (excellent).': 'fieldMessages.qualityStars',
  'A coordinator or advisor of the region.': 'fieldMessages.qualityAssignee',
};

/** The text key of a value, for the keys tests (built keys are not found by the general test). */
export const kindKey = (k: CaseKind) => `quality.kinds.${k}`;
export const stateKey = (s: CaseState) => `quality.states.${s}`;
export const categoryKey = (c: CaseCategory) => `quality.categories.${c}`;
export const severityKey = (s: CaseSeverity) => `quality.severities.${s}`;
export const severityHintKey = (s: CaseSeverity) => `quality.severityHints.${s}`;
export const starKey = (n: number) => `quality.stars.${n}`;
export const eventKey = (k: CaseEvent['kind']) => `quality.events.${k}`;
export const filedAsKey = (f: QualityCaseSummary['filed_as']) => `quality.filedAs.${f}`;
export const targetKey = (s: CaseTarget) => `quality.staff.to.${s}`;

/** "marraskuu 2026" for "2026-11": a month in the reader's language. */
export function formatMonth(month: string, lang: string): string {
  const date = new Date(`${month}-01T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
