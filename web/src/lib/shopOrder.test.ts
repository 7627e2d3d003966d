import { describe, expect, it } from 'vitest';
import type { Place, ServicePrice } from '../api/types';
import {
  areaChoices,
  checkAccount,
  checkShopOrder,
  defaultServiceLanguage,
  earliestStart,
  emailTaken,
  firstVisitDate,
  isInternationalPhone,
  newShopOrder,
  orderPlace,
  payableGrants,
  placeFieldOf,
  servesPlace,
  shopFieldOf,
  shopOrderOf,
  visitEstimate,
  type ShopOrderValues,
} from './shopOrder';

const places = [
  { code: 'fi-837', kind: 'municipality', municipality_code: 'fi-837', name: { fi: 'Tampere', sv: 'Tammerfors' }, postal_codes: ['33720', '33100'] },
  { code: 'fi-837-hervanta', kind: 'district', municipality_code: 'fi-837', name: { fi: 'Hervanta' }, postal_codes: ['33720'] },
  { code: 'fi-837-amuri', kind: 'district', municipality_code: 'fi-837', name: { fi: 'Amuri' }, postal_codes: ['33230'] },
  { code: 'fi-604', kind: 'municipality', municipality_code: 'fi-604', name: { fi: 'Pirkkala' }, postal_codes: ['33960'] },
  { code: 'fi-604-kirkonkyla', kind: 'district', municipality_code: 'fi-604', name: { fi: 'Kirkonkylä' }, postal_codes: ['33960'] },
  { code: 'fi-562', kind: 'municipality', municipality_code: 'fi-562', name: { fi: 'Orivesi' }, postal_codes: ['35300'] },
] as Place[];

const tammerforsHemstädning: ServicePrice = { model: 'hourly', amount: 4450, currency: 'EUR', minimum_charge: 8900, vat_rate_bp: 2550, labour_share_bp: 10000 };

function values(change: Partial<ShopOrderValues> = {}): ShopOrderValues {
  return {
    schedule: { repeat: 'weekly', interval: 2, weekdays: [2], startDate: '2026-12-01', windowStart: '10:00', windowEnd: '12:00', skipHolidays: true },
    durationMinutes: 120,
    address: 'Insinöörinkatu 48 B 17, 33720 Tampere',
    municipality: 'fi-837',
    district: 'fi-837-hervanta',
    doorCode: ' B 2468 ',
    phone: '+358401234567',
    needs: '',
    language: 'sv',
    ...change,
  };
}

describe('where the service goes', () => {
  it('serves a municipality of its area, or a district of it, as the routing decides', () => {
    const area = { municipalities: ['fi-837'], districts: ['fi-604-kirkonkyla'] };
    expect(servesPlace(area, 'fi-837', '')).toBe(true);
    expect(servesPlace(area, 'fi-604', 'fi-604-kirkonkyla')).toBe(true);
    expect(servesPlace(area, 'fi-604', '')).toBe(false);
    expect(servesPlace(area, 'fi-562', '')).toBe(false);
    expect(servesPlace(area, '', '')).toBe(false);
  });

  it('offers the area’s municipalities, with a district to choose where only districts are served', () => {
    const choices = areaChoices({ municipalities: ['fi-837'], districts: ['fi-604-kirkonkyla'] }, places);
    expect(choices.map((c) => [c.municipality.code, c.districts.map((d) => d.code), c.districtRequired])).toEqual([
      ['fi-837', ['fi-837-hervanta', 'fi-837-amuri'], false],
      ['fi-604', ['fi-604-kirkonkyla'], true],
    ]);
  });
});

