// Die Bedarfseinschätzung auf Deutsch; die Schlüssel sind die englischen (assessment/en.ts).
import type { AssessmentMessages } from './en';

const assessment: AssessmentMessages = {
  nav: {
    assessment: 'Mein Unterstützungsbedarf',
  },
  home: {
    cards: {
      assessment: 'Sagen Sie uns, wie Sie zu Hause zurechtkommen, und erhalten Sie Vorschläge für hilfreiche Dienste. Auch die Einschätzungen mit der Beratung finden Sie hier.',
    },
  },
  actions: {
    assessment_read: 'Hat die Bedarfseinschätzungen gelesen',
    assessment_write: 'Hat eine Bedarfseinschätzung gespeichert',
    assessment_form_write: 'Hat eine Version eines Fragebogens veröffentlicht',
  },
  desk: {
    order: {
      category: 'Art der Leistung',
      anyCategory: 'Alle Arten von Leistungen',
    },
  },
  assessment: {
    deskTitle: 'Bedarfseinschätzung',
    deskIntro: 'Gehen Sie die Fragen mit {{name}} durch. Die Antworten ergeben Punkte und Vorschläge, welche Arten von Leistungen Sie suchen können.',
    start: 'Einschätzung beginnen',
    startAgain: 'Neue Einschätzung beginnen',
    form: 'Fragebogen',
    formVersion: '{{title}}, Version {{version}}',
    formIntro: 'Freiwillige Fragen dürfen leer bleiben.',
    noForms: 'Die Region hat noch keinen Fragebogen zur Bedarfseinschätzung.',
    optional: '{{text}} (freiwillig)',
    yes: 'Ja',
    no: 'Nein',
    numberHint: 'Eine ganze Zahl von {{min}} bis {{max}}.',
    textHint: 'Höchstens 1.000 Zeichen.',
    submit: 'Einschätzung speichern',
    saving: 'Wird gespeichert…',
    cancel: 'Abbrechen',
    formGone: 'Dieser Fragebogen wird nicht mehr verwendet. Laden Sie die Seite neu und beginnen Sie noch einmal.',
    problems: {
      required: 'Bitte beantworten Sie diese Frage.',
      whole: 'Geben Sie eine ganze Zahl an.',
      range: 'Geben Sie eine Zahl von {{min}} bis {{max}} an.',
      tooLong: 'Höchstens 1.000 Zeichen.',
      option: 'Wählen Sie eine der Antworten.',
      yesNo: 'Antworten Sie mit Ja oder Nein.',
    },
    saved: 'Die Einschätzung für {{name}} ist gespeichert.',
    savedOwn: 'Ihre Einschätzung ist gespeichert.',
    result: {
      title: 'Ergebnis',
      score: '{{score}} / {{max}} Punkte',
      suggestions: 'Vorgeschlagene Leistungen',
      none: 'Die Antworten deuten auf keine bestimmte Leistung hin.',
      searchHint: 'Wählen Sie eine aus, um Leistungen dieser Art für {{name}} zu suchen.',
      shopHint: 'Wählen Sie eine aus, um Leistungen dieser Art zu sehen.',
      search: 'Leistungen suchen:',
      see: 'Leistungen ansehen:',
    },
    history: {
      title: 'Frühere Einschätzungen',
      titleOwn: 'Ihre Einschätzungen',
      none: 'Für {{name}} gibt es noch keine Einschätzung.',
      noneOwn: 'Sie haben noch keine Einschätzungen.',
      date: 'Datum',
      filledBy: 'Ausgefüllt von',
      score: 'Punkte',
      suggested: 'Vorschläge',
      noSuggestions: 'nichts Bestimmtes',
      version: 'Version {{version}}',
      versionOlder: 'Version {{version}} (neueste {{latest}})',
      versionOld: 'Version {{version}} (eine ältere Version)',
      showAnswers: 'Antworten zeigen',
      hideAnswers: 'Antworten ausblenden',
      noAnswer: 'nicht beantwortet',
      answersFailed: 'Die Fragen dieser Version konnten nicht geladen werden.',
    },
    filledBy: {
      advisor: '{{name}} (Beratung)',
      client: '{{name}} selbst',
      self: 'Sie selbst',
      delegate: '{{name}} (handelt für die Person)',
      other: '{{name}}',
    },
    page: {
      title: 'Mein Unterstützungsbedarf',
      titleFor: 'Unterstützungsbedarf: {{name}}',
      intro: 'Einige Fragen dazu, wie Sie zu Hause zurechtkommen. Aus Ihren Antworten ergeben sich Vorschläge für Dienste, die den Alltag erleichtern können.',
      introFor: 'Einige Fragen dazu, wie {{name}} zu Hause zurechtkommt. Aus den Antworten ergeben sich Vorschläge für hilfreiche Dienste.',
      whose: 'Wessen Bedarf',
      noRecord: 'Sie sind noch in keiner Region als Kundin oder Kunde erfasst, daher gibt es für Sie keinen Fragebogen. Die Beratung hilft gern.',
      noRecordActing: 'Sie sind selbst in keiner Region erfasst. Wählen Sie oben die Person, für die Sie handeln.',
    },
  },
};

export default assessment;
