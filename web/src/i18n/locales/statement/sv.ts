// Tjänsteproducentens faktureringsspecifikationer på svenska; nycklarna är de engelska
// (statement/en.ts). Kolumnrubrikerna och summorna är faktureringens (billing/sv.ts).
import type { StatementMessages } from './en';

const statement: StatementMessages = {
  nav: {
    providerBilling: 'Fakturering',
  },
  home: {
    cards: {
      providerBilling: 'Specifikationer av de månader som beställarna har fakturerat: vad varje betalare betalar för era besök, rad för rad.',
    },
  },
  actions: {
    billing_statement_read: 'Läste faktureringsspecifikationen för besöken',
  },
  statement: {
    title: 'Faktureringsspecifikationer',
    titleOf: 'Faktureringsspecifikationer: {{name}}',
    intro:
      'När en beställare låser faktureringen för en månad syns era besök i den här som en specifikation: summan, vad varje betalare betalar och raderna. En specifikation ändras aldrig, och siffrorna är beställarens.',
    notProvider: 'Den här sidan är för administratörerna hos en tjänsteproducent.',
    organization: 'Tjänsteproducent',
    purpose: 'Kontroll av en faktureringsspecifikation',
    list: {
      title: 'Specifikationer',
      caption: 'Specifikationer för {{name}}, senaste månaden först',
      period: 'Månad',
      purchaser: 'Beställare',
      lines: 'Rader',
      total: 'Totalt',
      empty: 'Inga specifikationer ännu. En specifikation syns här när en beställare låser faktureringen för en månad med era besök.',
    },
    view: {
      title: 'Specifikation: {{month}}',
      titleLoading: 'Specifikation',
      back: 'Alla specifikationer',
      purchaser: 'Beställare',
      period: 'Period',
      locked: 'Låst',
      note: 'Beställaren har låst den här faktureringskörningen: specifikationen ändras aldrig.',
    },
    totals: {
      byPayer: 'Per betalare, {{month}}',
      none: 'Specifikationen har inga rader.',
    },
    lines: {
      caption: 'Rader för {{month}}: {{shown}} av {{total}} visas',
    },
  },
};

export default statement;