describe('the form as it starts and the place it names', () => {
  it('starts as one visit of two hours on the earliest day, 10–12, in a language the service is given in', () => {
    // 2026-12-03 is a Thursday.
    const start = newShopOrder({ languages: ['fi', 'sv'] }, '2026-12-03', 'en');
    expect(start.schedule).toEqual({
      repeat: 'once',
      interval: 2,
      weekdays: [4],
      startDate: '2026-12-03',
      windowStart: '10:00',
      windowEnd: '12:00',
      skipHolidays: true,
    });
    expect(start).toMatchObject({ durationMinutes: 120, address: '', municipality: '', phone: '', language: 'fi' });
    expect(newShopOrder({ languages: ['fi', 'sv'] }, '2026-12-03', 'sv').language).toBe('sv');
  });

  it('goes where the postal code says, keeping a district chosen in that municipality, else where chosen', () => {
    const chosen = { municipality: 'fi-837', district: 'fi-837-amuri' };
    expect(orderPlace(chosen, null)).toEqual(chosen);
    expect(orderPlace(chosen, { municipality: 'fi-837', district: 'fi-837-hervanta' })).toEqual({ municipality: 'fi-837', district: 'fi-837-hervanta' });
    expect(orderPlace(chosen, { municipality: 'fi-837', district: '' })).toEqual(chosen);
    expect(orderPlace(chosen, { municipality: 'fi-604', district: '' })).toEqual({ municipality: 'fi-604', district: '' });
  });

  it('puts the problems of a place the postal code names at the address', () => {
    expect(placeFieldOf('municipality_code', { municipality: 'fi-837', district: '' })).toBe('address');
    expect(placeFieldOf('district_code', { municipality: 'fi-837', district: 'fi-837-hervanta' })).toBe('address');
    expect(placeFieldOf('district_code', { municipality: 'fi-837', district: '' })).toBe('district_code');
    expect(placeFieldOf('municipality_code', null)).toBe('municipality_code');
    expect(placeFieldOf('door_code', { municipality: 'fi-837', district: '' })).toBe('door_code');
  });
});

describe('the price of a visit', () => {
  it('is the hourly price times the length, at least the minimum charge, with the deduction of that', () => {
    expect(visitEstimate(tammerforsHemstädning, 120)).toEqual({ priceCents: 8900, billableMinutes: 120, minimumApplies: false, deductionCents: 3115 });
    const short = visitEstimate(tammerforsHemstädning, 60);
    expect(short.priceCents).toBe(8900);
    expect(short.minimumApplies).toBe(true);
    expect(visitEstimate(tammerforsHemstädning, 180).priceCents).toBe(13350);
  });

  it('has no deduction without a labour share, and a per-visit price does not grow with time', () => {
    const shopping: ServicePrice = { model: 'per_visit', amount: 2900, currency: 'EUR' };
    expect(visitEstimate(shopping, 180)).toMatchObject({ priceCents: 2900, deductionCents: null });
  });
});

describe('the schedule', () => {
  it('starts no sooner than the provider’s notice, and tomorrow at the earliest', () => {
    expect(earliestStart('2026-11-27', 5)).toBe('2026-12-02');
    expect(earliestStart('2026-11-27', 0)).toBe('2026-11-28');
    expect(earliestStart('2026-11-27', undefined)).toBe('2026-11-28');
  });

  it('finds the first visit on the first chosen weekday of the start week, else n weeks on', () => {
    // 2026-12-01 is a Tuesday, 2026-12-03 a Thursday.
    expect(firstVisitDate({ frequency: 'weekly', interval: 2, weekdays: [2], start_date: '2026-12-01' })).toBe('2026-12-01');
    expect(firstVisitDate({ frequency: 'weekly', interval: 2, weekdays: [2, 5], start_date: '2026-12-03' })).toBe('2026-12-04');
    expect(firstVisitDate({ frequency: 'weekly', interval: 2, weekdays: [2], start_date: '2026-12-03' })).toBe('2026-12-15');
    expect(firstVisitDate({ frequency: 'once', start_date: '2026-12-03' })).toBe('2026-12-03');
  });
});

