// The keys the needs assessment builds from values (who filled it in, what is wrong with an
// answer, the server's messages) exist in every language: the general test finds only keys
// written out in t('…') calls.
import { describe, expect, it } from 'vitest';
import { FILLED_AS } from '../api/types';
import { ANSWER_PROBLEMS, filledByKey } from '../lib/assessment';
import { ASSESSMENT_FIELD_MESSAGES, ASSESSMENT_FIELD_PATTERNS } from '../lib/assessmentFieldMessages';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import { resources } from './resources';

describe('assessment texts built from values', () => {
  const keys = [
    ...FILLED_AS.flatMap((a) => [filledByKey(a, true), filledByKey(a, false)]),
    filledByKey('someone else', false),
    ...ANSWER_PROBLEMS.map((p) => `assessment.problems.${p}`),
    ...Object.values(ASSESSMENT_FIELD_MESSAGES),
    ...ASSESSMENT_FIELD_PATTERNS.map(([, key]) => key),
  ];
  it.each(LANGUAGES)('%s has them all', (lang) => {
    const missing = keys.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});
