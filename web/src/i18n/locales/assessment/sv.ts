// Bedömning av servicebehov på svenska; nycklarna är de engelska (assessment/en.ts).
import type { AssessmentMessages } from './en';

const assessment: AssessmentMessages = {
  nav: {
    assessment: 'Mitt servicebehov',
  },
  home: {
    cards: {
      assessment: 'Berätta hur du klarar dig hemma och få förslag på tjänster som kan hjälpa. Här finns också bedömningar som gjorts med rådgivningen.',
    },
  },
  actions: {
    assessment_read: 'Läste bedömningarna av servicebehov',
    assessment_write: 'Sparade en bedömning av servicebehov',
    assessment_form_write: 'Publicerade en version av ett bedömningsformulär',
  },
  desk: {
    order: {
      category: 'Typ av tjänst',
      anyCategory: 'Alla typer av tjänster',
    },
  },
  assessment: {
    deskTitle: 'Bedömning av servicebehov',
    deskIntro: 'Gå igenom frågorna med {{name}}. Svaren ger poäng och förslag på typer av tjänster att söka.',
    start: 'Börja bedömningen',
    startAgain: 'Börja en ny bedömning',
    form: 'Formulär',
    formVersion: '{{title}}, version {{version}}',
    formIntro: 'Frivilliga frågor kan lämnas tomma.',
    noForms: 'Regionen har ännu inget bedömningsformulär.',
    optional: '{{text}} (frivillig)',
    yes: 'Ja',
    no: 'Nej',
    numberHint: 'Ett heltal från {{min}} till {{max}}.',
    textHint: 'Högst 1 000 tecken.',
    submit: 'Spara bedömningen',
    saving: 'Sparar…',
    cancel: 'Avbryt',
    formGone: 'Formuläret används inte längre. Ladda om sidan och börja på nytt.',
    problems: {
      required: 'Svara på frågan.',
      whole: 'Ange ett heltal.',
      range: 'Ange ett tal från {{min}} till {{max}}.',
      tooLong: 'Högst 1 000 tecken.',
      option: 'Välj ett av svarsalternativen.',
      yesNo: 'Svara ja eller nej.',
    },
    saved: 'Bedömningen av {{name}} är sparad.',
    savedOwn: 'Din bedömning är sparad.',
    result: {
      title: 'Resultat',
      score: '{{score}} / {{max}} poäng',
      suggestions: 'Föreslagna tjänster',
      none: 'Svaren pekar inte på någon särskild tjänst.',
      searchHint: 'Välj en för att söka tjänster av den typen för {{name}}.',
      shopHint: 'Välj en för att se tjänster av den typen.',
      search: 'Sök tjänster:',
      see: 'Se tjänster:',
    },
    history: {
      title: 'Tidigare bedömningar',
      titleOwn: 'Dina bedömningar',
      none: '{{name}} har ännu inga bedömningar.',
      noneOwn: 'Du har ännu inga bedömningar.',
      date: 'Datum',
      filledBy: 'Ifylld av',
      score: 'Poäng',
      suggested: 'Förslag',
      noSuggestions: 'inget särskilt',
      version: 'version {{version}}',
      versionOlder: 'version {{version}} (senaste {{latest}})',
      versionOld: 'version {{version}} (en äldre version)',
      showAnswers: 'Visa svaren',
      hideAnswers: 'Dölj svaren',
      noAnswer: 'inte besvarad',
      answersFailed: 'Frågorna i den här versionen kunde inte laddas.',
    },
    filledBy: {
      advisor: '{{name}} (rådgivare)',
      client: '{{name}} själv',
      self: 'du själv',
      delegate: '{{name}} (sköter ärenden för klienten)',
      other: '{{name}}',
    },
    page: {
      title: 'Mitt servicebehov',
      titleFor: 'Servicebehov: {{name}}',
      intro: 'Några frågor om hur du klarar dig hemma. Utifrån svaren får du förslag på tjänster som kan göra vardagen lättare.',
      introFor: 'Några frågor om hur {{name}} klarar sig hemma. Utifrån svaren får du förslag på tjänster som kan hjälpa.',
      whose: 'Vems servicebehov',
      noRecord: 'Du är ännu inte klient i någon region, så det finns inget formulär för dig. Rådgivningen hjälper gärna.',
      noRecordActing: 'Du är inte själv klient i någon region. Välj ovan den person du sköter ärenden för.',
    },
  },
};

export default assessment;
