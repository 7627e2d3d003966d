// Die Abrechnungsaufstellungen eines Anbieters auf Deutsch; die Schlüssel sind die englischen
// (statement/en.ts). Spaltenköpfe und Summen sind die der Abrechnung (billing/de.ts).
import type { StatementMessages } from './en';

const statement: StatementMessages = {
  nav: {
    providerBilling: 'Abrechnung',
  },
  home: {
    cards: {
      providerBilling: 'Ihre Aufstellungen der Monate, die die Auftraggeber abgerechnet haben: was jeder Zahler für Ihre Besuche zahlt, Position für Position.',
    },
  },
  actions: {
    billing_statement_read: 'Hat die Abrechnungsaufstellung der Besuche gelesen',
  },
  statement: {
    title: 'Abrechnungsaufstellungen',
    titleOf: 'Abrechnungsaufstellungen: {{name}}',
    intro:
      'Sobald ein Auftraggeber die Abrechnung eines Monats festschreibt, erscheinen Ihre Besuche darin hier als Aufstellung: die Summe, was jeder Zahler zahlt, und die Positionen. Eine Aufstellung ändert sich nie; ihre Zahlen sind die des Auftraggebers.',
    notProvider: 'Diese Seite ist für die Administratorinnen und Administratoren eines Anbieters.',
    organization: 'Anbieter',
    purpose: 'Prüfung einer Abrechnungsaufstellung',
    list: {
      title: 'Aufstellungen',
      caption: 'Aufstellungen von {{name}}, neuester Monat zuerst',
      period: 'Monat',
      purchaser: 'Auftraggeber',
      lines: 'Positionen',
      total: 'Summe',
      empty: 'Noch keine Aufstellungen. Eine Aufstellung erscheint hier, sobald ein Auftraggeber die Abrechnung eines Monats mit Ihren Besuchen festschreibt.',
    },
    view: {
      title: 'Aufstellung: {{month}}',
      titleLoading: 'Aufstellung',
      back: 'Alle Aufstellungen',
      purchaser: 'Auftraggeber',
      period: 'Zeitraum',
      locked: 'Festgeschrieben',
      note: 'Der Auftraggeber hat diesen Abrechnungslauf festgeschrieben: die Aufstellung ändert sich nie.',
    },
    totals: {
      byPayer: 'Nach Zahler, {{month}}',
      none: 'Die Aufstellung hat keine Positionen.',
    },
    lines: {
      caption: 'Positionen {{month}}: {{shown}} von {{total}} angezeigt',
    },
  },
};

export default statement;
