// The needs assessment in English (the reference for the others): the panel of the advice desk's
// call screen, the client's own page (/assessment) for them and their delegates, and what they add
// to the navigation, the start page and the desk's search. Merged by i18n/resources.ts.
const assessment = {
  nav: {
    assessment: 'My needs',
  },
  home: {
    cards: {
      assessment: 'Tell us how you manage at home and get suggestions of services that could help. Assessments made with the advice desk are here too.',
    },
  },
  actions: {
    assessment_read: 'Read the needs assessments',
    assessment_write: 'Saved a needs assessment',
    assessment_form_write: 'Published a version of an assessment form',
  },
  desk: {
    order: {
      category: 'Type of service',
      anyCategory: 'All types of service',
    },
  },
  assessment: {
    deskTitle: 'Needs assessment',
    deskIntro: 'Go through the questions with {{name}}. The answers give a score and suggest types of service to search for.',
    start: 'Start an assessment',
    startAgain: 'Start a new assessment',
    form: 'Form',
    formVersion: '{{title}}, version {{version}}',
    formIntro: 'Questions marked optional may be left empty.',
    noForms: 'The region has no assessment form yet.',
    optional: '{{text}} (optional)',
    yes: 'Yes',
    no: 'No',
    numberHint: 'A whole number from {{min}} to {{max}}.',
    textHint: 'At most 1,000 characters.',
    submit: 'Save the assessment',
    saving: 'Saving…',
    cancel: 'Cancel',
    formGone: 'This form is no longer offered. Reload the page and start again.',
    problems: {
      required: 'Answer this question.',
      whole: 'Give a whole number.',
      range: 'Give a number from {{min}} to {{max}}.',
      tooLong: 'At most 1,000 characters.',
      option: 'Choose one of the answers.',
      yesNo: 'Answer yes or no.',
    },
    saved: 'The assessment of {{name}} is saved.',
    savedOwn: 'Your assessment is saved.',
    result: {
      title: 'Result',
      score: '{{score}} / {{max}} points',
      suggestions: 'Suggested services',
      none: 'The answers do not point to any particular service.',
      searchHint: 'Choose one to search services of that type for {{name}}.',
      shopHint: 'Choose one to see services of that type.',
      search: 'Search services:',
      see: 'See services:',
    },
    history: {
      title: 'Earlier assessments',
      titleOwn: 'Your assessments',
      none: 'No assessments of {{name}} yet.',
      noneOwn: 'You have no assessments yet.',
      date: 'Date',
      filledBy: 'Filled in by',
      score: 'Score',
      suggested: 'Suggested',
      noSuggestions: 'nothing in particular',
      version: 'version {{version}}',
      versionOlder: 'version {{version}} (latest {{latest}})',
      versionOld: 'version {{version}} (an older one)',
      showAnswers: 'Show the answers',
      hideAnswers: 'Hide the answers',
      noAnswer: 'not answered',
      answersFailed: 'The questions of this version could not be loaded.',
    },
    filledBy: {
      advisor: '{{name}} (advisor)',
      client: '{{name}} themself',
      self: 'yourself',
      delegate: '{{name}} (acting for the client)',
      other: '{{name}}',
    },
    page: {
      title: 'My needs',
      titleFor: 'Needs of {{name}}',
      intro: 'A few questions on how you manage at home. The answers suggest services that could make everyday life easier.',
      introFor: 'A few questions on how {{name}} manages at home. The answers suggest services that could help.',
      whose: 'Whose needs',
      noRecord: 'You are not a client in any region yet, so there is no form for you. The advice desk can help.',
      noRecordActing: 'You are not a client in any region yourself. Choose above the person you act for.',
    },
  },
};

export type AssessmentMessages = typeof assessment;
export default assessment;
