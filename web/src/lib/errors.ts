// Turns an ApiError into words for the person: field messages next to fields (translated where
// we know the server's message), everything else for the form's alert region.
import type { TFunction } from 'i18next';
import { ApiError, type FieldError } from '../api/problem';
import { ASSESSMENT_FIELD_MESSAGES, ASSESSMENT_FIELD_PATTERNS } from './assessmentFieldMessages';
import { MERGE_FIELD_MESSAGES } from './clientMerge';
import { DESK_FIELD_MESSAGES, DESK_FIELD_PATTERNS } from './deskFieldMessages';
import { ORDER_FIELD_MESSAGES, ORDER_FIELD_PATTERNS } from './orderFieldMessages';
import { PLAN_FIELD_MESSAGES } from './plan';
import { QUALITY_FIELD_MESSAGES } from './quality';
import { REFERRAL_FIELD_MESSAGES } from './referrals';
import { TASK_FIELD_MESSAGES } from './tasks';
import { WEBHOOK_FIELD_MESSAGES, WEBHOOK_FIELD_PREFIXES } from './webhookText';

/** Server field messages we translate; others are shown as the server wrote them. */
const KNOWN_FIELD_MESSAGES: Record<string, string> = {
  'is required': 'fieldMessages.required',
  'is not an e-mail address': 'fieldMessages.email',
  'must be 1-200 characters': 'fieldMessages.name',
  'must not be blank': 'fieldMessages.required',
  'must be in international form, e.g. +358401234567': 'fieldMessages.phone',
  'must be at least 12 characters': 'fieldMessages.passwordShort',
  'must be at most 256 characters': 'fieldMessages.passwordLong',
  'is too common; choose a phrase of several unrelated words': 'fieldMessages.passwordCommon',
  'must not repeat one character': 'fieldMessages.passwordRepeat',
  'must not be your e-mail address or name': 'fieldMessages.passwordPersonal',
  'is your own address': 'fieldMessages.delegateSelf',
  'must be in the future': 'fieldMessages.future',
  'already has an account': 'fieldMessages.emailTaken',
  'already has an account: sign in and accept the invitation': 'fieldMessages.emailTakenInvitation',
  'is not the password of this account': 'fieldMessages.notYourPassword',
  // The service directory (src/directory/directory_rules.cpp)
  'Give the service a name in at least one language.': 'fieldMessages.serviceName',
  'Choose a category of the list.': 'fieldMessages.category',
  'Name at least one municipality, district or postal code served.': 'fieldMessages.areaMissing',
  'There is no such municipality.': 'fieldMessages.noSuchPlace',
  'There is no such district.': 'fieldMessages.noSuchPlace',
  'A postal code has five digits.': 'fieldMessages.postalCode',
  'Name at least one language the service is given in.': 'fieldMessages.languagesMissing',
  'Give the price in cents, from 0 to 1,000,000.00.': 'fieldMessages.priceRange',
  'Give the minimum charge in cents, from 0 to 1,000,000.00.': 'fieldMessages.priceRange',
  'Give the VAT rate in basis points, from 0 to 10000 (25.5 % is 2550).': 'fieldMessages.percentRange',
  'Give the labour share in basis points, from 0 to 10000.': 'fieldMessages.percentRange',
  'This is no purchaser of the region.': 'fieldMessages.noPurchaser',
  'Write the time as HH:MM.': 'fieldMessages.time',
  'Closing comes after opening.': 'fieldMessages.closesAfterOpens',
  'Give at most three periods a day.': 'fieldMessages.tooManyPeriods',
  'Give a number from 0 to 100000.': 'fieldMessages.capacityRange',
  'Give a number of days from 0 to 365.': 'fieldMessages.leadTimeRange',
  'Remove the control characters.': 'fieldMessages.controlCharacters',
  'Say in up to 4000 characters what the provider should change.': 'fieldMessages.reviewComment',
  ...ORDER_FIELD_MESSAGES,
  ...WEBHOOK_FIELD_MESSAGES,
  ...DESK_FIELD_MESSAGES,
  ...ASSESSMENT_FIELD_MESSAGES,
  ...TASK_FIELD_MESSAGES,
  ...REFERRAL_FIELD_MESSAGES,
  ...PLAN_FIELD_MESSAGES,
  ...MERGE_FIELD_MESSAGES,
  ...QUALITY_FIELD_MESSAGES,
};

/**
 * Server field messages with numbers in them; the numbers are handed to the translation under the
 * names given ("min,max": the first captured as min, the second as max).
 */
const KNOWN_FIELD_PATTERNS: [RegExp, string, string][] = [
  [/^Keep it under (\d+) characters\.$/, 'fieldMessages.tooLong', 'max'],
  ...ORDER_FIELD_PATTERNS,
  ...DESK_FIELD_PATTERNS,
  ...ASSESSMENT_FIELD_PATTERNS,
];

/** Server field messages that end in details (a list of names); known by how they begin. */
const KNOWN_FIELD_PREFIXES: [string, string][] = [
  ['must be one of the roles of this organization:', 'fieldMessages.roleNotOffered'],
  ...WEBHOOK_FIELD_PREFIXES,
];

export function translateFieldMessage(t: TFunction, message: string): string {
  const key = KNOWN_FIELD_MESSAGES[message] ?? KNOWN_FIELD_PREFIXES.find(([prefix]) => message.startsWith(prefix))?.[1];
  if (key) return t(key);
  for (const [pattern, patternKey, names] of KNOWN_FIELD_PATTERNS) {
    const m = pattern.exec(message);
    if (m) return t(patternKey, Object.fromEntries(names.split(',').map((name, i) => [name, m[i + 1]])));
  }
  return message;
}

/** A sentence for an error that no field explains, by status. */
export function generalMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return error.isMfaRequired ? t('errors.mfaRequired') : t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 412:
      return t('errors.stale');
    case 422:
      return t('errors.invalid');
    case 429:
      return error.retryAfter !== null ? t('errors.throttled', { seconds: error.retryAfter }) : t('errors.throttledNoTime');
    case 503:
      return t('errors.unavailable');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.generic');
  }
}

export interface FormErrors {
  byField: Record<string, string[]>;
  alert: string | null;
  requestId?: string | undefined;
}

export const NO_ERRORS: FormErrors = { byField: {}, alert: null };

/**
 * Field errors the form can show go next to their fields; the rest and any error without
 * fields become the alert. `fields` are the names the form shows; `byStatus` has the form's own
 * words for an answer without fields (a 409 that means one thing for this form).
 */
export function formErrors(
  t: TFunction,
  error: unknown,
  fields: readonly string[],
  byStatus: Readonly<Record<number, string>> = {},
  /** Maps the server's field path to the form's field ("languages[1]" → "languages"). */
  mapField: (path: string) => string = (path) => path,
): FormErrors {
  if (!(error instanceof ApiError)) return { byField: {}, alert: t('errors.generic') };
  const errors: FieldError[] = (error.problem.errors ?? []).map((e) => ({ ...e, field: mapField(e.field) }));
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const e of errors) {
    if (fields.includes(e.field)) (byField[e.field] ??= []).push(translateFieldMessage(t, e.message));
    else other.push(`${e.field}: ${translateFieldMessage(t, e.message)}`);
  }
  let alert: string | null = null;
  if (other.length > 0) alert = other.join(' ');
  else if (Object.keys(byField).length === 0) alert = byStatus[error.status] ?? generalMessage(t, error);
  else alert = t('errors.checkFields');
  return { byField, alert, requestId: error.problem.status >= 500 ? error.problem.request_id : undefined };
}
