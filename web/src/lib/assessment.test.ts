import { describe, expect, it } from 'vitest';
import type { AssessmentForm, AssessmentQuestion } from '../api/types';
import {
  answerFields,
  answerProblems,
  answersOf,
  answerText,
  defaultForm,
  draftOf,
  filledByKey,
  latestVersions,
  localized,
  parseWhole,
  unanswered,
  versionOf,
} from './assessment';

const level = (id: string, required = true): AssessmentQuestion => ({
  id,
  type: 'choice',
  required,
  text: { fi: id, en: id },
  options: [
    { value: 'independent', points: 0, label: { fi: 'Pärjää itse', en: 'Independent' } },
    { value: 'some_help', points: 1, label: { fi: 'Tarvitsee vähän apua', en: 'Needs some help' } },
    { value: 'lots_of_help', points: 2, label: { fi: 'Tarvitsee paljon apua', en: 'Needs a lot of help' } },
  ],
});

/** Version 2 of the demo region's form, as API.md describes it (three choices shown). */
const form: Pick<AssessmentForm, 'questions'> = {
  questions: [
    level('cleaning'),
    level('shopping'),
    { id: 'lives_alone', type: 'yes_no', required: true, text: { fi: 'Asuu yksin' }, points_yes: 1 },
    { id: 'falls', type: 'number', required: false, text: { fi: 'Kaatumisia' }, min: 0, max: 20 },
    level('loneliness'),
    { id: 'wishes', type: 'text', required: false, text: { fi: 'Toiveet' } },
  ],
};

function formOf(code: string, version: number, latest: boolean, id = `asf_${code}_${version}`): AssessmentForm {
  return { id, region_id: 'reg_1', code, version, title: { fi: code }, questions: [], suggestions: [], max_score: 0, latest, created_at: '' };
}

describe('localized', () => {
  it('takes the reader’s language, else Finnish, else English, else the first one present', () => {
    const all = { fi: 'Siivous', sv: 'Städning', en: 'Cleaning' };
    expect(localized(all, 'sv')).toEqual({ text: 'Städning', lang: 'sv' });
    expect(localized(all, 'de')).toEqual({ text: 'Siivous', lang: 'fi' });
    expect(localized({ sv: 'Städning', en: 'Cleaning' }, 'da')).toEqual({ text: 'Cleaning', lang: 'en' });
    expect(localized({ de: 'Reinigung' }, 'da')).toEqual({ text: 'Reinigung', lang: 'de' });
  });

  it('passes over blank texts and gives nothing for none', () => {
    expect(localized({ sv: '  ', fi: 'Siivous' }, 'sv')).toEqual({ text: 'Siivous', lang: 'fi' });
    expect(localized(undefined, 'fi')).toEqual({ text: '', lang: 'fi' });
    expect(localized({}, 'fi').text).toBe('');
  });
});

describe('unanswered and answerProblems', () => {
  it('lists the required questions without an answer in the form’s order, blank text counting as none', () => {
    expect(unanswered(form, {})).toEqual(['cleaning', 'shopping', 'lives_alone', 'loneliness']);
    expect(unanswered(form, { cleaning: 'some_help', lives_alone: 'no', loneliness: ' ' })).toEqual(['shopping', 'loneliness']);
  });

  it('leaves optional questions unanswered without a word', () => {
    const draft = { cleaning: 'some_help', shopping: 'independent', lives_alone: 'yes', loneliness: 'never' };
    expect(answerProblems(form, draft)).toEqual({});
  });

  it('finds a missing answer, a number that is not whole or out of range, and a text too long', () => {
    expect(answerProblems(form, { cleaning: 'some_help', shopping: 'x', lives_alone: 'yes', falls: '2.5', wishes: 'x'.repeat(1001) })).toEqual({
      loneliness: 'required',
      falls: 'whole',
      wishes: 'tooLong',
    });
    expect(answerProblems(form, { falls: '21' }).falls).toBe('range');
    expect(answerProblems(form, { falls: '-1' }).falls).toBe('range');
    expect(answerProblems(form, { falls: '20' }).falls).toBeUndefined();
  });
});

