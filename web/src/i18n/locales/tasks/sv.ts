// Rådgivningens uppföljningar (påminnelser) på svenska; nycklarna är de engelska (tasks/en.ts).
import type { TaskMessages } from './en';

const tasks: TaskMessages = {
  actions: {
    advice_task_write: 'Lade till en uppföljning eller markerade den som klar',
    advice_task_read: 'Läste uppföljningarna',
    advice_task_board: 'Läste regionens försenade uppföljningar',
  },
  fieldMessages: {
    taskTitle: 'Skriv vad som ska göras, 1–200 tecken på en rad.',
    taskDueDate: 'Ange dagen som ett datum.',
    taskDuePast: 'Dagen har redan varit: välj i dag eller en senare dag.',
    taskDueFar: 'Högst två år framåt.',
    taskAssignee: 'Välj en rådgivare eller koordinator i klientens region.',
  },
  tasks: {
    title: 'Uppföljning',
    intro: 'Påminnelser om {{name}}: vad som ska göras och till när. De syns bland dina uppgifter i rådgivningen.',
    add: 'Ny påminnelse',
    what: 'Vad ska göras',
    whatHint: 'Till exempel: Ring tillbaka: har städningen börjat?',
    due: 'Dag',
    dueHint: 'I dag eller senare.',
    quick: 'Snabbval av dag',
    inWeeks_one: 'Om {{count}} vecka',
    inWeeks_other: 'Om {{count}} veckor',
    save: 'Lägg till påminnelse',
    saving: 'Läggs till…',
    saved: 'Påminnelsen har lagts till: {{title}}.',
    open: 'Att göra',
    done: 'Klara',
    noneOpen: 'Inget att göra för {{name}}.',
    markDone: 'Klar',
    marking: 'Markeras…',
    markedDone: 'Markerad som klar: {{title}}.',
    dueOn: 'Senast {{date}}',
    dueToday: 'I dag',
    overdue_one: 'Försenad {{count}} dag',
    overdue_other: 'Försenad {{count}} dagar',
    overdueShort: 'Försenad',
    doneOn: 'Klar {{date}}',
    forWhom: 'För {{name}}',
    mine: {
      title: 'Mina uppgifter',
      intro: 'Dina öppna påminnelser, den tidigaste först. Namnet öppnar klientens uppgifter.',
      none: 'Du har inga öppna uppgifter.',
      openRecord: 'Öppna uppgifterna om {{name}}',
    },
    board: {
      title: 'Försenade uppföljningar',
      intro: 'Öppna påminnelser i regionens rådgivning vars dag har passerat, den äldsta först.',
      none: 'Ingen uppföljning är försenad.',
      forbidden: 'Endast regionens koordinatorer ser den här listan.',
    },
  },
};

export default tasks;
