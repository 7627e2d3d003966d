// Follow-up tasks of the advice desk (issue 20): the due day a new task gets, the quick choices,
// how late an open task is, and the server's field messages with their keys. Due days are civil
// dates (YYYY-MM-DD) in the region's zone, as the API takes them.
import type { AdviceTask } from '../api/types';
import { addDays, localDate } from './schedule';

/** The zone of the desk's regions when the session names none (all of them are Finnish today). */
export const DEFAULT_TASK_ZONE = 'Europe/Helsinki';

/** The days a task is due ahead by default ("call back in two weeks"). */
export const DEFAULT_DUE_DAYS = 14;

/** The quick choices beside the date: in one week, in two weeks. */
export const QUICK_DUE_WEEKS = [1, 2] as const;

/**
 * The fields of the task form, where the server's 422 messages stand. The form sends no
 * assigned_to (a task is for the one who adds it), so a message about it would go to the alert.
 */
export const TASK_FIELDS = ['title', 'due_date'] as const;

/** The longest title the server takes. */
export const TASK_TITLE_MAX = 200;

/** Today in the zone: "2026-11-27". */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return localDate(now, timeZone ?? DEFAULT_TASK_ZONE);
}

/** The day `days` after today in the zone. */
export function dueIn(days: number, timeZone: string | undefined, now: Date = new Date()): string {
  return addDays(todayIn(timeZone, now), days) ?? todayIn(timeZone, now);
}

/** Whole days from `from` to `to` (civil dates); null when either is malformed. */
export function daysBetween(from: string, to: string): number | null {
  const ok = /^\d{4}-\d{2}-\d{2}$/;
  if (!ok.test(from) || !ok.test(to)) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/**
 * How many days an open task is late on `today` (0 for one due today or later, or done). The
 * server's `overdue` decides whether it is late; this only counts the days for the words.
 */
export function daysOverdue(task: Pick<AdviceTask, 'due_date' | 'state'>, today: string): number {
  if (task.state !== 'open') return 0;
  const d = daysBetween(task.due_date, today);
  return d !== null && d > 0 ? d : 0;
}

/** The client's tasks split as the panel shows them: open ones (the server's order), then done ones. */
export function splitTasks(tasks: readonly AdviceTask[]): { open: AdviceTask[]; done: AdviceTask[] } {
  return { open: tasks.filter((x) => x.state === 'open'), done: tasks.filter((x) => x.state === 'done') };
}

/**
 * The client's tasks in the server's order: open ones by due day (earliest first), then done ones,
 * the latest done first. Used after a task is added or marked done in place.
 */
export function orderClientTasks(tasks: readonly AdviceTask[]): AdviceTask[] {
  const open = tasks.filter((x) => x.state === 'open').sort((a, b) => a.due_date.localeCompare(b.due_date));
  const done = tasks.filter((x) => x.state !== 'open').sort((a, b) => (b.done_at ?? '').localeCompare(a.done_at ?? ''));
  return [...open, ...done];
}

/** The list with `task` in place of the one with its id (or added), in the server's order. */
export function withTask(tasks: readonly AdviceTask[], task: AdviceTask): AdviceTask[] {
  const others = tasks.filter((x) => x.id !== task.id);
  return orderClientTasks([task, ...others]);
}

/** The server's field messages of tasks (src/guidance/task_service.cpp) with their keys. */
export const TASK_FIELD_MESSAGES: Record<string, string> = {
  'What to do, in 1 to 200 characters on one line.': 'fieldMessages.taskTitle',
  'Give the day as YYYY-MM-DD.': 'fieldMessages.taskDueDate',
  'The day is past: give today or a later day.': 'fieldMessages.taskDuePast',
  'At most two years ahead.': 'fieldMessages.taskDueFar',
  "Give an advisor or coordinator of the client's region.": 'fieldMessages.taskAssignee',
};
