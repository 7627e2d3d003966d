// A provider's billing statements in English (the reference for the others): the purchasers'
// locked runs with the provider's visits, one statement's totals per payer and its lines, and the
// access log's words for reading them. The column headings and totals are billing's
// (billing/en.ts), so the purchaser and the provider read the same words. Merged by i18n/resources.ts.
const statement = {
  nav: {
    providerBilling: 'Billing',
  },
  home: {
    cards: {
      providerBilling: 'Your statements of the months the purchasers have billed: what each payer pays for your visits, line by line.',
    },
  },
  actions: {
    billing_statement_read: 'Read the billing statement of the visits',
  },
  statement: {
    title: 'Billing statements',
    titleOf: 'Billing statements: {{name}}',
    intro:
      'When a purchaser locks the billing of a month, your visits in it appear here as a statement: its total, what each payer pays and the lines. A statement never changes, and its numbers are the purchaser’s.',
    notProvider: 'This page is for the administrators of a provider.',
    organization: 'Provider',
    purpose: 'Checking a billing statement',
    list: {
      title: 'Statements',
      caption: 'Statements of {{name}}, newest month first',
      period: 'Month',
      purchaser: 'Purchaser',
      lines: 'Lines',
      total: 'Total',
      empty: 'No statements yet. A statement appears here when a purchaser locks the billing of a month with your visits.',
    },
    view: {
      title: 'Statement: {{month}}',
      titleLoading: 'Statement',
      back: 'All statements',
      purchaser: 'Purchaser',
      period: 'Period',
      locked: 'Locked',
      note: 'The purchaser has locked this billing run: the statement never changes.',
    },
    totals: {
      byPayer: 'By payer, {{month}}',
      none: 'The statement has no lines.',
    },
    lines: {
      caption: 'Lines of {{month}}: {{shown}} of {{total}} shown',
    },
  },
};

export type StatementMessages = typeof statement;
export default statement;
