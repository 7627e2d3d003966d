// Referrals to the purchaser in English (the reference for the others): the panel of the advice
// desk's record, the purchaser officers' queue and the outcome form, the referrals on the
// purchaser's client page, the client's own view on "My needs", the words of the access log and
// the server's field messages. Merged by i18n/resources.ts.
const referrals = {
  nav: {
    purchaserReferrals: 'Referrals',
  },
  home: {
    cards: {
      purchaserReferrals: 'Clients the advice desk referred for a service-need assessment: record the outcome with the decision you made.',
    },
  },
  actions: {
    referral_write: 'Referred the client for a service-need assessment',
    referral_read: 'Read the referrals for a service-need assessment',
    referral_queue: 'Read the queue of referrals',
    referral_decide: 'Recorded the outcome of a referral',
  },
  fieldMessages: {
    referralPurchaser: 'Choose the welfare area, a municipality or a care insurer of the client’s region.',
    referralCategory: 'Choose a type of service.',
    referralReason: 'Say why the client needs an assessment, in 1 to 2,000 characters.',
    referralOutcome: 'Choose granted or declined.',
    referralNoteLong: 'At most 2,000 characters.',
    referralNoteRequired: 'Say why the referral is declined: the client and the advice desk read it.',
    referralGrant: 'Choose the decision your organization recorded for this client.',
  },
  referrals: {
    states: {
      open: 'Waiting for a decision',
      granted: 'Granted',
      declined: 'Declined',
    },
    to: '{{category}} – {{purchaser}}',
    referredBy: 'Referred by {{name}} on {{date}}',
    decidedBy: 'Decided by {{name}} on {{date}}',
    reason: 'Reason',
    note: 'Reasons for the decision',
    born: 'born {{date}}',
    desk: {
      title: 'Referral for a service-need assessment',
      intro:
        'When {{name}} may need services a purchaser decides on (a service voucher, home care), refer them to the welfare area for a service-need assessment. The purchaser’s officers then see the referral and the record; the outcome shows here.',
      form: 'Refer to the welfare area for a service-need assessment',
      purchaser: 'Refer to',
      noPurchasers: 'The region has no welfare area, municipality or care insurer to refer to.',
      category: 'Type of service needed',
      chooseCategory: 'Choose a type of service',
      reason: 'Why an assessment is needed',
      reasonHint: 'What the client told and what help they need. The client and the purchaser’s officers read this.',
      submit: 'Send the referral',
      sending: 'Sending…',
      sent: '{{name}} is referred to {{purchaser}}.',
      conflict: '{{purchaser}} has an open referral of {{name}} for this type of service already: its outcome shows below once decided.',
      list: 'Referrals',
      none: '{{name}} has not been referred yet.',
      grantedText: 'A decision was recorded for the client.',
    },
    queue: {
      title: 'Referrals',
      titleOf: 'Referrals: {{name}}',
      intro:
        'Clients the advice desk referred for a service-need assessment. Record the decision on the client’s page, then mark the referral granted with it – or declined with the reasons.',
      organization: 'Organization',
      which: 'Which referrals',
      show: {
        open: 'Waiting',
        decided: 'Decided',
      },
      empty: 'No referral is waiting for a decision.',
      emptyDecided: 'No referral has been decided yet.',
      notPurchaser: 'This page is for the purchaser officers of a welfare area, a municipality or a care insurer.',
    },
    decide: {
      open: 'Record the outcome',
      outcome: 'Outcome',
      granted: 'Granted',
      declined: 'Declined',
      grant: 'The decision it became',
      grantHint: 'Your organization’s decisions for {{name}}. Record a new one on the client’s page.',
      chooseGrant: 'Choose a decision',
      noGrants: 'Your organization has no decision in force for {{name}} for this type of service. Record the decision first.',
      recordFirst: 'Record the decision on the page of {{name}}',
      recordBelow: 'Record a new decision below',
      grantLabel: '{{kind}}: {{categories}} · {{reference}}',
      note: 'Reasons',
      noteHint: 'The client and the advice desk read this.',
      submit: 'Save the outcome',
      saving: 'Saving…',
      cancel: 'Cancel',
      grantedDone: 'The referral of {{name}} is marked granted.',
      declinedDone: 'The referral of {{name}} is marked declined.',
      conflict: 'This referral was decided already. The list is brought up to date.',
      grantsFailed: 'The decisions of {{name}} could not be loaded.',
    },
    client: {
      title: 'Referrals from the advice desk',
    },
    own: {
      title: 'Referrals for a service-need assessment',
      intro: 'The advice desk can refer you to the welfare area to assess which services you need. Here you see each referral and its outcome.',
      introFor: 'The advice desk’s referrals of {{name}} for a service-need assessment, and their outcome.',
      none: 'You have not been referred for a service-need assessment.',
      noneFor: '{{name}} has not been referred for a service-need assessment.',
      waiting: '{{purchaser}} has not decided yet.',
      granted: 'Granted: {{grant}}.',
      grantedNoDetails: 'Granted: a decision was recorded.',
      seeOrders: 'See the decision and its balance in My orders',
      seeOrdersFor: 'See the decision and its balance in the orders of {{name}}',
      declined: 'Declined.',
    },
  },
};

export type ReferralMessages = typeof referrals;
export default referrals;
