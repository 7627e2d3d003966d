// Rådgivningens opfølgninger (påmindelser) på dansk; nøglerne er de engelske (tasks/en.ts).
import type { TaskMessages } from './en';

const tasks: TaskMessages = {
  actions: {
    advice_task_write: 'Tilføjede en opfølgning eller markerede den som udført',
    advice_task_read: 'Læste opfølgningerne',
    advice_task_board: 'Læste regionens forsinkede opfølgninger',
  },
  fieldMessages: {
    taskTitle: 'Skriv, hvad der skal gøres, med 1–200 tegn på én linje.',
    taskDueDate: 'Angiv dagen som en dato.',
    taskDuePast: 'Dagen er gået: vælg i dag eller en senere dag.',
    taskDueFar: 'Højst to år frem.',
    taskAssignee: 'Vælg en rådgiver eller koordinator i borgerens region.',
  },
  tasks: {
    title: 'Opfølgning',
    intro: 'Påmindelser om {{name}}: hvad der skal gøres og hvornår. De vises blandt dine opgaver i rådgivningen.',
    add: 'Ny påmindelse',
    what: 'Hvad skal gøres',
    whatHint: 'For eksempel: Ring tilbage: er rengøringen begyndt?',
    due: 'Dag',
    dueHint: 'I dag eller senere.',
    quick: 'Hurtigvalg af dag',
    inWeeks_one: 'Om {{count}} uge',
    inWeeks_other: 'Om {{count}} uger',
    save: 'Tilføj påmindelse',
    saving: 'Tilføjer…',
    saved: 'Påmindelsen er tilføjet: {{title}}.',
    open: 'Mangler',
    done: 'Udført',
    noneOpen: 'Intet at gøre for {{name}}.',
    markDone: 'Udført',
    marking: 'Markerer…',
    markedDone: 'Markeret som udført: {{title}}.',
    dueOn: 'Senest {{date}}',
    dueToday: 'I dag',
    overdue_one: 'Forsinket {{count}} dag',
    overdue_other: 'Forsinket {{count}} dage',
    overdueShort: 'Forsinket',
    doneOn: 'Udført {{date}}',
    forWhom: 'Til {{name}}',
    mine: {
      title: 'Mine opgaver',
      intro: 'Dine åbne påmindelser, den tidligste først. Navnet åbner borgerens oplysninger.',
      none: 'Du har ingen åbne opgaver.',
      openRecord: 'Åbn oplysningerne om {{name}}',
    },
    board: {
      title: 'Forsinkede opfølgninger',
      intro: 'Åbne påmindelser i regionens rådgivning, hvis dag er gået, den ældste først.',
      none: 'Ingen opfølgning er forsinket.',
      forbidden: 'Kun regionens koordinatorer ser denne liste.',
    },
  },
};

export default tasks;
