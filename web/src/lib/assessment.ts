// The needs assessment's pure parts: a form's texts in the reader's language, the form's answers
// as the page keeps them (strings, as inputs give them) and as the API takes them, the questions
// still to answer, which form to offer, and how an earlier assessment names its version and who
// filled it in.
import type { Answers, AnswerValue, Assessment, AssessmentForm, AssessmentQuestion, FilledAs, LocalizedText } from '../api/types';

/** The order in which a missing translation is looked for (API.md): the reader's, Finnish, English, then any. */
export const ASSESSMENT_FALLBACK: readonly string[] = ['fi', 'en'];

export interface LocalizedPick {
  text: string;
  /** the language the text is in, for a lang attribute when it is not the page's */
  lang: string;
}

/** The text in the reader's language, else Finnish, else English, else the first one present. */
export function localized(text: LocalizedText | null | undefined, lang: string): LocalizedPick {
  if (!text) return { text: '', lang };
  for (const l of [lang, ...ASSESSMENT_FALLBACK]) {
    const v = text[l];
    if (typeof v === 'string' && v.trim()) return { text: v, lang: l };
  }
  for (const [l, v] of Object.entries(text)) if (typeof v === 'string' && v.trim()) return { text: v, lang: l };
  return { text: '', lang };
}

/**
 * What the page holds per question id, as its inputs give it: a choice's option value, "yes" or
 * "no", the number as typed, the text as typed; "" while unanswered.
 */
export type AnswerDraft = Record<string, string>;

/** Whether the question has an answer in the draft (blank text counts as none). */
export function isAnswered(q: AssessmentQuestion, draft: AnswerDraft): boolean {
  return (draft[q.id] ?? '').trim() !== '';
}

/** The ids of the required questions still without an answer, in the form's order. */
export function unanswered(form: Pick<AssessmentForm, 'questions'>, draft: AnswerDraft): string[] {
  return form.questions.filter((q) => q.required && !isAnswered(q, draft)).map((q) => q.id);
}

/** A number as the API takes it: an integer written in digits (a leading minus allowed), else null. */
export function parseWhole(raw: string): number | null {
  const s = raw.trim();
  if (!/^-?\d{1,15}$/.test(s)) return null;
  return Number(s);
}

export const TEXT_MAX = 1000;

/** What is wrong with one question's answer before it is sent (a key of assessment.problems). */
export const ANSWER_PROBLEMS = ['required', 'whole', 'range', 'tooLong'] as const;
export type AnswerProblem = (typeof ANSWER_PROBLEMS)[number];

/**
 * The answers the server would refuse, per question id: a required question left out, a number
 * that is no whole number or lies outside min..max, a text over 1,000 characters. The server checks
 * again (and says so at `answers.<id>`); this spares the round trip and keeps the message in place.
 */
export function answerProblems(form: Pick<AssessmentForm, 'questions'>, draft: AnswerDraft): Record<string, AnswerProblem> {
  const out: Record<string, AnswerProblem> = {};
  for (const q of form.questions) {
    const raw = draft[q.id] ?? '';
    if (!isAnswered(q, draft)) {
      if (q.required) out[q.id] = 'required';
      continue;
    }
    if (q.type === 'number') {
      const n = parseWhole(raw);
      if (n === null) out[q.id] = 'whole';
      else if (n < q.min || n > q.max) out[q.id] = 'range';
    } else if (q.type === 'text' && raw.trim().length > TEXT_MAX) {
      out[q.id] = 'tooLong';
    }
  }
  return out;
}

/**
 * The answers as the API takes them ({"cleaning": "some_help", "lives_alone": true, "falls": 1}):
 * only the form's questions that have an answer; a choice's value must be one of its options.
 * Answers the server would refuse are sent as they are, for it to say so at the question.
 */
export function answersOf(form: Pick<AssessmentForm, 'questions'>, draft: AnswerDraft): Answers {
  const out: Answers = {};
  for (const q of form.questions) {
    if (!isAnswered(q, draft)) continue;
    const raw = draft[q.id]!;
    let value: AnswerValue;
    switch (q.type) {
      case 'choice':
        value = raw;
        break;
      case 'yes_no':
        value = raw === 'yes';
        break;
      case 'number':
        value = parseWhole(raw) ?? raw.trim();
        break;
      case 'text':
        value = raw.trim();
        break;
    }
    out[q.id] = value;
  }
  return out;
}

/** The draft of answers kept in an assessment (to see them again, or to start from them). */
export function draftOf(form: Pick<AssessmentForm, 'questions'>, answers: Answers): AnswerDraft {
  const out: AnswerDraft = {};
  for (const q of form.questions) {
    const v = answers[q.id];
    if (v === undefined || v === null) continue;
    if (q.type === 'yes_no') out[q.id] = v === true ? 'yes' : v === false ? 'no' : '';
    else out[q.id] = String(v);
  }
  return out;
}

/** The field names of the server's errors this form shows at its questions. */
export function answerFields(form: Pick<AssessmentForm, 'questions'>): string[] {
  return form.questions.map((q) => `answers.${q.id}`);
}

/** The form offered first: the one the region has, else the first of its list; null for none. */
export function defaultForm(forms: readonly AssessmentForm[]): AssessmentForm | null {
  return forms.find((f) => f.latest) ?? forms[0] ?? null;
}

/** The latest version of each form code, from the region's list (to say "version 1 (latest 2)"). */
export function latestVersions(forms: readonly Pick<AssessmentForm, 'code' | 'version'>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of forms) out[f.code] = Math.max(out[f.code] ?? 0, f.version);
  return out;
}

/** How an assessment names its form's version: the version, and the latest one when it is older. */
export function versionOf(
  a: Pick<Assessment, 'form_code' | 'form_version' | 'latest_version'>,
  latest: Readonly<Record<string, number>>,
): { version: number; latest: number | null; older: boolean } {
  const newest = latest[a.form_code];
  const older = !a.latest_version || (newest !== undefined && newest > a.form_version);
  return { version: a.form_version, latest: older && newest !== undefined && newest > a.form_version ? newest : null, older };
}

/**
 * Who filled it in, as a key of assessment.filledBy: the advisor by name and role, the client
 * ("yourself" on their own page, by name elsewhere), a delegate by name.
 */
export function filledByKey(filledAs: FilledAs | string, ownPage: boolean): string {
  if (filledAs === 'client') return ownPage ? 'assessment.filledBy.self' : 'assessment.filledBy.client';
  if (filledAs === 'advisor') return 'assessment.filledBy.advisor';
  if (filledAs === 'delegate') return 'assessment.filledBy.delegate';
  return 'assessment.filledBy.other';
}

/** The answer's words in the reader's language: an option's label, yes or no, the number, the text. */
export function answerText(q: AssessmentQuestion, value: AnswerValue | undefined, lang: string, yesNo: { yes: string; no: string }): string {
  if (value === undefined || value === null || value === '') return '';
  switch (q.type) {
    case 'choice':
      return localized(q.options.find((o) => o.value === value)?.label, lang).text || String(value);
    case 'yes_no':
      return value === true ? yesNo.yes : value === false ? yesNo.no : String(value);
    default:
      return String(value);
  }
}
