// The order form's pure parts: which providers a client may choose and at what price, where the
// client lives (from the postal code or the last order), and the form's values as the API's order.
import type { Agreement, Grant, NewOrder, Order, Place, ServiceSummary, VoucherApproval } from '../api/types';
import type { VisitPricing } from './funding';
import { scheduleOf, type ScheduleChoice } from './schedule';

/** A provider the client may choose, with how it prices a visit. */
export interface ProviderOption {
  providerId: string;
  providerName: string;
  /** agreement: ordered by the purchaser at the agreement's price; service: the provider's published service */
  source: 'agreement' | 'service';
  serviceId?: string;
  pricing: VisitPricing | null;
  languages: readonly string[];
  /** whether the provider serves the client's municipality (null: not known) */
  servesArea: boolean | null;
}

/** Grants whose payer approves the providers the client chooses among. */
export function isChoiceGrant(g: Pick<Grant, 'kind'>): boolean {
  return g.kind === 'voucher' || g.kind === 'free_choice';
}

export function agreementPricing(a: Agreement): VisitPricing {
  return {
    model: a.price_model ?? 'hourly',
    amount_cents: a.price_cents ?? 0,
    currency: a.currency ?? 'EUR',
    billing_unit_minutes: a.billing_unit_minutes ?? 1,
    minimum_minutes: a.minimum_minutes ?? 0,
    minimum_cents: 0,
  };
}

/** A published service's price as the server bills a delivery of it: started quarter hours. */
export function servicePricing(s: Pick<ServiceSummary, 'price'>): VisitPricing {
  return {
    model: s.price.model,
    amount_cents: s.price.amount,
    currency: s.price.currency,
    billing_unit_minutes: 15,
    minimum_minutes: 0,
    minimum_cents: s.price.minimum_charge ?? 0,
  };
}

/**
 * The providers to choose among. With the purchaser's agreements readable (its own staff), each
 * provider with an active agreement for the category; otherwise (the client, a delegate) each
 * provider's published service of the category, preferring one that takes the payer's vouchers
 * and then the cheapest. For a voucher only approved providers count.
 */
export function providerOptions(input: {
  category: string;
  municipality: string;
  approvals: readonly VoucherApproval[] | null;
  agreements: readonly Agreement[] | null;
  services: readonly ServiceSummary[];
  payerId: string;
}): ProviderOption[] {
  const approved = input.approvals
    ? new Map(input.approvals.filter((a) => a.category === input.category).map((a) => [a.provider_id ?? '', a.provider_name ?? '']))
    : null;
  const allowed = (id: string) => !approved || approved.has(id);
  const out: ProviderOption[] = [];
  if (input.agreements) {
    for (const a of input.agreements) {
      if (a.state && a.state !== 'active') continue;
      if (!(a.categories ?? []).includes(input.category) || !allowed(a.provider_id ?? '')) continue;
      out.push({
        providerId: a.provider_id ?? '',
        providerName: a.provider_name ?? '',
        source: 'agreement',
        pricing: agreementPricing(a),
        languages: a.languages ?? [],
        servesArea: input.municipality ? (a.municipalities ?? []).includes(input.municipality) : null,
      });
    }
  } else {
    const best = new Map<string, ServiceSummary>();
    const score = (s: ServiceSummary) => [(s.vouchers ?? []).includes(input.payerId) ? 0 : 1, s.price.model === 'hourly' ? 0 : 1, s.price.amount];
    const better = (a: ServiceSummary, b: ServiceSummary) => {
      const x = score(a);
      const y = score(b);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
      return false;
    };
    for (const s of input.services) {
      if (s.category !== input.category || !allowed(s.provider.id)) continue;
      const seen = best.get(s.provider.id);
      if (!seen || better(s, seen)) best.set(s.provider.id, s);
    }
    for (const s of best.values()) {
      out.push({
        providerId: s.provider.id,
        providerName: s.provider.name,
        source: 'service',
        serviceId: s.id,
        pricing: servicePricing(s),
        languages: s.languages ?? [],
        servesArea: true,
      });
    }
  }
  // Approved providers without an agreement or a service: shown, but nothing to order from.
  if (approved) {
    for (const [id, name] of approved) {
      if (!out.some((o) => o.providerId === id)) {
        out.push({ providerId: id, providerName: name, source: 'service', pricing: null, languages: [], servesArea: null });
      }
    }
  }
  return out;
}

/** The client's most recent order, of the category if there is one: the address and needs come from it. */
export function lastOrder(orders: readonly Order[], category: string): Order | undefined {
  const byTime = [...orders].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  return byTime.find((o) => o.category === category) ?? byTime[0];
}

/** The municipality and district of an address, from its five-digit postal code. */
export function placeOfAddress(address: string, places: readonly Place[]): { municipality: string; district: string } | null {
  const codes = address.match(/\b\d{5}\b/g);
  if (!codes) return null;
  const code = codes[codes.length - 1]!;
  const municipality = places.find((p) => p.kind === 'municipality' && (p.postal_codes ?? []).includes(code));
  if (!municipality) return null;
  const districts = places.filter((p) => p.kind === 'district' && p.municipality_code === municipality.code && (p.postal_codes ?? []).includes(code));
  return { municipality: municipality.code, district: districts.length === 1 ? districts[0]!.code : '' };
}

/** Tasks typed one a line: trimmed, blank lines dropped. */
export function tasksOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface OrderChoice {
  clientId: string;
  grant: Pick<Grant, 'id' | 'payer_id'>;
  category: string;
  /** null: no preference (the purchaser's routing chooses) */
  option: ProviderOption | null;
  municipality: string;
  district: string;
  language: string;
  needs: string;
  address: string;
  doorCode: string;
  phone: string;
  schedule: ScheduleChoice;
  durationMinutes: number;
  tasks: string;
}

/** The form as POST /api/v1/orders takes it. */
export function newOrderOf(c: OrderChoice): NewOrder {
  const viaService = c.option?.source === 'service';
  const order: NewOrder = {
    client_id: c.clientId,
    origin: viaService ? 'shop' : 'purchaser',
    category: c.category,
    municipality_code: c.municipality,
    language: c.language,
    needs: c.needs.trim(),
    address: c.address.trim(),
    door_code: c.doorCode.trim(),
    contact_phone: c.phone.trim(),
    schedule: scheduleOf(c.schedule),
    duration_minutes: c.durationMinutes,
    grants: [c.grant.id],
    tasks: tasksOf(c.tasks),
  };
  if (c.district) order.district_code = c.district;
  if (viaService) {
    if (c.option?.serviceId) order.service_id = c.option.serviceId;
  } else {
    order.purchaser_id = c.grant.payer_id;
    if (c.option) order.provider_id = c.option.providerId;
  }
  return order;
}
