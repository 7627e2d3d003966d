// A notification in the reader's language and where it leads. The server sends a kind
// (order.offered, …) and the facts (category, place, deadline, provider's name, …), never a
// sentence; the sentence is made here, so each reader gets it in their own language. A kind this
// UI does not know yet is said as "the order was updated".
import type { TFunction } from 'i18next';
import type { AppNotification, Language } from '../api/types';
import { describeRole } from './accessLog';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';
import { describeEscalation, type EscalationNames } from './orderText';

/** The kinds this UI words, each with its text key under notifications.kinds. */
export const NOTIFICATION_KINDS = {
  'order.offered': 'offered',
  'order.accepted': 'accepted',
  'order.scheduled': 'scheduled',
  'order.declined': 'declined',
  'order.expired': 'expired',
  'order.escalated': 'escalated',
  'order.cancelled': 'cancelled',
  'order.delivered': 'delivered',
  'order.disputed': 'disputed',
  'order.failed': 'failed',
  'order.message': 'message',
  'grant.low': 'grantLow',
  'grant.lapsing': 'grantLapsing',
  'visit.rate': 'visitRate',
  'quality.case.filed': 'caseFiled',
  'quality.follow_up': 'caseFollowUp',
  'quality.case.changed': 'caseChanged',
  'quality.case.reply': 'caseReply',
  'quality.case.escalated': 'caseEscalated',
  'quality.case.assigned': 'caseAssigned',
  'quality.case.message': 'caseMessage',
} as const;

/** The text keys under notifications.kinds, with the variants for facts that are missing. */
export const NOTIFICATION_TEXT_KEYS = [
  ...Object.values(NOTIFICATION_KINDS),
  'offeredNoDeadline',
  'acceptedNoProvider',
  'messageNoRole',
  'visitRateNoCategory',
  'caseChangedNoState',
  'other',
] as const;

/** The kinds of a case a notification may name (quality.case.*), each worded under quality.kinds. */
const CASE_KIND_NAMES = ['complaint', 'deviation', 'follow_up'];
const CASE_SEVERITY_NAMES = ['low', 'medium', 'high', 'critical'];
const CASE_STATE_NAMES = ['received', 'investigating', 'action_taken', 'closed'];

