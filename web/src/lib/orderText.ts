// The machine words of orders in the reader's language: escalation reasons, timeline notes and a
// failed visit's reason. An escalated order carries its escalation_code (src/dispatch/routing.cpp
// EscalationCode), worded here with the order's place, category and language. The server also
// writes English sentences for logs and integrations (src/orders/order_cascade.cpp ReasonInWords):
// timeline notes and orders without a code; the patterns below read those back into their parts.
// Anything unrecognised is shown as the server wrote it.
import type { TFunction } from 'i18next';
import type { Language } from '../api/types';
import { localeOf } from './format';
import { languageName } from './serviceText';

const LANGUAGE_CODES: Record<string, string> = {
  Finnish: 'fi',
  Swedish: 'sv',
  German: 'de',
  Danish: 'da',
  English: 'en',
};

export interface EscalationParts {
  place: string;
  category?: string;
  /** A language code (sv) or the English name the sentence has (Swedish). */
  language?: string;
  /** The language check failed but the language is not known (a notification without it). */
  inLanguage?: boolean;
  capacity?: boolean;
  hours?: boolean;
  othersDeclined?: boolean;
  kind: 'agreement' | 'area' | 'service' | 'voucher' | 'allDeclined' | 'general';
}

/** The parts of the server's reason, or null for a reason it does not write. */
export function parseEscalation(reason: string): EscalationParts | null {
  let m = /^no provider with an agreement for (.+) in (.+)$/.exec(reason);
  if (m) return { kind: 'agreement', category: m[1]!, place: m[2]! };
  m = /^no provider serves (.+)$/.exec(reason);
  if (m) return { kind: 'area', place: m[1]! };
  m = /^no provider in (.+) is approved for the client's voucher$/.exec(reason);
  if (m) return { kind: 'voucher', place: m[1]! };
  m = /^every provider in (.+) declined or did not answer$/.exec(reason);
  if (m) return { kind: 'allDeclined', place: m[1]! };
  m = /^no provider in (.+) offers (.+)$/.exec(reason);
  if (m) return { kind: 'service', place: m[1]!, category: m[2]! };
  m =
    /^no provider( with capacity)? in (.+?)( serving in (Finnish|Swedish|German|Danish|English))?(( and)? open at the requested time)?( \(others declined or did not answer\))?$/.exec(
      reason,
    );
  if (m && (m[1] || m[3] || m[5])) {
    return {
      kind: 'general',
      place: m[2]!,
      capacity: !!m[1],
      ...(m[4] ? { language: m[4] } : {}),
      hours: !!m[5],
      othersDeclined: !!m[7],
    };
  }
  return null;
}

/** What describeEscalation needs of an order (or of an `order.escalated` notification). */
export interface EscalationSubject {
  /** The routing's code: area, service, agreement, voucher, no_candidates, or checks joined by + (language+capacity). */
  escalation_code?: string | null;
  /** The server's English sentence, the fallback for an order without a code. */
  escalation_reason?: string | null;
  municipality_code?: string | null;
  /** The place's name when it is known already (a notification names it). */
  place?: string | null;
  category?: string | null;
  /** The language the client is served in (fi, sv, …). */
  language?: string | null;
}

/** How the directory names codes in the reader's language; `place` tells a known code from one still loading. */
export interface EscalationNames {
  categoryName: (code: string) => string;
  placeName: (code: string) => string;
  place?: (code: string) => unknown;
}

/** The checks that excluded the providers within reach; anything else in a code is unknown. */
const CHECKS = new Set(['declined', 'language', 'hours', 'capacity']);

/**
 * The parts of an escalation code, or null for a code this UI does not know (a newer server's):
 * "language+capacity" → general with language and capacity.
 */
export function partsOfCode(code: string): Omit<EscalationParts, 'place' | 'category' | 'language'> | null {
  switch (code) {
    case 'area':
      return { kind: 'area' };
    case 'service':
      return { kind: 'service' };
    case 'agreement':
    case 'no_candidates':
      return { kind: 'agreement' };
    case 'voucher':
      return { kind: 'voucher' };
    default:
      break;
  }
  const checks = code.split('+');
  if (checks.some((c) => !CHECKS.has(c))) return null;
  const declined = checks.includes('declined');
  if (declined && checks.length === 1) return { kind: 'allDeclined' };
  return {
    kind: 'general',
    capacity: checks.includes('capacity'),
    inLanguage: checks.includes('language'),
    hours: checks.includes('hours'),
    othersDeclined: declined,
  };
}

