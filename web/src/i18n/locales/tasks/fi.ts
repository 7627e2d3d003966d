// Neuvonnan jatkotoimet (muistutukset) suomeksi; avaimet ovat englannin (tasks/en.ts).
import type { TaskMessages } from './en';

const tasks: TaskMessages = {
  actions: {
    advice_task_write: 'Lisäsi muistutuksen tai merkitsi sen tehdyksi',
    advice_task_read: 'Luki jatkotoimet',
    advice_task_board: 'Luki alueen myöhässä olevat jatkotoimet',
  },
  fieldMessages: {
    taskTitle: 'Kerro, mitä tehdään: 1–200 merkkiä yhdellä rivillä.',
    taskDueDate: 'Anna päivä päivämääränä.',
    taskDuePast: 'Päivä on jo mennyt: valitse tämä päivä tai myöhempi.',
    taskDueFar: 'Enintään kaksi vuotta eteenpäin.',
    taskAssignee: 'Valitse asiakkaan alueen neuvoja tai koordinaattori.',
  },
  tasks: {
    title: 'Jatkotoimet',
    intro: 'Muistutukset asiakkaasta {{name}}: mitä tehdään ja mihin mennessä. Ne näkyvät tehtävissäsi neuvonnassa.',
    add: 'Uusi muistutus',
    what: 'Mitä tehdään',
    whatHint: 'Esimerkiksi: Soita takaisin: alkoiko siivous?',
    due: 'Päivä',
    dueHint: 'Tänään tai myöhemmin.',
    quick: 'Päivän pikavalinta',
    inWeeks_one: '{{count}} viikon päästä',
    inWeeks_other: '{{count}} viikon päästä',
    save: 'Lisää muistutus',
    saving: 'Lisätään…',
    saved: 'Muistutus lisätty: {{title}}.',
    open: 'Tekemättä',
    done: 'Tehty',
    noneOpen: 'Asiakkaalla {{name}} ei ole avoimia muistutuksia.',
    markDone: 'Tehty',
    marking: 'Merkitään…',
    markedDone: 'Merkitty tehdyksi: {{title}}.',
    dueOn: 'Viimeistään {{date}}',
    dueToday: 'Tänään',
    overdue_one: '{{count}} päivä myöhässä',
    overdue_other: '{{count}} päivää myöhässä',
    overdueShort: 'Myöhässä',
    doneOn: 'Tehty {{date}}',
    forWhom: 'Tekijä: {{name}}',
    mine: {
      title: 'Omat tehtäväni',
      intro: 'Avoimet muistutuksesi, aikaisin ensin. Nimestä avautuvat asiakkaan tiedot.',
      none: 'Sinulla ei ole avoimia tehtäviä.',
      openRecord: 'Avaa asiakkaan {{name}} tiedot',
    },
    board: {
      title: 'Myöhässä olevat jatkotoimet',
      intro: 'Alueen neuvonnan avoimet muistutukset, joiden päivä on mennyt, vanhin ensin.',
      none: 'Yksikään jatkotoimi ei ole myöhässä.',
      forbidden: 'Vain alueen koordinaattorit näkevät tämän luettelon.',
    },
  },
};

export default tasks;
