import { describe, expect, it } from 'vitest';
import type { AdviceTask } from '../api/types';
import { daysBetween, daysOverdue, dueIn, orderClientTasks, TASK_FIELD_MESSAGES, todayIn, withTask } from './tasks';

const task = (id: string, c: Partial<AdviceTask> = {}): AdviceTask => ({
  id,
  client_id: 'usr_aino',
  client_name: 'Aino Virtanen',
  assigned_to: 'usr_mikko',
  assigned_to_name: 'Mikko Neuvoja',
  created_by_name: 'Mikko Neuvoja',
  title: `Task ${id}`,
  due_date: '2026-12-11',
  state: 'open',
  overdue: false,
  done_at: null,
  created_at: '2026-11-27T10:00:00Z',
  ...c,
});

describe('due days in the region’s zone', () => {
  it('takes today in the zone, not in UTC', () => {
    // 23:30 UTC on 27 November is already 28 November in Helsinki (UTC+2 in winter).
    const late = new Date('2026-11-27T23:30:00Z');
    expect(todayIn('Europe/Helsinki', late)).toBe('2026-11-28');
    expect(todayIn('UTC', late)).toBe('2026-11-27');
    expect(todayIn(undefined, late)).toBe('2026-11-28');
  });

  it('counts weeks ahead across months, years and the change of summer time', () => {
    expect(dueIn(14, 'Europe/Helsinki', new Date('2026-11-27T10:00:00Z'))).toBe('2026-12-11');
    expect(dueIn(7, 'Europe/Helsinki', new Date('2026-12-28T10:00:00Z'))).toBe('2027-01-04');
    expect(dueIn(14, 'Europe/Helsinki', new Date('2027-03-20T10:00:00Z'))).toBe('2027-04-03');
  });

  it('counts whole days between civil dates', () => {
    expect(daysBetween('2026-11-27', '2026-12-11')).toBe(14);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-11', '2026-11-27')).toBe(-14);
    expect(daysBetween('11.12.2026', '2026-11-27')).toBeNull();
  });
});

describe('how late a task is', () => {
  it('counts the days after the due day for an open task only', () => {
    expect(daysOverdue(task('a', { due_date: '2026-11-24' }), '2026-11-27')).toBe(3);
    expect(daysOverdue(task('a', { due_date: '2026-11-27' }), '2026-11-27')).toBe(0);
    expect(daysOverdue(task('a', { due_date: '2026-12-01' }), '2026-11-27')).toBe(0);
    expect(daysOverdue(task('a', { due_date: '2026-11-24', state: 'done' }), '2026-11-27')).toBe(0);
  });
});

describe('the client’s list', () => {
  it('keeps open tasks by due day, then done ones latest first', () => {
    const list = orderClientTasks([
      task('d1', { state: 'done', done_at: '2026-11-20T10:00:00Z' }),
      task('o2', { due_date: '2026-12-20' }),
      task('d2', { state: 'done', done_at: '2026-11-25T10:00:00Z' }),
      task('o1', { due_date: '2026-12-01' }),
    ]);
    expect(list.map((x) => x.id)).toEqual(['o1', 'o2', 'd2', 'd1']);
  });

  it('puts a new task in its place and moves one marked done to the done ones', () => {
    const list = [task('o1', { due_date: '2026-12-01' }), task('o2', { due_date: '2026-12-20' })];
    expect(withTask(list, task('n', { due_date: '2026-12-11' })).map((x) => x.id)).toEqual(['o1', 'n', 'o2']);
    const done = withTask(list, task('o1', { due_date: '2026-12-01', state: 'done', done_at: '2026-11-27T12:00:00Z' }));
    expect(done.map((x) => [x.id, x.state])).toEqual([
      ['o2', 'open'],
      ['o1', 'done'],
    ]);
  });
});

describe('the server’s field messages', () => {
  it('has a key for each message of src/guidance/task_service.cpp', () => {
    expect(Object.keys(TASK_FIELD_MESSAGES)).toHaveLength(5);
    expect(TASK_FIELD_MESSAGES['What to do, in 1 to 200 characters on one line.']).toBe('fieldMessages.taskTitle');
  });
});