describe('answersOf', () => {
  it('builds the answers as the API takes them: option values, booleans, integers, trimmed text', () => {
    const draft = {
      cleaning: 'some_help',
      shopping: 'lots_of_help',
      lives_alone: 'yes',
      falls: ' 1 ',
      loneliness: 'often',
      wishes: '  Kaupassa käynti torstaisin ',
    };
    expect(answersOf(form, draft)).toEqual({
      cleaning: 'some_help',
      shopping: 'lots_of_help',
      lives_alone: true,
      falls: 1,
      loneliness: 'often',
      wishes: 'Kaupassa käynti torstaisin',
    });
  });

  it('leaves out unanswered questions and anything the form does not ask', () => {
    expect(answersOf(form, { cleaning: '', lives_alone: 'no', wishes: '   ', other: 'x' })).toEqual({ lives_alone: false });
  });

  it('sends a number it cannot read as typed, for the server to say so at the question', () => {
    expect(answersOf(form, { falls: 'kaksi' })).toEqual({ falls: 'kaksi' });
  });

  it('turns kept answers back into a draft', () => {
    const answers = { cleaning: 'some_help', lives_alone: false, falls: 2, wishes: 'Ei' };
    expect(draftOf(form, answers)).toEqual({ cleaning: 'some_help', lives_alone: 'no', falls: '2', wishes: 'Ei' });
    expect(answersOf(form, draftOf(form, answers))).toEqual(answers);
  });
});

describe('parseWhole', () => {
  it('reads whole numbers only', () => {
    expect(parseWhole(' 7 ')).toBe(7);
    expect(parseWhole('-3')).toBe(-3);
    expect(parseWhole('1e3')).toBeNull();
    expect(parseWhole('1,5')).toBeNull();
    expect(parseWhole('')).toBeNull();
  });
});

describe('answerFields', () => {
  it('names the server’s error fields of each question', () => {
    expect(answerFields(form)).toEqual([
      'answers.cleaning',
      'answers.shopping',
      'answers.lives_alone',
      'answers.falls',
      'answers.loneliness',
      'answers.wishes',
    ]);
  });
});

describe('defaultForm, latestVersions and versionOf', () => {
  it('offers the region’s latest form, else the first, else none', () => {
    expect(defaultForm([formOf('a', 1, false), formOf('b', 3, true)])?.code).toBe('b');
    expect(defaultForm([formOf('a', 1, false)])?.code).toBe('a');
    expect(defaultForm([])).toBeNull();
  });

  it('says “version 1 (latest 2)” for an assessment on an older version', () => {
    const latest = latestVersions([formOf('coping_at_home', 2, true), formOf('other', 1, true)]);
    expect(latest).toEqual({ coping_at_home: 2, other: 1 });
    expect(versionOf({ form_code: 'coping_at_home', form_version: 1, latest_version: false }, latest)).toEqual({
      version: 1,
      latest: 2,
      older: true,
    });
    expect(versionOf({ form_code: 'coping_at_home', form_version: 2, latest_version: true }, latest)).toEqual({
      version: 2,
      latest: null,
      older: false,
    });
  });

  it('still calls a version older when the region’s list is not at hand', () => {
    expect(versionOf({ form_code: 'gone', form_version: 1, latest_version: false }, {})).toEqual({ version: 1, latest: null, older: true });
  });
});

describe('filledByKey and answerText', () => {
  it('names who filled it in: “yourself” only on the client’s own page', () => {
    expect(filledByKey('client', true)).toBe('assessment.filledBy.self');
    expect(filledByKey('client', false)).toBe('assessment.filledBy.client');
    expect(filledByKey('advisor', true)).toBe('assessment.filledBy.advisor');
    expect(filledByKey('delegate', false)).toBe('assessment.filledBy.delegate');
    expect(filledByKey('robot', false)).toBe('assessment.filledBy.other');
  });

  it('words an answer in the reader’s language', () => {
    const yesNo = { yes: 'Kyllä', no: 'Ei' };
    expect(answerText(form.questions[0]!, 'some_help', 'fi', yesNo)).toBe('Tarvitsee vähän apua');
    expect(answerText(form.questions[0]!, 'some_help', 'sv', yesNo)).toBe('Tarvitsee vähän apua');
    expect(answerText(form.questions[0]!, 'gone', 'fi', yesNo)).toBe('gone');
    expect(answerText(form.questions[2]!, false, 'fi', yesNo)).toBe('Ei');
    expect(answerText(form.questions[3]!, 2, 'fi', yesNo)).toBe('2');
    expect(answerText(form.questions[3]!, undefined, 'fi', yesNo)).toBe('');
  });
});
