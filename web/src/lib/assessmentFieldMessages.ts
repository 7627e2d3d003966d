// The server's field messages of the needs assessment (src/guidance/assessment_form.cpp) with their
// keys: errors.ts looks them up beside the others. The words are the ones the page says itself
// before sending (assessment.problems).

export const ASSESSMENT_FIELD_MESSAGES: Record<string, string> = {
  'Answer this question.': 'assessment.problems.required',
  "Choose one of the question's options.": 'assessment.problems.option',
  'Answer yes (true) or no (false).': 'assessment.problems.yesNo',
  'Text of at most 1,000 characters.': 'assessment.problems.tooLong',
};

/** Messages with numbers in them; the captured numbers go to the translation under these names. */
export const ASSESSMENT_FIELD_PATTERNS: [RegExp, string, string][] = [
  [/^A whole number between (-?\d+) and (-?\d+)\.$/, 'assessment.problems.range', 'min,max'],
];
