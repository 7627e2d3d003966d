import { describe, expect, it } from 'vitest';
import type { Agreement, Place, ServiceSummary, VoucherApproval } from '../api/types';
import { lastOrder, newOrderOf, placeOfAddress, providerOptions, tasksOf, type ProviderOption } from './orderForm';

const approvals: VoucherApproval[] = [
  { purchaser_id: 'org_w', provider_id: 'org_h', provider_name: 'Hervannan Kotisiivous Oy', category: 'cleaning' },
  { purchaser_id: 'org_w', provider_id: 'org_p', provider_name: 'Pirkan Kotiapu Oy', category: 'cleaning' },
  { purchaser_id: 'org_w', provider_id: 'org_t', provider_name: 'Tammerfors Hemservice Ab', category: 'cleaning' },
];

function service(id: string, provider: string, amount: number, vouchers: string[] = [], category = 'cleaning'): ServiceSummary {
  return {
    id,
    name: { fi: id },
    provider: { id: provider, name: provider },
    category,
    price: { model: 'hourly', amount, currency: 'EUR', minimum_charge: 0 },
    languages: ['fi'],
    area: { municipalities: ['fi-837'] },
    vouchers,
  } as unknown as ServiceSummary;
}

describe('providerOptions', () => {
  it('takes the purchaser’s agreements when they can be read, only approved providers for a voucher', () => {
    const agreements = [
      { id: 'a1', provider_id: 'org_h', provider_name: 'H', categories: ['cleaning'], municipalities: ['fi-837'], languages: ['fi'], price_model: 'hourly', price_cents: 3900, billing_unit_minutes: 15, minimum_minutes: 60, state: 'active' },
      { id: 'a2', provider_id: 'org_x', provider_name: 'X', categories: ['cleaning'], municipalities: ['fi-837'], price_model: 'hourly', price_cents: 3000, state: 'active' },
      { id: 'a3', provider_id: 'org_p', provider_name: 'P', categories: ['shopping'], municipalities: ['fi-837'], price_model: 'hourly', price_cents: 3700, state: 'active' },
    ] as Agreement[];
    const options = providerOptions({ category: 'cleaning', municipality: 'fi-562', approvals, agreements, services: [], payerId: 'org_w' });
    expect(options.map((o) => [o.providerId, o.source, o.pricing?.amount_cents ?? null, o.servesArea])).toEqual([
      ['org_h', 'agreement', 3900, false],
      ['org_p', 'service', null, null],
      ['org_t', 'service', null, null],
    ]);
  });

  it('otherwise takes each approved provider’s service, preferring one that takes the voucher, then the cheapest', () => {
    const services = [
      service('s1', 'org_h', 4690),
      service('s2', 'org_h', 4290, ['org_w']),
      service('s3', 'org_p', 3990, ['org_w']),
      service('s4', 'org_other', 1000, ['org_w']),
      service('s5', 'org_p', 1000, ['org_w'], 'shopping'),
    ];
    const options = providerOptions({ category: 'cleaning', municipality: 'fi-837', approvals, agreements: null, services, payerId: 'org_w' });
    expect(options.map((o) => [o.providerId, o.serviceId ?? null])).toEqual([
      ['org_h', 's2'],
      ['org_p', 's3'],
      ['org_t', null],
    ]);
  });
});

describe('newOrderOf', () => {
  const base = {
    clientId: 'usr_a',
    grant: { id: 'grt_1', payer_id: 'org_w' },
    category: 'cleaning',
    municipality: 'fi-837',
    district: 'fi-837-hervanta',
    language: 'fi',
    needs: ' Kissa kotona ',
    address: 'Insinöörinkatu 48 B 17, 33720 Tampere',
    doorCode: 'B 2468',
    phone: '+358401234567',
    schedule: { repeat: 'once' as const, interval: 1, weekdays: [], startDate: '2026-12-01', windowStart: '10:00', windowEnd: '12:00', skipHolidays: true },
    durationMinutes: 120,
    tasks: 'Imurointi\n\n Kylpyhuone ',
  };
  const viaAgreement: ProviderOption = { providerId: 'org_h', providerName: 'H', source: 'agreement', pricing: null, languages: [], servesArea: true };
  const viaService: ProviderOption = { ...viaAgreement, source: 'service', serviceId: 'svc_1' };

  it('orders through the purchaser with the chosen provider when the price is the agreement’s', () => {
    const o = newOrderOf({ ...base, option: viaAgreement });
    expect(o).toMatchObject({ origin: 'purchaser', purchaser_id: 'org_w', provider_id: 'org_h', grants: ['grt_1'], needs: 'Kissa kotona', tasks: ['Imurointi', 'Kylpyhuone'] });
    expect(o.service_id).toBeUndefined();
  });

  it('orders the provider’s published service when its price is the one compared', () => {
    const o = newOrderOf({ ...base, option: viaService });
    expect(o).toMatchObject({ origin: 'shop', service_id: 'svc_1', grants: ['grt_1'] });
    expect(o.purchaser_id).toBeUndefined();
  });

  it('leaves the provider to the routing for no preference', () => {
    const o = newOrderOf({ ...base, option: null });
    expect(o.origin).toBe('purchaser');
    expect(o.provider_id).toBeUndefined();
  });
});

describe('the address', () => {
  const places = [
    { code: 'fi-837', kind: 'municipality', municipality_code: 'fi-837', name: { fi: 'Tampere' }, postal_codes: ['33720', '33100'] },
    { code: 'fi-837-hervanta', kind: 'district', municipality_code: 'fi-837', name: { fi: 'Hervanta' }, postal_codes: ['33720'] },
  ] as Place[];

  it('finds the municipality and district from the postal code', () => {
    expect(placeOfAddress('Insinöörinkatu 48 B 17, 33720 Tampere', places)).toEqual({ municipality: 'fi-837', district: 'fi-837-hervanta' });
    expect(placeOfAddress('Hämeenkatu 1, 33100 Tampere', places)).toEqual({ municipality: 'fi-837', district: '' });
    expect(placeOfAddress('Keskustie 12', places)).toBeNull();
  });

  it('starts from the latest order of the same service', () => {
    const orders = [
      { id: 'o1', category: 'cleaning', created_at: '2026-01-01T00:00:00Z' },
      { id: 'o2', category: 'shopping', created_at: '2026-03-01T00:00:00Z' },
      { id: 'o3', category: 'cleaning', created_at: '2026-02-01T00:00:00Z' },
    ] as unknown as Parameters<typeof lastOrder>[0];
    expect(lastOrder(orders, 'cleaning')?.id).toBe('o3');
    expect(lastOrder(orders, 'meals')?.id).toBe('o2');
    expect(tasksOf('a\n\n b \n')).toEqual(['a', 'b']);
  });
});
