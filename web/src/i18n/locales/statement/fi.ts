// Palveluntuottajan laskutuserittelyt suomeksi; avaimet ovat englannin (statement/en.ts).
// Sarakkeiden otsikot ja summat ovat laskutuksen (billing/fi.ts), joten tilaaja ja tuottaja
// lukevat samat sanat. Kuukausi tulee tekstiin perusmuodossa ("lokakuu 2026").
import type { StatementMessages } from './en';

const statement: StatementMessages = {
  nav: {
    providerBilling: 'Laskutus',
  },
  home: {
    cards: {
      providerBilling: 'Erittelyt kuukausista, jotka tilaajat ovat laskuttaneet: mitä kukin maksaja maksaa käynneistänne, rivi riviltä.',
    },
  },
  actions: {
    billing_statement_read: 'Luki käyntien laskutuserittelyn',
  },
  statement: {
    title: 'Laskutuserittelyt',
    titleOf: 'Laskutuserittelyt: {{name}}',
    intro:
      'Kun tilaaja lukitsee kuukauden laskutuksen, sen käynnit näkyvät täällä erittelynä: summa, mitä kukin maksaja maksaa ja rivit. Erittely ei enää muutu, ja sen luvut ovat samat kuin tilaajalla.',
    notProvider: 'Tämä sivu on palveluntuottajan pääkäyttäjille.',
    organization: 'Palveluntuottaja',
    purpose: 'Laskutuserittelyn tarkistus',
    list: {
      title: 'Erittelyt',
      caption: 'Erittelyt: {{name}}, uusin kuukausi ensin',
      period: 'Kuukausi',
      purchaser: 'Tilaaja',
      lines: 'Rivejä',
      total: 'Yhteensä',
      empty: 'Erittelyjä ei ole vielä. Erittely tulee tänne, kun tilaaja lukitsee sellaisen kuukauden laskutuksen, jossa on käyntejänne.',
    },
    view: {
      title: 'Laskutuserittely: {{month}}',
      titleLoading: 'Laskutuserittely',
      back: 'Kaikki erittelyt',
      purchaser: 'Tilaaja',
      period: 'Kausi',
      locked: 'Lukittu',
      note: 'Tilaaja on lukinnut tämän laskutusajon: erittely ei enää muutu.',
    },
    totals: {
      byPayer: 'Maksajittain, {{month}}',
      none: 'Erittelyssä ei ole rivejä.',
    },
    lines: {
      caption: 'Rivit, {{month}}: näkyvissä {{shown}}/{{total}}',
    },
  },
};

export default statement;
