// "My payments" in English (the reference for the others): a client's own shares of the billed
// visits month by month, whom each is paid to, and the household tax-credit estimate; a delegate
// reads them for the client they act for. Merged by i18n/resources.ts.
const payments = {
  nav: {
    myPayments: 'My payments',
  },
  home: {
    cards: {
      myPayments: 'What you pay yourself for the visits that have been billed, month by month, and what the household tax credit may give back.',
    },
  },
  payments: {
    title: 'My payments',
    titleFor: 'Payments: {{name}}',
    intro:
      'Your own share of each visit that has been billed, month by month: how much and to whom. What the welfare area or another purchaser pays is not yours to pay and is not shown here.',
    introFor:
      'The own share of {{name}} for each visit that has been billed, month by month: how much and to whom. What the welfare area or another purchaser pays is not shown here.',
    whose: 'Whose payments',
    empty: 'Nothing has been billed yet. Your own share of a visit appears here once the month has been billed.',
    emptyFor: 'Nothing has been billed for {{name}} yet. The own share of a visit appears here once the month has been billed.',
    month: {
      caption: 'Billed in {{month}}',
      visits_one: '{{count}} visit',
      visits_other: '{{count}} visits',
      total: 'Total',
      toPayee: 'To {{name}}',
      taxCredit: 'Estimated household tax credit',
    },
    share: {
      provider: 'Provider',
      charged: 'Charged for',
      chargeWithTime: '{{charge}}, {{time}}',
      paidTo: 'Paid to',
      clientFee: '{{name}} (client fee)',
      amount: 'Own share',
    },
    charges: {
      delivery: 'Visit',
      no_show: 'Not at home at the agreed time',
      late_cancellation: 'Cancelled too late',
    },
    taxCredit: {
      estimate: 'Estimated household tax credit: {{amount}} ({{percent}} % of the work, {{labour}}).',
      publicSupport: 'No household tax credit: work paid partly with public support, such as a service voucher, does not give one.',
      note: 'The tax credit is an estimate. The yearly own share and maximum count over the whole year, so check the final amount in your tax decision.',
    },
  },
};

export type PaymentsMessages = typeof payments;
export default payments;
