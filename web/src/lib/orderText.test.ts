import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { describeEscalation, describeFailure, describeTimelineNote, parseEscalation, partsOfCode } from './orderText';

const names = (code: string) => ({ shopping: 'Shopping help', cleaning: 'Cleaning' })[code] ?? code;
const PLACES: Record<string, string> = { 'fi-562': 'Orivesi', 'fi-837': 'Tampere' };
/** The directory's names as useDirectoryNames gives them; `loaded: false` is the moment before they arrive. */
const directory = (loaded = true) => ({
  categoryName: names,
  placeName: (code: string) => (loaded ? (PLACES[code] ?? code) : code),
  place: (code: string) => (loaded ? PLACES[code] : undefined),
});
/** Greta's shopping order in Orivesi, served in Swedish, as the board lists it. */
const greta = { municipality_code: 'fi-562', category: 'shopping', language: 'sv' };

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

  it('reads every escalation code the routing writes (src/dispatch/routing.cpp)', () => {
    expect(partsOfCode('area')).toEqual({ kind: 'area' });
    expect(partsOfCode('service')).toEqual({ kind: 'service' });
    expect(partsOfCode('agreement')).toEqual({ kind: 'agreement' });
    expect(partsOfCode('no_candidates')).toEqual({ kind: 'agreement' });
    expect(partsOfCode('voucher')).toEqual({ kind: 'voucher' });
    expect(partsOfCode('declined')).toEqual({ kind: 'allDeclined' });
    expect(partsOfCode('language+capacity')).toEqual({ kind: 'general', capacity: true, inLanguage: true, hours: false, othersDeclined: false });
    expect(partsOfCode('declined+hours')).toEqual({ kind: 'general', capacity: false, inLanguage: false, hours: true, othersDeclined: true });
    expect(partsOfCode('language+weather')).toBeNull();
    expect(partsOfCode('')).toBeNull();
  });

  it('words the code with the order’s place, category and language in the reader’s language', async () => {
    const order = { ...greta, escalation_code: 'language+capacity', escalation_reason: 'no provider with capacity in Orivesi serving in Swedish' };
    expect(describeEscalation(i18next.t, order, 'en', directory())).toBe('Orivesi: no provider with free capacity and serving in Swedish.');
    await i18next.changeLanguage('fi');
    expect(describeEscalation(i18next.t, order, 'fi', directory())).toBe(
      'Orivesi: ei palveluntuottajaa, jolla on vapaata kapasiteettia ja jonka palvelukieli on ruotsi.',
    );
    await i18next.changeLanguage('sv');
    expect(describeEscalation(i18next.t, order, 'sv', directory())).toBe('Orivesi: ingen tjänsteproducent med ledig kapacitet och som betjänar på svenska.');
    await i18next.changeLanguage('en');
    const said = (code: string, extra: object = {}) => describeEscalation(i18next.t, { ...greta, escalation_code: code, ...extra }, 'en', directory());
    expect(said('agreement')).toBe('Orivesi: no provider has an agreement for Shopping help.');
    expect(said('no_candidates')).toBe('Orivesi: no provider has an agreement for Shopping help.');
    expect(said('area')).toBe('Orivesi: no provider serves this place.');
    expect(said('service', { category: 'cleaning' })).toBe('Orivesi: no provider offers Cleaning.');
    expect(said('voucher')).toBe('Orivesi: no provider is approved for the client’s voucher.');
    expect(said('declined')).toBe('Orivesi: every provider declined or did not answer.');
    expect(said('declined+hours+capacity')).toBe(
      'Orivesi: no provider with free capacity and available at the requested time. The others declined or did not answer.',
    );
  });

  it('names the place from the sentence while the directory’s names load', () => {
    const order = { ...greta, escalation_code: 'language', escalation_reason: 'no provider in Orivesi serving in Swedish' };
    expect(describeEscalation(i18next.t, order, 'en', directory(false))).toBe('Orivesi: no provider serving in Swedish.');
    expect(describeEscalation(i18next.t, { ...greta, escalation_code: 'area' }, 'en', directory(false))).toBe('fi-562: no provider serves this place.');
  });

  it('takes a place already named and says “the client’s language” when the language is not known', () => {
    expect(describeEscalation(i18next.t, { place: 'Hervanta', category: 'cleaning', escalation_code: 'language+hours' }, 'en', directory())).toBe(
      'Hervanta: no provider serving in the client’s language and available at the requested time.',
    );
  });

  it('falls back to the sentence without a code, and to the sentence as written for a code it does not know', () => {
    const reason = 'no provider with capacity in Orivesi serving in Swedish';
    expect(describeEscalation(i18next.t, { ...greta, escalation_reason: reason }, 'en', directory())).toBe(
      'Orivesi: no provider with free capacity and serving in Swedish.',
    );
    expect(describeEscalation(i18next.t, { ...greta, escalation_code: 'moon', escalation_reason: 'the moon is in the way' }, 'en', directory())).toBe(
      'the moon is in the way',
    );
    expect(describeEscalation(i18next.t, { ...greta, escalation_code: 'moon' }, 'en', directory())).toBe('Orivesi: no provider could be found.');
  });

  it('keeps a reason it cannot read as the server wrote it', () => {
    expect(describeEscalation(i18next.t, { escalation_reason: 'the moon is in the way' }, 'en', directory())).toBe('the moon is in the way');
    expect(describeEscalation(i18next.t, {}, 'en', directory())).toBe('');
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
