// Behovsvurderingen på dansk; nøglerne er de engelske (assessment/en.ts).
import type { AssessmentMessages } from './en';

const assessment: AssessmentMessages = {
  nav: {
    assessment: 'Mit behov for hjælp',
  },
  home: {
    cards: {
      assessment: 'Fortæl, hvordan du klarer dig derhjemme, og få forslag til ydelser, der kan hjælpe. Her er også de vurderinger, der er lavet sammen med rådgivningen.',
    },
  },
  actions: {
    assessment_read: 'Læste behovsvurderingerne',
    assessment_write: 'Gemte en behovsvurdering',
    assessment_form_write: 'Offentliggjorde en version af et vurderingsskema',
  },
  desk: {
    order: {
      category: 'Type ydelse',
      anyCategory: 'Alle typer ydelser',
    },
  },
  assessment: {
    deskTitle: 'Behovsvurdering',
    deskIntro: 'Gå spørgsmålene igennem med {{name}}. Svarene giver point og forslag til typer af ydelser, du kan søge efter.',
    start: 'Start vurderingen',
    startAgain: 'Start en ny vurdering',
    form: 'Skema',
    formVersion: '{{title}}, version {{version}}',
    formIntro: 'Frivillige spørgsmål kan stå tomme.',
    noForms: 'Regionen har endnu intet vurderingsskema.',
    optional: '{{text}} (frivilligt)',
    yes: 'Ja',
    no: 'Nej',
    numberHint: 'Et helt tal fra {{min}} til {{max}}.',
    textHint: 'Højst 1.000 tegn.',
    submit: 'Gem vurderingen',
    saving: 'Gemmer…',
    cancel: 'Annullér',
    formGone: 'Skemaet bruges ikke længere. Genindlæs siden, og start forfra.',
    problems: {
      required: 'Besvar spørgsmålet.',
      whole: 'Angiv et helt tal.',
      range: 'Angiv et tal fra {{min}} til {{max}}.',
      tooLong: 'Højst 1.000 tegn.',
      option: 'Vælg et af svarene.',
      yesNo: 'Svar ja eller nej.',
    },
    saved: 'Vurderingen af {{name}} er gemt.',
    savedOwn: 'Din vurdering er gemt.',
    result: {
      title: 'Resultat',
      score: '{{score}} / {{max}} point',
      suggestions: 'Foreslåede ydelser',
      none: 'Svarene peger ikke på nogen bestemt ydelse.',
      searchHint: 'Vælg en for at søge ydelser af den type til {{name}}.',
      shopHint: 'Vælg en for at se ydelser af den type.',
      search: 'Søg ydelser:',
      see: 'Se ydelser:',
    },
    history: {
      title: 'Tidligere vurderinger',
      titleOwn: 'Dine vurderinger',
      none: '{{name}} har endnu ingen vurderinger.',
      noneOwn: 'Du har endnu ingen vurderinger.',
      date: 'Dato',
      filledBy: 'Udfyldt af',
      score: 'Point',
      suggested: 'Forslag',
      noSuggestions: 'intet bestemt',
      version: 'version {{version}}',
      versionOlder: 'version {{version}} (nyeste {{latest}})',
      versionOld: 'version {{version}} (en ældre version)',
      showAnswers: 'Vis svarene',
      hideAnswers: 'Skjul svarene',
      noAnswer: 'ikke besvaret',
      answersFailed: 'Spørgsmålene i denne version kunne ikke hentes.',
    },
    filledBy: {
      advisor: '{{name}} (rådgiver)',
      client: '{{name}} selv',
      self: 'dig selv',
      delegate: '{{name}} (handler for borgeren)',
      other: '{{name}}',
    },
    page: {
      title: 'Mit behov for hjælp',
      titleFor: 'Behov for hjælp: {{name}}',
      intro: 'Et par spørgsmål om, hvordan du klarer dig derhjemme. Ud fra svarene får du forslag til ydelser, der kan gøre hverdagen lettere.',
      introFor: 'Et par spørgsmål om, hvordan {{name}} klarer sig derhjemme. Ud fra svarene får du forslag til ydelser, der kan hjælpe.',
      whose: 'Hvis behov',
      noRecord: 'Du er endnu ikke registreret som borger i en region, så der er intet skema til dig. Rådgivningen hjælper gerne.',
      noRecordActing: 'Du er ikke selv registreret i en region. Vælg ovenfor den person, du handler for.',
    },
  },
};

export default assessment;