function stringOf(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export interface NotificationContext {
  lang: Language;
  timeZone?: string | undefined;
  names: EscalationNames;
}

/**
 * The notification as one sentence: "Uusi tarjous: Ikkunanpesu, Hervanta – vastaa viimeistään
 * 4.12.2026 klo 8.00."
 */
export function describeNotification(t: TFunction, n: Pick<AppNotification, 'kind' | 'data'>, ctx: NotificationContext): string {
  const data = n.data ?? {};
  const category = stringOf(data.category);
  // The place in the reader's language where the directory knows its code (Tammerfors for a Swedish reader), else as sent.
  const placeCode = stringOf(data.place_code);
  const place = placeCode && ctx.names.place?.(placeCode) !== undefined ? ctx.names.placeName(placeCode) : stringOf(data.place);
  const categoryText = category ? ctx.names.categoryName(category) : t('notifications.anOrder');
  const what = place ? `${categoryText}, ${place}` : categoryText;
  const key = NOTIFICATION_KINDS[n.kind as keyof typeof NOTIFICATION_KINDS];
  switch (key) {
    case 'offered': {
      const deadline = formatDateTime(stringOf(data.deadline) || null, ctx.lang, { timeZone: ctx.timeZone });
      return deadline ? t('notifications.kinds.offered', { what, deadline }) : t('notifications.kinds.offeredNoDeadline', { what });
    }
    case 'accepted': {
      const provider = stringOf(data.provider_name);
      return provider ? t('notifications.kinds.accepted', { what, provider }) : t('notifications.kinds.acceptedNoProvider', { what });
    }
    case 'escalated': {
      const text = t('notifications.kinds.escalated', { what });
      const code = stringOf(data.escalation_code);
      if (!code) return text;
      const subject = { escalation_code: code, place: place || null, category, language: stringOf(data.language) || null };
      const reason = describeEscalation(t, subject, ctx.lang, ctx.names);
      return reason ? `${text} ${reason}` : text;
    }
    case 'message': {
      const role = stringOf(data.from_role);
      return role ? t('notifications.kinds.message', { what, role: describeRole(t, role) }) : t('notifications.kinds.messageNoRole', { what });
    }
    case 'grantLow': {
      // What is left of the period: hours from minutes, visits, or an amount.
      const remaining = typeof data.remaining === 'number' ? data.remaining : 0;
      const unit = stringOf(data.unit);
      const left =
        unit === 'minutes'
          ? t('notifications.hours', { hours: formatNumber(Math.round((remaining / 60) * 10) / 10, ctx.lang) })
          : unit === 'visits'
            ? t('notifications.visits', { count: remaining })
            : formatMoney(remaining, stringOf(data.currency) || 'EUR', ctx.lang);
      return t('notifications.kinds.grantLow', { payer: stringOf(data.payer_name), left, until: formatDate(stringOf(data.period_end) || null, ctx.lang) });
    }
    case 'grantLapsing': {
      const amount = typeof data.amount_cents === 'number' ? data.amount_cents : 0;
      return t('notifications.kinds.grantLapsing', {
        payer: stringOf(data.payer_name),
        amount: formatMoney(amount, stringOf(data.currency) || 'EUR', ctx.lang),
        on: formatDate(stringOf(data.lapses_on) || null, ctx.lang),
      });
    }
    case 'visitRate':
      return category ? t('notifications.kinds.visitRate', { what: categoryText }) : t('notifications.kinds.visitRateNoCategory');
    case 'caseFiled':
    case 'caseFollowUp':
    case 'caseChanged':
    case 'caseReply':
    case 'caseEscalated':
    case 'caseAssigned':
    case 'caseMessage':
      return describeCaseNotification(t, key, data, ctx);
    case undefined:
      return t('notifications.kinds.other', { what });
    default:
      return t(`notifications.kinds.${key}`, { what });
  }
}

/** A notification about a complaint, deviation or follow-up: its number and what the kind names. */
function describeCaseNotification(
  t: TFunction,
  key: 'caseFiled' | 'caseFollowUp' | 'caseChanged' | 'caseReply' | 'caseEscalated' | 'caseAssigned' | 'caseMessage',
  data: AppNotification['data'],
  ctx: NotificationContext,
): string {
  const number = typeof data.number === 'number' || typeof data.number === 'string' ? `#${data.number}` : '';
  const kind = stringOf(data.kind);
  const severity = stringOf(data.severity);
  const state = stringOf(data.state);
  const kindText = CASE_KIND_NAMES.includes(kind) ? t(`quality.kinds.${kind}`) : t('quality.aCase');
  const severityText = CASE_SEVERITY_NAMES.includes(severity) ? t(`quality.severities.${severity}`) : '';
  switch (key) {
    case 'caseFiled':
      return t('notifications.kinds.caseFiled', { kind: kindText, number, severity: severityText || '–' });
    case 'caseFollowUp': {
      const category = stringOf(data.category);
      return t('notifications.kinds.caseFollowUp', {
        number,
        stars: typeof data.stars === 'number' ? data.stars : '?',
        what: category ? ctx.names.categoryName(category) : t('notifications.anOrder'),
      });
    }
    case 'caseChanged':
      return CASE_STATE_NAMES.includes(state)
        ? t('notifications.kinds.caseChanged', { number, state: t(`quality.states.${state}`) })
        : t('notifications.kinds.caseChangedNoState', { number });
    case 'caseReply':
      return t('notifications.kinds.caseReply', { number });
    case 'caseEscalated':
      return t('notifications.kinds.caseEscalated', { number, severity: severityText || '–' });
    case 'caseAssigned':
      return t('notifications.kinds.caseAssigned', { number, severity: severityText || '–' });
    case 'caseMessage':
      return t('notifications.kinds.caseMessage', { number });
  }
}

/** The reader's provider roles: an administrator has the offers inbox, a worker their day. */
export interface LinkContext {
  providerAdmin: boolean;
  providerWorker: boolean;
}

/**
 * Where the notification leads: an offer to the provider's inbox, an escalation to the board,
 * a request to rate a visit to its rating page, a complaint's news to the case, anything else
 * about an order to the order's page. A cancelled order ends the provider's access
 * to it, so its staff go to the inbox's full list (administrators) or their day (workers).
 */
export function notificationLink(
  n: Pick<AppNotification, 'kind' | 'subject_type' | 'subject_id'> & { data?: AppNotification['data'] },
  ctx: LinkContext,
): string {
  switch (n.kind) {
    case 'visit.rate': {
      const visit = stringOf(n.data?.visit_id) || (n.subject_type === 'visit' ? n.subject_id : '');
      if (visit) return `/visits/${encodeURIComponent(visit)}/rate`;
      break;
    }
    case 'order.offered':
      return '/provider/offers';
    case 'order.escalated':
      return '/board';
    case 'order.cancelled':
      if (ctx.providerAdmin) return '/provider/offers?show=all';
      if (ctx.providerWorker) return '/my-day';
      break;
    default:
      break;
  }
  if (n.subject_type === 'order' && n.subject_id) return `/orders/${encodeURIComponent(n.subject_id)}`;
  if (n.subject_type === 'grant') return '/orders';
  if (n.subject_type === 'quality_case') {
    const id = stringOf(n.data?.case_id) || n.subject_id;
    if (id) return `/cases/${encodeURIComponent(id)}`;
  }
  if (n.subject_type === 'visit' && n.subject_id) return `/visits/${encodeURIComponent(n.subject_id)}/rate`;
  return '/notifications';
}
