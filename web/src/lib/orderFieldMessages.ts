// The server's field messages of orders and funding (src/orders, src/funding, src/calendar) with
// their keys in fieldMessages: errors.ts looks them up beside the directory's and identity's.

export const ORDER_FIELD_MESSAGES: Record<string, string> = {
  // Funding decisions (src/funding/funding_service.cpp CheckDraft)
  'Name at least one service category.': 'fieldMessages.categoryMissing',
  'Unknown service category.': 'fieldMessages.category',
  "Give the voucher's value.": 'fieldMessages.voucherValue',
  'Give how much the voucher covers per period.': 'fieldMessages.voucherQuantity',
  "Give the municipality's price per hour.": 'fieldMessages.voucherValue',
  'Give the minutes granted per week.': 'fieldMessages.voucherQuantity',
  "Give the decision's reference (1–100 characters).": 'fieldMessages.decisionReference',
  'Give the first day as YYYY-MM-DD.': 'fieldMessages.date',
  'Give the last day as YYYY-MM-DD.': 'fieldMessages.date',
  'Give the date as YYYY-MM-DD.': 'fieldMessages.date',
  'The decision ends before it starts.': 'fieldMessages.endsBeforeStart',
  'A voucher is per hour, per visit or an amount.': 'fieldMessages.unit',
  'The client fee is per hour or per visit.': 'fieldMessages.unit',
  'This organization cannot pay this kind of grant.': 'fieldMessages.payerKind',
  'The payer belongs to another region than the client.': 'fieldMessages.payerRegion',
  // Orders (src/orders/order_service.cpp Create)
  'Give the address (at most 200 characters).': 'fieldMessages.address',
  'The first visit cannot be in the past.': 'fieldMessages.pastDate',
  'Give the time as HH:MM.': 'fieldMessages.time',
  'This schedule has no visit within a year.': 'fieldMessages.noVisit',
  'A visit lasts 15 minutes to 12 hours.': 'fieldMessages.duration',
  'Choose a municipality of the region.': 'fieldMessages.municipality',
  'Unknown district.': 'fieldMessages.noSuchPlace',
  'Describe the needs in at most 2000 characters.': 'fieldMessages.needsLong',
  'A task is 1 to 100 characters.': 'fieldMessages.task',
  'At most 20 tasks.': 'fieldMessages.tooManyTasks',
  'The payer has not approved this provider for its vouchers.': 'fieldMessages.notApproved',
  'This grant has ended.': 'fieldMessages.grantEnded',
  "This grant does not cover the service's category.": 'fieldMessages.grantCategory',
  'At most 50 characters.': 'fieldMessages.doorCode',
  'The window must end after it starts, on the same day.': 'fieldMessages.window',
  'Times run from 00:00 to 23:59.': 'fieldMessages.time',
  // Steps, messages, routing, assignment
  'Write 1 to 4000 characters.': 'fieldMessages.message',
  'Say what went wrong (1–1000 characters).': 'fieldMessages.disputeReason',
  'At most 500 characters.': 'fieldMessages.reasonLong',
  'At most 2000 characters.': 'fieldMessages.noteLong',
  'This provider already had this order; choose another.': 'fieldMessages.alreadyOffered',
  'This person does not work for your organization.': 'fieldMessages.notAWorker',
  // The shop's checkout (src/identity/auth_service.cpp SignUp)
  'already has an account: sign in to order': 'fieldMessages.emailTaken',
  // Phone numbers (src/common/validate.cpp NormalizePhone)
  'must be a phone number in international form with its country code, e.g. +358 40 123 4567': 'fieldMessages.phone',
};

/** Messages that carry a detail: "This overlaps decision PSHVA/2026/1042 (2026-11-01 – 2027-10-31)." */
export const ORDER_FIELD_PATTERNS: [RegExp, string, string][] = [
  [/^This overlaps decision (.+)\.$/, 'fieldMessages.overlaps', 'decision'],
];
