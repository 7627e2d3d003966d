// The server's field messages of the advice desk (src/clients/client_registry.cpp,
// src/common/identifiers.cpp, src/guidance/guidance_service.cpp, src/orders/order_consents.cpp)
// with their keys in fieldMessages: errors.ts looks them up beside the others.

export const DESK_FIELD_MESSAGES: Record<string, string> = {
  // Finding and registering clients
  'Give a name, a birth date, a phone number or an identity code.': 'fieldMessages.findSomething',
  'Give the birth date as YYYY-MM-DD.': 'fieldMessages.birthDate',
  'A birth date lies between 1890 and today.': 'fieldMessages.birthDateRange',
  'Give the birth date (or the identity code): it tells people of one name apart.': 'fieldMessages.birthDateNeeded',
  'An identity code has 11 characters: DDMMYYCZZZQ.': 'fieldMessages.identityCodeLength',
  'An identity code has the birth date DDMMYY, a century sign and three digits before the check character.':
    'fieldMessages.identityCodeForm',
  'The seventh character is the century sign: +, -, Y, X, W, V, U or A–F.': 'fieldMessages.identityCodeCentury',
  'The first six digits are no date (DDMMYY).': 'fieldMessages.identityCodeDate',
  'The individual number runs from 002.': 'fieldMessages.identityCodeForm',
  'The check character does not match: a digit may be mistyped.': 'fieldMessages.identityCodeCheck',
  'A Finnish identity code is recorded for clients in Finland only.': 'fieldMessages.identityCodeFinland',
  'A client with this identity code is registered already: search for them by the code.': 'fieldMessages.identityCodeTaken',
  'This does not look like an e-mail address.': 'fieldMessages.email',
  'A person with this e-mail address has an account: search for them instead.': 'fieldMessages.emailHasAccount',
  'must be one of: fi, sv, en, de, da': 'fieldMessages.language',
  'No municipality has this code.': 'fieldMessages.municipality',
  "No municipality of this region's country has this code.": 'fieldMessages.municipality',
  'A postal code has 4 or 5 digits.': 'fieldMessages.postalCodeDigits',
  // Advice contacts
  'Choose at least one topic.': 'fieldMessages.topicsMissing',
  'Between 0 and 600 minutes.': 'fieldMessages.callDuration',
  'must be an integer from 0 to 600': 'fieldMessages.callDuration',
  'At most 4,000 characters.': 'fieldMessages.noteTooLong',
  'Choose phone, service_point, home_visit, chat or email.': 'fieldMessages.channel',
  'Choose informed, order_placed, referred, follow_up or no_action.': 'fieldMessages.outcome',
  // The consent of an order placed by the desk
  "Record the client's consent to this order: how and by whom it was given.": 'fieldMessages.consentMissing',
  'Choose phone, in_person, written or digital.': 'fieldMessages.consentWay',
  'Give the last day as YYYY-MM-DD, today or later.': 'fieldMessages.consentUntil',
};

/** Messages with a detail: the birth date an identity code gives, the digits of a postal code. */
export const DESK_FIELD_PATTERNS: [RegExp, string, string][] = [
  [/^The identity code gives the birth date (\d{4}-\d{2}-\d{2}), not the one given: check both\.$/, 'fieldMessages.identityCodeBirthDate', 'date'],
  [/^A postal code here has (\d) digits\.$/, 'fieldMessages.postalCodeHere', 'digits'],
];
