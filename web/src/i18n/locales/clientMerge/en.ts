// Merging two records of one person at the advice desk in English (the reference for the others):
// the coordinator's "Compare and merge" below the look-alike warning, the server's refusals, the
// words of the access log and the server's field messages. Merged by i18n/resources.ts.
const clientMerge = {
  actions: {
    client_merge: 'Merged two records of the client into one',
  },
  fieldMessages: {
    mergeDuplicateMissing: 'Choose the record that goes.',
    mergeSelf: 'A record cannot be merged into itself.',
    mergeNotInRegion: 'The other record is not a client of your region.',
    mergeTwoRegions: 'The records belong to two regions and cannot be merged.',
  },
  clientMerge: {
    open: 'Compare and merge',
    title: 'Compare and merge: {{name}}',
    intro: 'Merge two records only when they are one person: compare them with what the caller tells you.',
    compareCaption: 'The open record and the look-alike side by side',
    columns: {
      opened: 'Open record',
      alike: 'Look-alike',
    },
    stays: 'stays',
    goes: 'goes',
    rows: {
      name: 'Name',
      birthDate: 'Birth date',
      identityCode: 'Identity code',
      address: 'Address',
      municipality: 'Municipality',
      phone: 'Phone',
      email: 'E-mail',
      language: 'Language',
      servedBy: 'Served by',
    },
    differs: 'differs',
    noneServing: 'nobody yet',
    keepLegend: 'Which record stays?',
    keepOption: 'Keep {{name}}',
    hasEmail: 'has an e-mail address: its person may sign in',
    noEmail: 'no e-mail address',
    cannotUndo: 'A merge cannot be undone.',
    moves:
      'Everything recorded for {{gone}} moves to {{kept}}: orders and consents, funding decisions, advice contacts, tasks, needs assessments, referrals, the service plan and delegations. The record of {{gone}} can no longer be found or opened.',
    details: 'The details of {{kept}} stay as they are; what it lacks (birth date, address, identity code, phone) is taken from {{gone}}.',
    logged: 'The merge is written in the access logs of both records with the purpose “{{purpose}}”.',
    confirm: 'Merge {{gone}} into {{kept}}',
    merging: 'Merging…',
    done: 'The record of {{gone}} is merged into this one.',
    mergedInto: 'This record was merged into another one.',
    openMergedInto: 'Open the record that stayed',
    errors: {
      forbidden: 'Only a coordinator of the region can merge records.',
      birthDates: 'The records have different birth dates: they are two people and cannot be merged.',
      identityCodes: 'The records have different identity codes: they are two people and cannot be merged.',
      hasAccount:
        'The person of {{gone}} signs in with that record, so it must stay. The choice is now the other way round: check it and merge again.',
      mergedAlready: 'One of the records was merged already. Open the record again to see where it went.',
      conflict: 'The records could not be merged as they are now. Open the record again and check.',
      notFound: 'One of the records is no longer there: it may have been merged already.',
    },
  },
};

export type ClientMergeMessages = typeof clientMerge;
export default clientMerge;
