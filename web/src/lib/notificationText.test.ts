import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { describeNotification, notificationLink, type NotificationContext } from './notificationText';
import { badgeText } from './unreadNotifications';

const names = {
  categoryName: (code: string) => ({ window_cleaning: 'Window cleaning', cleaning: 'Cleaning', shopping: 'Shopping help' })[code] ?? code,
  placeName: (code: string) => code,
  place: () => undefined,
};
const en: NotificationContext = { lang: 'en', timeZone: 'Europe/Helsinki', names };
const say = (kind: string, data: Record<string, unknown>, ctx = en) => describeNotification(i18next.t, { kind, data }, ctx);
const client = { providerAdmin: false, providerWorker: false };

beforeAll(async () => {
  await i18next.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

describe('notifications in words', () => {
  it('words a new offer with its place and answer deadline in the region’s time', async () => {
    const data = { category: 'window_cleaning', state: 'offered', place: 'Hervanta', deadline: '2026-12-04T06:00:00Z' };
    expect(say('order.offered', data)).toBe('New offer: Window cleaning, Hervanta. Answer by 4 Dec 2026, 08:00.');
    await i18next.changeLanguage('fi');
    expect(say('order.offered', data, { ...en, lang: 'fi' })).toBe('Uusi tarjous: Window cleaning, Hervanta. Vastaa viimeistään 4.12.2026 klo 8.00.');
    await i18next.changeLanguage('en');
    expect(say('order.offered', { category: 'cleaning' })).toBe('New offer: Cleaning.');
  });

  it('names the provider that accepted, and words each kind of change', () => {
    expect(say('order.accepted', { category: 'cleaning', provider_name: 'Hervannan Kotisiivous Oy' })).toBe(
      'Hervannan Kotisiivous Oy accepted the order: Cleaning.',
    );
    expect(say('order.accepted', { category: 'cleaning' })).toBe('The order was accepted: Cleaning.');
    expect(say('order.scheduled', { category: 'cleaning' })).toBe('A worker has been assigned to the order: Cleaning.');
    expect(say('order.expired', { category: 'cleaning' })).toBe('No provider took the order in time: Cleaning.');
    expect(say('order.delivered', { category: 'cleaning' })).toBe('The visit is done: Cleaning. Please confirm it.');
    expect(say('order.failed', { category: 'cleaning' })).toBe('A visit failed because the client was not at home: Cleaning.');
    expect(say('order.message', { category: 'cleaning', from_role: 'provider_admin' })).toBe('New message (Provider administrator): Cleaning.');
  });

  it('adds the escalation’s reason worded from its code', () => {
    expect(say('order.escalated', { category: 'shopping', place: 'Orivesi', escalation_code: 'language+capacity' })).toBe(
      'An order needs a coordinator: Shopping help, Orivesi. Orivesi: no provider with free capacity and serving in the client’s language.',
    );
    expect(say('order.escalated', { category: 'shopping', place: 'Orivesi' })).toBe('An order needs a coordinator: Shopping help, Orivesi.');
  });

  it('says something sensible about a kind it does not know', () => {
    expect(say('order.teleported', { category: 'cleaning', state: 'accepted' })).toBe('The order was updated: Cleaning.');
    expect(say('order.teleported', {})).toBe('The order was updated: Order.');
  });
});

describe('where a notification leads', () => {
  const n = (kind: string) => ({ kind, subject_type: 'order', subject_id: 'ord_1' });
  it('leads offers to the inbox, escalations to the board and the rest to the order', () => {
    expect(notificationLink(n('order.offered'), client)).toBe('/provider/offers');
    expect(notificationLink(n('order.escalated'), client)).toBe('/board');
    for (const kind of ['order.accepted', 'order.scheduled', 'order.declined', 'order.expired', 'order.delivered', 'order.disputed', 'order.failed', 'order.message', 'order.new']) {
      expect(notificationLink(n(kind), client)).toBe('/orders/ord_1');
    }
  });

  it('leads a cancelled order’s provider staff to their own pages, whose access ended with it', () => {
    expect(notificationLink(n('order.cancelled'), client)).toBe('/orders/ord_1');
    expect(notificationLink(n('order.cancelled'), { providerAdmin: true, providerWorker: false })).toBe('/provider/offers?show=all');
    expect(notificationLink(n('order.cancelled'), { providerAdmin: false, providerWorker: true })).toBe('/my-day');
  });
});

describe('feedback and complaints in notifications', () => {
  it('asks for the rating of a visit and leads to its rating page', () => {
    expect(say('visit.rate', { visit_id: 'vis_1', order_id: 'ord_1', category: 'cleaning' })).toBe('How did the visit go? Rate it with one tap: Cleaning.');
    expect(say('visit.rate', {})).toBe('How did the visit go? Rate it with one tap.');
    expect(notificationLink({ kind: 'visit.rate', subject_type: 'visit', subject_id: 'vis_1', data: { visit_id: 'vis_1' } }, client)).toBe('/visits/vis_1/rate');
    expect(notificationLink({ kind: 'visit.rate', subject_type: 'visit', subject_id: 'vis_2' }, client)).toBe('/visits/vis_2/rate');
  });

  it('words each news of a case with its number, kind, state and urgency', () => {
    expect(say('quality.case.filed', { case_id: 'qc_1', number: 12, kind: 'complaint', severity: 'high' })).toBe('New case to handle: Complaint #12 – Urgent.');
    expect(say('quality.follow_up', { case_id: 'qc_1', number: 3, stars: 2, category: 'cleaning' })).toBe('A visit was rated 2 out of 5: follow-up #3 (Cleaning).');
    expect(say('quality.case.changed', { case_id: 'qc_1', number: 12, state: 'investigating' })).toBe('Your case #12 is now: Being looked into.');
    expect(say('quality.case.changed', { case_id: 'qc_1', number: 12, state: 'teleported' })).toBe('Your case #12 has moved on.');
    expect(say('quality.case.reply', { case_id: 'qc_1', number: 12 })).toBe('New reply to your case #12.');
    expect(say('quality.case.escalated', { case_id: 'qc_1', number: 12, severity: 'critical' })).toBe('Case #12 is past its deadline – Very urgent.');
    expect(say('quality.case.assigned', { case_id: 'qc_1', number: 12, severity: 'low' })).toBe('You were given case #12 to handle – Not urgent.');
  });

  it('leads every news of a case to the case', () => {
    for (const kind of ['quality.case.filed', 'quality.follow_up', 'quality.case.changed', 'quality.case.reply', 'quality.case.escalated', 'quality.case.assigned']) {
      expect(notificationLink({ kind, subject_type: 'quality_case', subject_id: 'qc_1', data: { case_id: 'qc_1' } }, client)).toBe('/cases/qc_1');
    }
    expect(notificationLink({ kind: 'quality.case.reply', subject_type: 'quality_case', subject_id: 'qc_9' }, client)).toBe('/cases/qc_9');
  });
});

describe('the bell’s badge', () => {
  it('shows 99+ above 99', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
