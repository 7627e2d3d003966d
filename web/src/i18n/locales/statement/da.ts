// En leverandørs afregningsoversigter på dansk; nøglerne er de engelske (statement/en.ts).
// Kolonneoverskrifter og summer er faktureringens (billing/da.ts).
import type { StatementMessages } from './en';

const statement: StatementMessages = {
  nav: {
    providerBilling: 'Fakturering',
  },
  home: {
    cards: {
      providerBilling: 'Jeres oversigter over de måneder, bestillerne har faktureret: hvad hver betaler betaler for jeres besøg, linje for linje.',
    },
  },
  actions: {
    billing_statement_read: 'Læste afregningsoversigten for besøgene',
  },
  statement: {
    title: 'Afregningsoversigter',
    titleOf: 'Afregningsoversigter: {{name}}',
    intro:
      'Når en bestiller låser faktureringen for en måned, vises jeres besøg i den her som en oversigt: summen, hvad hver betaler betaler, og linjerne. En oversigt ændres aldrig, og tallene er bestillerens.',
    notProvider: 'Denne side er for administratorerne hos en leverandør.',
    organization: 'Leverandør',
    purpose: 'Kontrol af en afregningsoversigt',
    list: {
      title: 'Oversigter',
      caption: 'Oversigter for {{name}}, nyeste måned først',
      period: 'Måned',
      purchaser: 'Bestiller',
      lines: 'Linjer',
      total: 'I alt',
      empty: 'Ingen oversigter endnu. En oversigt vises her, når en bestiller låser faktureringen for en måned med jeres besøg.',
    },
    view: {
      title: 'Oversigt: {{month}}',
      titleLoading: 'Oversigt',
      back: 'Alle oversigter',
      purchaser: 'Bestiller',
      period: 'Periode',
      locked: 'Låst',
      note: 'Bestilleren har låst denne faktureringskørsel: oversigten ændres aldrig.',
    },
    totals: {
      byPayer: 'Pr. betaler, {{month}}',
      none: 'Oversigten har ingen linjer.',
    },
    lines: {
      caption: 'Linjer for {{month}}: {{shown}} af {{total}} vist',
    },
  },
};

export default statement;