function wordParts(t: TFunction, p: EscalationParts, lang: Language, categoryName: (code: string) => string): string {
  const place = p.place;
  switch (p.kind) {
    case 'agreement':
      return t('escalation.agreement', { category: categoryName(p.category ?? ''), place });
    case 'area':
      return t('escalation.area', { place });
    case 'service':
      return t('escalation.service', { category: categoryName(p.category ?? ''), place });
    case 'voucher':
      return t('escalation.voucher', { place });
    case 'allDeclined':
      return t('escalation.allDeclined', { place });
    default: {
      const conditions: string[] = [];
      if (p.capacity) conditions.push(t('escalation.withCapacity'));
      if (p.language) conditions.push(t('escalation.inLanguage', { language: languageName(LANGUAGE_CODES[p.language] ?? p.language, lang) }));
      else if (p.inLanguage) conditions.push(t('escalation.inClientLanguage'));
      if (p.hours) conditions.push(t('escalation.atTheTime'));
      if (conditions.length === 0) return p.othersDeclined ? t('escalation.allDeclined', { place }) : t('escalation.unknown', { place });
      const list = new Intl.ListFormat(localeOf[lang], { style: 'long', type: 'conjunction' }).format(conditions);
      const text = t('escalation.general', { place, conditions: list });
      return p.othersDeclined ? `${text} ${t('escalation.othersDeclined')}` : text;
    }
  }
}

/**
 * Why an order waits for a coordinator, in the reader's language: "Orivesi: ei palveluntuottajaa,
 * jolla on vapaata kapasiteettia ja jonka palvelukieli on ruotsi." Worded from the order's
 * escalation_code with its municipality, category and language; an order without a code (one
 * escalated before codes existed) is read from the server's English sentence, and a sentence
 * this UI cannot read is shown as the server wrote it.
 */
export function describeEscalation(t: TFunction, o: EscalationSubject, lang: Language, names: EscalationNames): string {
  const sentence = o.escalation_reason ? parseEscalation(o.escalation_reason) : null;
  const code = o.escalation_code ?? '';
  const parts = code ? partsOfCode(code) : null;
  if (!parts) {
    if (sentence) return wordParts(t, sentence, lang, names.categoryName);
    if (o.escalation_reason) return o.escalation_reason;
    if (!code) return '';
  }
  // The place's name in the reader's language; while the directory's names load (or for a code
  // the directory lacks), the name the server wrote into its sentence.
  const municipality = o.municipality_code ?? '';
  const known = municipality && (names.place ? names.place(municipality) !== undefined : names.placeName(municipality) !== municipality);
  const place = o.place || (known ? names.placeName(municipality) : sentence?.place || municipality);
  if (!parts) return t('escalation.unknown', { place });
  return wordParts(
    t,
    { ...parts, place, ...(o.category ? { category: o.category } : {}), ...(parts.inLanguage && o.language ? { language: o.language } : {}) },
    lang,
    names.categoryName,
  );
}

/** A timeline note in words: the server's own notes are translated, a person's reason is kept. */
export function describeTimelineNote(
  t: TFunction,
  note: string | null | undefined,
  lang: Language,
  categoryName: (code: string) => string,
): string {
  if (!note) return '';
  if (note === 'routed by hand') return t('timeline.notes.routedByHand');
  if (note === 'the offer ran out') return t('timeline.notes.offerRanOut');
  const offered = /^offered to (.+)$/.exec(note);
  if (offered) return t('timeline.notes.offeredTo', { name: offered[1] });
  const escalation = parseEscalation(note);
  if (escalation) return wordParts(t, escalation, lang, categoryName);
  return note;
}

/** Why a visit failed or was charged: "client_not_at_home", "cancelled less than 24 h before the visit". */
export function describeFailure(t: TFunction, reason: string | null | undefined): string {
  if (!reason) return '';
  if (reason === 'client_not_at_home') return t('visit.failure.notAtHome');
  const late = /^cancelled less than (\d+) h before the visit$/.exec(reason);
  if (late) return t('visit.failure.lateCancel', { hours: late[1] });
  return reason;
}

/** Timeline kinds with words (src/orders/order_states.cpp and the service's extra entries). */
export const TIMELINE_KINDS = [
  'created',
  'submit',
  'route',
  'offer',
  'escalate',
  'accept',
  'reroute',
  'decline',
  'declined_offer',
  'expire',
  'assign',
  'check_in',
  'check_out',
  'confirm',
  'dispute',
  'fail',
  'cancel',
] as const;
