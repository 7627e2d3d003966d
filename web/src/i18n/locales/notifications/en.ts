// Notifications in English (the reference for the others): the header's bell and the
// notifications page, and a sentence for each kind of notification ({{what}} is the order's
// service, and its place where the notification has one: "Window cleaning, Hervanta"). Merged
// into the language's texts by i18n/resources.ts.
const notifications = {
  notifications: {
    bell: 'Notifications',
    bellUnread_one: 'Notifications, {{count}} unread',
    bellUnread_other: 'Notifications, {{count}} unread',
    bellUnreadMany: 'Notifications, 99+ unread',
    title: 'Notifications',
    intro: 'What has happened to your orders and offers. Open a notification to see the matter; it is then marked read.',
    unreadCount_one: '{{count}} unread',
    unreadCount_other: '{{count}} unread',
    unreadCountMany: '99+ unread',
    noneUnread: 'All read',
    onlyUnread: 'Show only unread',
    markAllRead: 'Mark all as read',
    markedAllRead: 'All notifications are marked read.',
    unread: 'Unread',
    loadMore: 'Load more',
    empty: 'No notifications yet. News of your orders and offers will appear here.',
    emptyUnread: 'No unread notifications.',
    newArrived: 'New notifications have arrived.',
    showNew: 'Show them',
    anOrder: 'Order',
    hours: '{{hours}} h',
    visits_one: '{{count}} visit',
    visits_other: '{{count}} visits',
    kinds: {
      offered: 'New offer: {{what}}. Answer by {{deadline}}.',
      offeredNoDeadline: 'New offer: {{what}}.',
      accepted: '{{provider}} accepted the order: {{what}}.',
      acceptedNoProvider: 'The order was accepted: {{what}}.',
      scheduled: 'A worker has been assigned to the order: {{what}}.',
      declined: 'The order was declined: {{what}}.',
      expired: 'No provider took the order in time: {{what}}.',
      escalated: 'An order needs a coordinator: {{what}}.',
      cancelled: 'The order was cancelled: {{what}}.',
      delivered: 'The visit is done: {{what}}. Please confirm it.',
      disputed: 'A visit was disputed: {{what}}.',
      failed: 'A visit failed because the client was not at home: {{what}}.',
      message: 'New message ({{role}}): {{what}}.',
      messageNoRole: 'New message: {{what}}.',
      other: 'The order was updated: {{what}}.',
      grantLow: 'Only {{left}} left of your decision from {{payer}} until {{until}}.',
      grantLapsing: '{{amount}} of your relief amount from {{payer}} lapses on {{on}} unless it is used.',
    },
  },
};

export type NotificationsMessages = typeof notifications;
export default notifications;
