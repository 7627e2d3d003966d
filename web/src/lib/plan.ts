// The service plan (issue 20): the forms' fields and the server's messages with their keys, the
// follow-up day's quick choices (in 1, 3 or 6 months), which grants the desk may put on a plan,
// how an item is named, and the plan kept in the server's order after a change made in place.
// Days are civil dates (YYYY-MM-DD) in the region's zone, as the API takes them. No React here.
import type { GrantWithBalance, PlanItem, PlanItemKind } from '../api/types';
import { PLAN_KINDS } from '../api/types';
import { pickText } from './serviceText';

/** The fields of the desk's form that adds an item, where the server's 422 messages stand. */
export const PLAN_FIELDS = ['kind', 'grant_id', 'service_id', 'category', 'title', 'details', 'goal', 'follow_up_date'] as const;

/** The fields an item's change names. */
export const PLAN_EDIT_FIELDS = ['goal', 'details', 'follow_up_date'] as const;

/** The longest goal and details the server takes (characters), and an activity's name. */
export const PLAN_TEXT_MAX = 1000;
export const PLAN_TITLE_MAX = 200;

/** The follow-up day's quick choices, in months from today. */
export const QUICK_FOLLOW_UP_MONTHS = [1, 3, 6] as const;

/** The follow-up day a new item gets unless chosen otherwise (months from today). */
export const DEFAULT_FOLLOW_UP_MONTHS = 3;

/**
 * The server's field messages of the plan (src/guidance/plan_service.cpp) with their keys. The
 * follow-up day's malformed, past and too-far messages are the follow-up tasks' (TASK_FIELD_MESSAGES).
 */
export const PLAN_FIELD_MESSAGES: Record<string, string> = {
  'What the client wants to achieve, in 1 to 1,000 characters.': 'fieldMessages.planGoal',
  'At most 1,000 characters, without control characters.': 'fieldMessages.planDetails',
  "Choose one of the client's grants in force.": 'fieldMessages.planGrant',
  'A category the grant pays for.': 'fieldMessages.planGrantCategory',
  "Choose a published service of the client's region.": 'fieldMessages.planService',
  'A service keeps its own category: leave this out.': 'fieldMessages.planServiceCategory',
  'Name the activity in 1 to 200 characters on one line.': 'fieldMessages.planTitle',
  'Choose the kind of activity from the service taxonomy.': 'fieldMessages.planActivityCategory',
  'grant, service or activity.': 'fieldMessages.planKind',
  'The follow-up day has passed: give a new one.': 'fieldMessages.planDayPassed',
  'Name what to change: goal, details or follow_up_date.': 'fieldMessages.planNothingChanged',
};

/**
 * "2026-11-28" + 1 month → "2026-12-28"; a day the month lacks becomes its last
 * ("2026-01-31" + 1 → "2026-02-28"); undefined for a malformed date.
 */
export function addMonths(date: string, months: number): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 12)).getUTCDate();
  const d = new Date(Date.UTC(year, month, Math.min(Number(m[3]), lastDay), 12));
  return d.toISOString().slice(0, 10);
}

/** The grants the desk may put on a plan: active and in force today, the newest first. */
export function grantsInForce<G extends Pick<GrantWithBalance, 'id' | 'state' | 'valid_from' | 'valid_until'>>(grants: readonly G[], today: string): G[] {
  return grants
    .filter((g) => g.state === 'active' && (g.valid_from ?? '') <= today && (!g.valid_until || g.valid_until >= today))
    .sort((a, b) => (b.valid_from ?? '').localeCompare(a.valid_from ?? '') || b.id.localeCompare(a.id));
}

/** Whether an active item already stands for this grant or service (the server refuses a twin with 409). */
export function onPlanAlready(items: readonly PlanItem[], kind: PlanItemKind, id: string): boolean {
  return items.some((i) => i.state === 'active' && i.kind === kind && (kind === 'grant' ? i.grant_id === id : i.service_id === id));
}

/**
 * An item's name: an activity's title, a service's published name in the reader's language (or
 * another), and for a grant the type of service it pays for.
 */
export function itemName(item: Pick<PlanItem, 'kind' | 'title' | 'name' | 'category'>, language: string, categoryName: (code: string) => string): string {
  if (item.kind === 'activity') return item.title;
  if (item.kind === 'service') return pickText(item.name, language).text || categoryName(item.category);
  return categoryName(item.category);
}

/** The i18n key of the line that says what kind of item it is. */
export function kindLineKey(item: Pick<PlanItem, 'kind'>): string {
  return `plan.kindLine.${item.kind}`;
}

/** The server's order: active items by follow-up day, then ended ones, the latest ended first. */
export function planOrder(a: PlanItem, b: PlanItem): number {
  if (a.state !== b.state) return a.state === 'active' ? -1 : 1;
  if (a.state === 'active') return a.follow_up_date.localeCompare(b.follow_up_date) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
  return (b.ended_at ?? '').localeCompare(a.ended_at ?? '') || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);
}

/** The plan's items in the server's order with `item` in place of the one with its id (or added). */
export function withPlanItem(list: readonly PlanItem[], item: PlanItem): PlanItem[] {
  return [item, ...list.filter((x) => x.id !== item.id)].sort(planOrder);
}

/** The active items by kind (publicly funded, self-paid, activities; empty kinds left out) and the ended ones. */
export function groupPlan(items: readonly PlanItem[]): { active: { kind: PlanItemKind; items: PlanItem[] }[]; ended: PlanItem[] } {
  const active = items.filter((i) => i.state === 'active');
  return {
    active: PLAN_KINDS.map((kind) => ({ kind, items: active.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0),
    ended: items.filter((i) => i.state !== 'active'),
  };
}
