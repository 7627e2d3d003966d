import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { describeEscalation, describeFailure, describeTimelineNote, parseEscalation } from './orderText';

const names = (code: string) => ({ shopping: 'Shopping help', cleaning: 'Cleaning' })[code] ?? code;

beforeAll(async () => {
  await i18next.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

describe('escalation reasons', () => {
  it('reads every reason the cascade writes (src/orders/order_cascade.cpp)', () => {
    expect(parseEscalation('no provider with capacity in Orivesi serving in Swedish')).toMatchObject({
      kind: 'general',
      place: 'Orivesi',
      capacity: true,
      language: 'Swedish',
      hours: false,
    });
    expect(parseEscalation('no provider in Orivesi serving in Swedish and open at the requested time (others declined or did not answer)')).toMatchObject({
      place: 'Orivesi',
      capacity: false,
      hours: true,
      othersDeclined: true,
    });
    expect(parseEscalation('no provider with an agreement for shopping in Orivesi')).toMatchObject({ kind: 'agreement', category: 'shopping' });
    expect(parseEscalation('no provider serves Kihniö')).toMatchObject({ kind: 'area', place: 'Kihniö' });
    expect(parseEscalation("no provider in Tampere is approved for the client's voucher")).toMatchObject({ kind: 'voucher' });
    expect(parseEscalation('every provider in Tampere declined or did not answer')).toMatchObject({ kind: 'allDeclined' });
    expect(parseEscalation('no provider in Nokia offers cleaning')).toMatchObject({ kind: 'service', category: 'cleaning' });
    expect(parseEscalation('something else entirely')).toBeNull();
  });

  it('words the reason in the reader’s language', async () => {
    const reason = 'no provider with capacity in Orivesi serving in Swedish';
    expect(describeEscalation(i18next.t, reason, 'en', names)).toBe('Orivesi: no provider with free capacity and serving in Swedish.');
    await i18next.changeLanguage('fi');
    expect(describeEscalation(i18next.t, reason, 'fi', names)).toBe(
      'Orivesi: ei palveluntuottajaa, jolla on vapaata kapasiteettia ja jonka palvelukieli on ruotsi.',
    );
    await i18next.changeLanguage('sv');
    expect(describeEscalation(i18next.t, reason, 'sv', names)).toBe('Orivesi: ingen tjänsteproducent med ledig kapacitet och som betjänar på svenska.');
    await i18next.changeLanguage('en');
    expect(describeEscalation(i18next.t, 'no provider with an agreement for shopping in Orivesi', 'en', names)).toBe(
      'Orivesi: no provider has an agreement for Shopping help.',
    );
  });

  it('keeps a reason it cannot read as the server wrote it', () => {
    expect(describeEscalation(i18next.t, 'the moon is in the way', 'en', names)).toBe('the moon is in the way');
  });
});

describe('timeline notes and failures', () => {
  it('translates the server’s own notes and keeps a person’s words', () => {
    expect(describeTimelineNote(i18next.t, 'offered to Pirkan Kotiapu Oy', 'en', names)).toBe('Offered to Pirkan Kotiapu Oy');
    expect(describeTimelineNote(i18next.t, 'routed by hand', 'en', names)).toBe('Routed by a coordinator');
    expect(describeTimelineNote(i18next.t, 'Olen sairaalassa', 'en', names)).toBe('Olen sairaalassa');
  });

  it('words why a visit failed or was charged', () => {
    expect(describeFailure(i18next.t, 'client_not_at_home')).toBe('The client was not at home');
    expect(describeFailure(i18next.t, 'cancelled less than 24 h before the visit')).toBe('Cancelled less than 24 h before the visit');
  });
});
