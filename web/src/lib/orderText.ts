// The machine words of orders in the reader's language: escalation reasons, timeline notes and a
// failed visit's reason. The server writes them in English for logs and integrations
// (src/orders/order_cascade.cpp ReasonInWords); the patterns below are read back into their
// parts and worded again. Anything unrecognised is shown as the server wrote it.
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
  language?: string;
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

/**
 * The escalation reason in the reader's language: "ei palveluntuottajaa, jolla on tilaa Orivedellä
 * ja joka palvelee ruotsiksi". `categoryName` names a category code.
 */
export function describeEscalation(
  t: TFunction,
  reason: string | null | undefined,
  lang: Language,
  categoryName: (code: string) => string,
): string {
  if (!reason) return '';
  const p = parseEscalation(reason);
  if (!p) return reason;
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
      if (p.hours) conditions.push(t('escalation.atTheTime'));
      const list = new Intl.ListFormat(localeOf[lang], { style: 'long', type: 'conjunction' }).format(conditions);
      const text = t('escalation.general', { place, conditions: list });
      return p.othersDeclined ? `${text} ${t('escalation.othersDeclined')}` : text;
    }
  }
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
  if (parseEscalation(note)) return describeEscalation(t, note, lang, categoryName);
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
