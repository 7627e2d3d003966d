// Typed functions for the signed-in user's in-app notifications (src/notifications/openapi.json):
// the unread count for the header's bell, the list, and marking them read.
import { operations as ops } from './endpoints';
import { call } from './http';
import type { NotificationPage } from './types';

/** The unread count, capped by the server at 100 (the bell shows "99+" above 99). */
export async function unreadCount(): Promise<number> {
  return (await call<{ unread_count: number }>(ops.unreadNotificationCount, { quiet: true })).data.unread_count;
}

export interface NotificationQuery {
  limit?: number;
  cursor?: string | null;
  /** only the unread ones */
  unread?: boolean;
}

/** One page, newest first. */
export async function listNotifications(query: NotificationQuery = {}): Promise<NotificationPage> {
  const { limit, cursor, unread } = query;
  return (await call<NotificationPage>(ops.listNotifications, { query: { limit, cursor, unread: unread ? 'true' : undefined } })).data;
}

/** Marks these notifications (or all of them) read; answers the unread count left. */
export async function markRead(which: { ids: string[] } | { all: true }): Promise<number> {
  return (await call<{ unread_count: number }>(ops.markNotificationsRead, { body: which })).data.unread_count;
}