describe('checks before sending', () => {
  const ctx = { earliest: '2026-12-01', area: { municipalities: ['fi-837'] }, places };

  it('finds nothing wrong with every second Tuesday 10–12 in Hervanta', () => {
    expect(checkShopOrder(values(), ctx)).toEqual({});
  });

  it('says so at the field: no address, a place outside the area, too soon, no day, a visit longer than its window', () => {
    expect(checkShopOrder(values({ address: ' ' }), ctx)).toEqual({ address: 'fieldMessages.required' });
    expect(checkShopOrder(values({ municipality: 'fi-562', district: '' }), ctx)).toEqual({ municipality_code: 'shopOrder.notServed' });
    const soon = values();
    soon.schedule = { ...soon.schedule, startDate: '2026-11-28', weekdays: [] };
    expect(checkShopOrder(soon, ctx)).toEqual({ 'schedule.start_date': 'shopOrder.tooSoon', 'schedule.weekdays': 'shopOrder.chooseDay' });
    expect(checkShopOrder(values({ durationMinutes: 180 }), ctx)).toEqual({ duration_minutes: 'shopOrder.doesNotFit' });
    expect(checkShopOrder(values({ phone: '040 123' }), ctx)).toEqual({ contact_phone: 'fieldMessages.phone' });
  });

  it('asks for the district where only some districts of the municipality are served', () => {
    const partly = { ...ctx, area: { districts: ['fi-604-kirkonkyla'] } };
    expect(checkShopOrder(values({ municipality: 'fi-604', district: '' }), partly)).toEqual({ district_code: 'shopOrder.chooseDistrict' });
  });

  it('checks the account before it costs a sign-up attempt', () => {
    expect(checkAccount({ name: '', email: 'ebba@', password: 'short', language: 'sv' })).toEqual({
      'account.name': 'fieldMessages.required',
      'account.email': 'fieldMessages.email',
      'account.password': 'fieldMessages.passwordShort',
    });
    expect(checkAccount({ name: 'Ebba', email: 'ebba@example.org', password: 'lumiukko kahvikuppi', language: 'sv' })).toEqual({});
  });
});

describe('phone numbers', () => {
  it('takes what the server takes: the country code and 8 to 15 digits', () => {
    expect(isInternationalPhone('+358 40 123 4567')).toBe(true);
    expect(isInternationalPhone('00358-40-1234567')).toBe(true);
    expect(isInternationalPhone('040 123 4567')).toBe(false);
    expect(isInternationalPhone('+0401234567')).toBe(false);
    expect(isInternationalPhone('+358 40')).toBe(false);
  });
});

describe('the order as sent', () => {
  it('names the service and no purchaser; the district only when known', () => {
    const order = shopOrderOf(values(), { id: 'svc_1', category: 'cleaning' });
    expect(order).toEqual({
      origin: 'shop',
      service_id: 'svc_1',
      category: 'cleaning',
      municipality_code: 'fi-837',
      district_code: 'fi-837-hervanta',
      language: 'sv',
      address: 'Insinöörinkatu 48 B 17, 33720 Tampere',
      door_code: 'B 2468',
      contact_phone: '+358401234567',
      needs: '',
      schedule: { frequency: 'weekly', interval: 2, weekdays: [2], start_date: '2026-12-01', window_start: '10:00', window_end: '12:00', skip_public_holidays: true },
      duration_minutes: 120,
    });
    expect('purchaser_id' in order).toBe(false);
    expect(shopOrderOf(values({ district: '' }), { id: 'svc_1', category: 'cleaning' })).not.toHaveProperty('district_code');
  });

  it('takes the page’s language when the service is given in it', () => {
    expect(defaultServiceLanguage(['sv', 'fi'], 'fi')).toBe('fi');
    expect(defaultServiceLanguage(['sv', 'fi'], 'en')).toBe('sv');
  });

  it('puts the server’s messages at the form’s fields and knows a taken address', () => {
    expect(shopFieldOf('schedule')).toBe('schedule.start_date');
    expect(shopFieldOf('account.phone')).toBe('contact_phone');
    expect(shopFieldOf('account.email')).toBe('account.email');
    expect(shopFieldOf('grants[0]')).toBe('pay_from');
    expect(emailTaken([{ field: 'account.email', message: 'already has an account: sign in to order' }])).toBe(true);
    expect(emailTaken([{ field: 'account.email', message: 'is not an e-mail address' }])).toBe(false);
  });
});

describe('payableGrants', () => {
  const grant = (over: Record<string, unknown>) => ({
    id: 'grt_1',
    kind: 'periodic_budget' as const,
    categories: ['home_help', 'cleaning'],
    state: 'active',
    valid_from: '2025-01-01',
    valid_until: null as string | null,
    ...over,
  });

  it('offers the active grants of a shop kind that cover the category on the day', () => {
    const grants = [
      grant({ id: 'budget' }),
      grant({ id: 'voucher', kind: 'voucher' }),
      grant({ id: 'purchased', kind: 'purchased_service' }),
      grant({ id: 'other', categories: ['shopping'] }),
      grant({ id: 'ended', state: 'ended' }),
      grant({ id: 'later', valid_from: '2027-01-01' }),
      grant({ id: 'over', valid_until: '2026-11-26' }),
    ];
    expect(payableGrants(grants, 'home_help', '2026-11-27').map((g) => g.id)).toEqual(['budget', 'voucher']);
  });
});
