// Omat maksut suomeksi; avaimet ovat englannin (payments/en.ts). Kuukausi tulee tekstiin
// perusmuodossa ("lokakuu 2026"), joten lauseet on kirjoitettu niin, ettei sitä tarvitse taivuttaa.
import type { PaymentsMessages } from './en';

const payments: PaymentsMessages = {
  nav: {
    myPayments: 'Omat maksut',
  },
  home: {
    cards: {
      myPayments: 'Mitä maksat itse laskutetuista käynneistä kuukausittain ja paljonko kotitalousvähennys voi palauttaa.',
    },
  },
  payments: {
    title: 'Omat maksut',
    titleFor: 'Maksut: {{name}}',
    intro:
      'Oma osuutesi jokaisesta laskutetusta käynnistä kuukausittain: paljonko ja kenelle. Hyvinvointialueen tai muun tilaajan maksamaa osuutta et maksa itse, eikä sitä näytetä tässä.',
    introFor:
      'Asiakkaan {{name}} oma osuus jokaisesta laskutetusta käynnistä kuukausittain: paljonko ja kenelle. Hyvinvointialueen tai muun tilaajan maksamaa osuutta ei näytetä tässä.',
    whose: 'Kenen maksut',
    empty: 'Mitään ei ole vielä laskutettu. Oma osuutesi käynnistä näkyy täällä, kun kuukausi on laskutettu.',
    emptyFor: 'Asiakkaalta {{name}} ei ole vielä laskutettu mitään. Oma osuus käynnistä näkyy täällä, kun kuukausi on laskutettu.',
    month: {
      caption: 'Laskutettu: {{month}}',
      visits_one: '{{count}} käynti',
      visits_other: '{{count}} käyntiä',
      total: 'Yhteensä',
      toPayee: 'Maksunsaaja {{name}}',
      taxCredit: 'Arvioitu kotitalousvähennys',
    },
    share: {
      provider: 'Palveluntuottaja',
      charged: 'Veloitettu',
      chargeWithTime: '{{charge}}, {{time}}',
      paidTo: 'Maksetaan',
      clientFee: '{{name}} (asiakasmaksu)',
      amount: 'Oma osuus',
    },
    charges: {
      delivery: 'Käynti',
      no_show: 'Ei kotona sovittuna aikana',
      late_cancellation: 'Peruttu liian myöhään',
    },
    taxCredit: {
      estimate: 'Arvioitu kotitalousvähennys: {{amount}} ({{percent}} % työn osuudesta {{labour}}).',
      publicSupport: 'Ei kotitalousvähennystä: työstä, joka maksetaan osaksi julkisella tuella, kuten palvelusetelillä, ei saa vähennystä.',
      note: 'Kotitalousvähennys on arvio. Vuotuinen omavastuu ja enimmäismäärä lasketaan koko vuodelta, joten tarkista lopullinen määrä verotuspäätöksestä.',
    },
  },
};

export default payments;
