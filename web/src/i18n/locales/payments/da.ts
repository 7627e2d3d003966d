// "Mine betalinger" på dansk; nøglerne er de engelske (payments/en.ts).
import type { PaymentsMessages } from './en';

const payments: PaymentsMessages = {
  nav: {
    myPayments: 'Mine betalinger',
  },
  home: {
    cards: {
      myPayments: 'Hvad du selv betaler for de besøg, der er faktureret, måned for måned, og hvad skattefradraget kan give tilbage.',
    },
  },
  payments: {
    title: 'Mine betalinger',
    titleFor: 'Betalinger: {{name}}',
    intro:
      'Din egen andel af hvert faktureret besøg, måned for måned: hvor meget og til hvem. Det, som kommunen betaler, skal du ikke betale, og det vises ikke her.',
    introFor:
      'Egenandelen for {{name}} af hvert faktureret besøg, måned for måned: hvor meget og til hvem. Det, som kommunen betaler, vises ikke her.',
    whose: 'Hvis betalinger',
    empty: 'Der er ikke faktureret noget endnu. Din egen andel af et besøg vises her, når måneden er faktureret.',
    emptyFor: 'Der er ikke faktureret noget for {{name}} endnu. Egenandelen af et besøg vises her, når måneden er faktureret.',
    month: {
      caption: 'Faktureret: {{month}}',
      visits_one: '{{count}} besøg',
      visits_other: '{{count}} besøg',
      total: 'I alt',
      toPayee: 'Til {{name}}',
      taxCredit: 'Anslået skattefradrag',
    },
    share: {
      provider: 'Leverandør',
      charged: 'Opkrævet for',
      chargeWithTime: '{{charge}}, {{time}}',
      paidTo: 'Betales til',
      clientFee: '{{name}} (egenbetaling)',
      amount: 'Egenandel',
    },
    charges: {
      delivery: 'Besøg',
      no_show: 'Ikke hjemme på det aftalte tidspunkt',
      late_cancellation: 'Aflyst for sent',
    },
    taxCredit: {
      estimate: 'Anslået skattefradrag for hjemmeservice: {{amount}} ({{percent}} % af arbejdet, {{labour}}).',
      publicSupport: 'Intet skattefradrag: arbejde, der delvis betales med offentlig støtte, fx en servicecheck, giver ikke fradrag.',
      note: 'Skattefradraget er et skøn. Loftet gælder for hele året, så tjek det endelige beløb i din årsopgørelse.',
    },
  },
};

export default payments;
