// Palvelutarpeen arviointi suomeksi; avaimet ovat englannin (assessment/en.ts).
import type { AssessmentMessages } from './en';

const assessment: AssessmentMessages = {
  nav: {
    assessment: 'Palvelutarpeeni',
  },
  home: {
    cards: {
      assessment: 'Kerro, miten pärjäät kotona, niin saat ehdotuksia avuksi sopivista palveluista. Täällä ovat myös neuvonnan kanssa tehdyt arviot.',
    },
  },
  actions: {
    assessment_read: 'Luki palvelutarpeen arvioinnit',
    assessment_write: 'Tallensi palvelutarpeen arvioinnin',
    assessment_form_write: 'Julkaisi arviointilomakkeen version',
  },
  desk: {
    order: {
      category: 'Palvelutyyppi',
      anyCategory: 'Kaikki palvelutyypit',
    },
  },
  assessment: {
    deskTitle: 'Palvelutarpeen arviointi',
    deskIntro: 'Käy kysymykset läpi asiakkaan {{name}} kanssa. Vastauksista tulee pisteet ja ehdotukset palvelutyypeistä, joita voit hakea.',
    start: 'Aloita arviointi',
    startAgain: 'Aloita uusi arviointi',
    form: 'Lomake',
    formVersion: '{{title}}, versio {{version}}',
    formIntro: 'Vapaaehtoiset kysymykset voi jättää tyhjiksi.',
    noForms: 'Alueella ei ole vielä arviointilomaketta.',
    optional: '{{text}} (vapaaehtoinen)',
    yes: 'Kyllä',
    no: 'Ei',
    numberHint: 'Kokonaisluku {{min}}–{{max}}.',
    textHint: 'Enintään 1 000 merkkiä.',
    submit: 'Tallenna arviointi',
    saving: 'Tallennetaan…',
    cancel: 'Peruuta',
    formGone: 'Tätä lomaketta ei enää käytetä. Lataa sivu uudelleen ja aloita alusta.',
    problems: {
      required: 'Vastaa tähän kysymykseen.',
      whole: 'Anna kokonaisluku.',
      range: 'Anna luku väliltä {{min}}–{{max}}.',
      tooLong: 'Enintään 1 000 merkkiä.',
      option: 'Valitse jokin vastausvaihtoehdoista.',
      yesNo: 'Vastaa kyllä tai ei.',
    },
    saved: 'Asiakkaan {{name}} arviointi on tallennettu.',
    savedOwn: 'Arviosi on tallennettu.',
    result: {
      title: 'Tulos',
      score: '{{score}} / {{max}} pistettä',
      suggestions: 'Ehdotetut palvelut',
      none: 'Vastausten perusteella mitään palvelua ei erityisesti ehdoteta.',
      searchHint: 'Valitse palvelutyyppi, niin haku näyttää sen palvelut asiakkaalle {{name}}.',
      shopHint: 'Valitse palvelutyyppi, niin näet sen palvelut.',
      search: 'Hae palveluita:',
      see: 'Katso palvelut:',
    },
    history: {
      title: 'Aiemmat arvioinnit',
      titleOwn: 'Arviosi',
      none: 'Asiakkaalle {{name}} ei ole vielä tehty arviointia.',
      noneOwn: 'Sinulla ei ole vielä arvioita.',
      date: 'Päivä',
      filledBy: 'Täyttäjä',
      score: 'Pisteet',
      suggested: 'Ehdotukset',
      noSuggestions: 'ei erityisiä ehdotuksia',
      version: 'versio {{version}}',
      versionOlder: 'versio {{version}} (uusin {{latest}})',
      versionOld: 'versio {{version}} (vanhempi versio)',
      showAnswers: 'Näytä vastaukset',
      hideAnswers: 'Piilota vastaukset',
      noAnswer: 'ei vastattu',
      answersFailed: 'Tämän version kysymyksiä ei saatu ladattua.',
    },
    filledBy: {
      advisor: '{{name}} (neuvoja)',
      client: '{{name}} itse',
      self: 'itse',
      delegate: '{{name}} (asioi asiakkaan puolesta)',
      other: '{{name}}',
    },
    page: {
      title: 'Palvelutarpeeni',
      titleFor: 'Palvelutarve: {{name}}',
      intro: 'Muutama kysymys siitä, miten pärjäät kotona. Vastausten perusteella saat ehdotuksia palveluista, jotka voisivat helpottaa arkea.',
      introFor: 'Muutama kysymys siitä, miten {{name}} pärjää kotona. Vastausten perusteella saat ehdotuksia avuksi sopivista palveluista.',
      whose: 'Kenen palvelutarve',
      noRecord: 'Et ole vielä asiakkaana millään alueella, joten sinulle ei ole lomaketta. Neuvonta auttaa mielellään.',
      noRecordActing: 'Et itse ole asiakkaana millään alueella. Valitse yltä henkilö, jonka puolesta asioit.',
    },
  },
};

export default assessment;
