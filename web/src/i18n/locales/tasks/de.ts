// Wiedervorlagen der Beratung auf Deutsch; die Schlüssel sind die englischen (tasks/en.ts).
import type { TaskMessages } from './en';

const tasks: TaskMessages = {
  actions: {
    advice_task_write: 'Hat eine Wiedervorlage angelegt oder als erledigt markiert',
    advice_task_read: 'Hat die Wiedervorlagen gelesen',
    advice_task_board: 'Hat die überfälligen Wiedervorlagen der Region gelesen',
  },
  fieldMessages: {
    taskTitle: 'Was zu tun ist, in 1 bis 200 Zeichen auf einer Zeile.',
    taskDueDate: 'Geben Sie den Tag als Datum an.',
    taskDuePast: 'Der Tag ist vorbei: Wählen Sie heute oder einen späteren Tag.',
    taskDueFar: 'Höchstens zwei Jahre im Voraus.',
    taskAssignee: 'Wählen Sie eine Beraterin oder Koordinatorin der Region der Person.',
  },
  tasks: {
    title: 'Wiedervorlage',
    intro: 'Erinnerungen zu {{name}}: was bis wann zu tun ist. Sie erscheinen in der Beratung unter Ihren Aufgaben.',
    add: 'Neue Erinnerung',
    what: 'Was ist zu tun',
    whatHint: 'Zum Beispiel: Zurückrufen: Hat die Reinigung begonnen?',
    due: 'Fällig am',
    dueHint: 'Heute oder später.',
    quick: 'Schnellwahl des Tages',
    inWeeks_one: 'In {{count}} Woche',
    inWeeks_other: 'In {{count}} Wochen',
    save: 'Erinnerung anlegen',
    saving: 'Wird angelegt…',
    saved: 'Erinnerung angelegt: {{title}}.',
    open: 'Offen',
    done: 'Erledigt',
    noneOpen: 'Für {{name}} ist nichts offen.',
    markDone: 'Erledigt',
    marking: 'Wird markiert…',
    markedDone: 'Als erledigt markiert: {{title}}.',
    dueOn: 'Fällig {{date}}',
    dueToday: 'Heute fällig',
    overdue_one: 'Seit {{count}} Tag überfällig',
    overdue_other: 'Seit {{count}} Tagen überfällig',
    overdueShort: 'Überfällig',
    doneOn: 'Erledigt {{date}}',
    forWhom: 'Für {{name}}',
    mine: {
      title: 'Meine Aufgaben',
      intro: 'Ihre offenen Erinnerungen, die früheste zuerst. Der Name öffnet die Akte der Person.',
      none: 'Sie haben keine offenen Aufgaben.',
      openRecord: 'Akte von {{name}} öffnen',
    },
    board: {
      title: 'Überfällige Wiedervorlagen',
      intro: 'Offene Erinnerungen der Beratung der Region, deren Tag vorbei ist, die älteste zuerst.',
      none: 'Keine Wiedervorlage ist überfällig.',
      forbidden: 'Nur die Koordination der Region sieht diese Liste.',
    },
  },
};

export default tasks;
