// Follow-up tasks of the advice desk in English (the reference for the others): the panel of the
// open record, "My tasks" on the desk, the coordinators' overdue list on the board, the words of
// the access log and the server's field messages. Merged by i18n/resources.ts.
const tasks = {
  actions: {
    advice_task_write: 'Added a follow-up task or marked one done',
    advice_task_read: 'Read the follow-up tasks',
    advice_task_board: 'Read the overdue follow-up tasks of the region',
  },
  fieldMessages: {
    taskTitle: 'Say what to do, in 1 to 200 characters on one line.',
    taskDueDate: 'Give the day as a date.',
    taskDuePast: 'The day is past: choose today or a later day.',
    taskDueFar: 'At most two years ahead.',
    taskAssignee: "Choose an advisor or coordinator of the client's region.",
  },
  tasks: {
    title: 'Follow-up',
    intro: 'Reminders about {{name}}: what to do and by when. They come up in your tasks on the desk.',
    add: 'New reminder',
    what: 'What to do',
    whatHint: 'For example: Call back: has the cleaning started?',
    due: 'Due',
    dueHint: 'Today or later.',
    quick: 'Quick choice of the due day',
    inWeeks_one: 'In {{count}} week',
    inWeeks_other: 'In {{count}} weeks',
    save: 'Add reminder',
    saving: 'Adding…',
    saved: 'Reminder added: {{title}}.',
    open: 'To do',
    done: 'Done',
    noneOpen: 'Nothing to do for {{name}}.',
    markDone: 'Done',
    marking: 'Marking…',
    markedDone: 'Marked done: {{title}}.',
    dueOn: 'Due {{date}}',
    dueToday: 'Due today',
    overdue_one: 'Overdue by {{count}} day',
    overdue_other: 'Overdue by {{count}} days',
    overdueShort: 'Overdue',
    doneOn: 'Done {{date}}',
    forWhom: 'For {{name}}',
    mine: {
      title: 'My tasks',
      intro: 'Your open reminders, the earliest first. The name opens the client’s record.',
      none: 'You have no open tasks.',
      openRecord: 'Open the record of {{name}}',
    },
    board: {
      title: 'Overdue follow-ups',
      intro: 'Open reminders of the region’s advice desk whose day has passed, the oldest first.',
      none: 'No follow-up is overdue.',
      forbidden: 'Only the region’s coordinators see this list.',
    },
  },
};

export type TaskMessages = typeof tasks;
export default tasks;
