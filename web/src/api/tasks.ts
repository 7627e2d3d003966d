// Follow-up tasks of the advice desk (issue 20, src/guidance/openapi.json): a task about a client
// with a due day for an advisor of the region, the advisor's own open tasks, and the overdue ones
// of the region for its coordinators. Staff send their reason for looking as X-Access-Purpose.
import { operations as ops } from './endpoints';
import { call, purposeHeader } from './http';
import type { AdviceTask, NewAdviceTask } from './types';


/** The client's tasks: open ones by due day, then done ones. */
export async function listClientTasks(clientId: string, purpose?: string): Promise<AdviceTask[]> {
  return (await call<{ items: AdviceTask[] }>(ops.listClientTasks, { params: { id: clientId }, headers: purposeHeader(purpose) })).data.items;
}

/** Adds a task about the client (for the caller unless `assigned_to` names another); 422 at title, due_date, assigned_to. */
export async function addClientTask(clientId: string, task: NewAdviceTask, idempotencyKey: string, purpose?: string): Promise<AdviceTask> {
  return (
    await call<AdviceTask>(ops.addClientTask, {
      params: { id: clientId },
      body: task,
      headers: { ...purposeHeader(purpose), 'Idempotency-Key': idempotencyKey },
    })
  ).data;
}

/** Marks a task done (again: unchanged). */
export async function completeTask(taskId: string, purpose?: string): Promise<AdviceTask> {
  return (await call<AdviceTask>(ops.completeTask, { params: { id: taskId }, headers: purposeHeader(purpose) })).data;
}

/** The caller's open tasks by due day. */
export async function myTasks(): Promise<AdviceTask[]> {
  return (await call<{ items: AdviceTask[] }>(ops.myTasks)).data.items;
}

/** The region's open tasks due before today, oldest first (coordinators of the region). */
export async function overdueTasks(regionId: string): Promise<AdviceTask[]> {
  return (await call<{ items: AdviceTask[] }>(ops.overdueTasks, { params: { id: regionId } })).data.items;
}
