// The shop's order form, its pure parts: where the service goes (as the server's routing decides
// it), the form as it starts and the place the order goes to, the price of one visit with the
// household-deduction estimate, the first visit of a schedule, and the form as POST
// /api/v1/orders and POST /api/v1/shop/orders take it.
import type { Grant, Language, NewOrder, Place, PublicService, Schedule, ServiceArea, ServicePrice } from '../api/types';
import { estimateVisit } from './funding';
import { servicePricing } from './orderForm';
import { householdDeductionEstimate, type PlaceCodes } from './price';
import { addDays, isoWeekday, minutesBetween, scheduleOf, type ScheduleChoice } from './schedule';

/** What the shop's order form asks about the order itself. */
export interface ShopOrderValues {
  schedule: ScheduleChoice;
  durationMinutes: number;
  address: string;
  /** '' until the postal code or the person names one */
  municipality: string;
  district: string;
  doorCode: string;
  phone: string;
  needs: string;
  /** the language the service is given in */
  language: string;
}

/** What a visitor gives for the account the order creates (the phone is the order's). */
export interface AccountValues {
  name: string;
  email: string;
  password: string;
  language: Language;
}

/**
 * Whether the service goes to this place, as the server's routing decides it
 * (src/orders/order_cascade.cpp): the municipality is one of the service's, or the district is.
 * A shop order to a place outside is declined at once, so the form says so before sending.
 */
export function servesPlace(area: ServiceArea | undefined, municipality: string, district: string): boolean {
  if (!municipality) return false;
  if ((area?.municipalities ?? []).includes(municipality)) return true;
  return district !== '' && (area?.districts ?? []).includes(district);
}

/**
 * The places to choose among when the postal code does not tell: the service's municipalities
 * and the municipalities of its districts, and per municipality the districts (all of them where
 * the whole municipality is served, else only the service's, and then one must be chosen).
 */
export function areaChoices(
  area: ServiceArea | undefined,
  places: readonly Place[],
): { municipality: Place; districts: Place[]; districtRequired: boolean }[] {
  const whole = new Set(area?.municipalities ?? []);
  const partial = new Set(area?.districts ?? []);
  const byCode = new Map(places.map((p) => [p.code, p]));
  const codes = new Set<string>(whole);
  for (const d of partial) {
    const place = byCode.get(d);
    if (place) codes.add(place.municipality_code);
  }
  const out: { municipality: Place; districts: Place[]; districtRequired: boolean }[] = [];
  for (const code of codes) {
    const municipality = byCode.get(code);
    if (!municipality || municipality.kind !== 'municipality') continue;
    const all = places.filter((p) => p.kind === 'district' && p.municipality_code === code);
    const served = whole.has(code) ? all : all.filter((p) => partial.has(p.code));
    out.push({ municipality, districts: served, districtRequired: !whole.has(code) });
  }
  return out;
}

/** The order's language: the page's when the service is given in it, else the service's first. */
export function defaultServiceLanguage(serviceLanguages: readonly string[], pageLanguage: string): string {
  if (serviceLanguages.includes(pageLanguage)) return pageLanguage;
  return serviceLanguages[0] ?? pageLanguage;
}

/** The first day one may order for: tomorrow, or later when the provider asks for more notice. */
export function earliestStart(today: string, leadTimeDays: number | undefined): string {
  return addDays(today, Math.max(1, leadTimeDays ?? 0)) ?? today;
}

/**
 * The form before anything is typed: one visit of two hours on the earliest day, between 10 and
 * 12, in `language` when the service is given in it (else the service's first language).
 */
export function newShopOrder(service: Pick<PublicService, 'languages'>, earliest: string, language: string): ShopOrderValues {
  return {
    schedule: {
      repeat: 'once',
      interval: 2,
      weekdays: [isoWeekday(earliest)],
      startDate: earliest,
      windowStart: '10:00',
      windowEnd: '12:00',
      skipHolidays: true,
    },
    durationMinutes: 120,
    address: '',
    municipality: '',
    district: '',
    doorCode: '',
    phone: '',
    needs: '',
    language: defaultServiceLanguage(service.languages ?? [], language),
  };
}

/** A municipality and, where there is one, a district ('' for none). */
export interface OrderPlace {
  municipality: string;
  district: string;
}

/**
 * Where the order goes: the place the address's postal code names (`derived`, see
 * placeOfAddress), keeping a district chosen by hand in that municipality when the code names
 * none; the place chosen by hand when the code names nothing.
 */
export function orderPlace(v: Pick<ShopOrderValues, 'municipality' | 'district'>, derived: OrderPlace | null): OrderPlace {
  if (!derived) return { municipality: v.municipality, district: v.district };
  return { municipality: derived.municipality, district: derived.district || (v.municipality === derived.municipality ? v.district : '') };
}

/** The place shown in words (named by the postal code) has no field of its own: its problems are the address's. */
export function placeFieldOf(field: string, derived: OrderPlace | null): string {
  return derived && (field === 'municipality_code' || (field === 'district_code' && derived.district)) ? 'address' : field;
}

/**
 * The first visit's date as the server plans it (src/calendar/recurrence.cpp): a one-off on its
 * date; a weekly order on its first chosen weekday on or after the start, counting weeks from the
 * start's week. Public holidays are not known here; the provider confirms the date on accepting.
 */
export function firstVisitDate(s: Schedule): string {
  if (!s.frequency || s.frequency !== 'weekly') return s.start_date;
  const start = isoWeekday(s.start_date);
  const days = [...(s.weekdays && s.weekdays.length > 0 ? s.weekdays : [start])].sort((a, b) => a - b);
  const later = days.find((d) => d >= start);
  if (later !== undefined) return addDays(s.start_date, later - start) ?? s.start_date;
  const interval = Math.max(1, s.interval ?? 1);
  return addDays(s.start_date, 7 * interval - (start - days[0]!)) ?? s.start_date;
}

/** One visit's price by the service's published price, and what the household deduction gives back. */
export function visitEstimate(
  price: ServicePrice,
  minutes: number,
  area?: PlaceCodes | null,
): { priceCents: number; billableMinutes: number; minimumApplies: boolean; deductionCents: number | null } {
  const pricing = servicePricing({ price });
  const visit = estimateVisit(pricing, minutes);
  const unpriced = estimateVisit({ ...pricing, minimum_cents: 0 }, minutes);
  return {
    priceCents: visit.price_cents,
    billableMinutes: visit.billable_minutes,
    minimumApplies: visit.price_cents > unpriced.price_cents,
    deductionCents: householdDeductionEstimate(
      { amount: visit.price_cents, currency: price.currency, labour_share_bp: price.labour_share_bp },
      area,
    ),
  };
}

/**
 * A phone number the server takes (src/common/validate.cpp NormalizePhone): "+" or "00", the
 * country code and 8 to 15 digits in all; spaces, dashes, dots and brackets are left out.
 */
export function isInternationalPhone(text: string): boolean {
  let s = text.replace(/[\s\-.()]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  return /^\+[1-9]\d{7,14}$/.test(s);
}

/** Problems the form can tell before sending, by the server's field names; keys are i18n keys. */
export function checkShopOrder(
  v: ShopOrderValues,
  ctx: { earliest: string; area: ServiceArea | undefined; places: readonly Place[] },
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.address.trim()) out.address = 'fieldMessages.required';
  else if (!v.municipality) out.municipality_code = 'shopOrder.choosePlace';
  else if (!servesPlace(ctx.area, v.municipality, v.district)) {
    const partly = areaChoices(ctx.area, ctx.places).some((c) => c.municipality.code === v.municipality && c.districtRequired);
    if (partly && !v.district) out.district_code = 'shopOrder.chooseDistrict';
    else out.municipality_code = 'shopOrder.notServed';
  }
  const s = v.schedule;
  if (!s.startDate) out['schedule.start_date'] = 'fieldMessages.required';
  else if (s.startDate < ctx.earliest) out['schedule.start_date'] = 'shopOrder.tooSoon';
  if (s.repeat === 'weekly' && s.weekdays.length === 0) out['schedule.weekdays'] = 'shopOrder.chooseDay';
  if (v.phone.trim() && !isInternationalPhone(v.phone)) out.contact_phone = 'fieldMessages.phone';
  const window = minutesBetween(s.windowStart, s.windowEnd);
  if (window === null) out['schedule.window_start'] = 'fieldMessages.time';
  else if (window <= 0) out['schedule.window_end'] = 'fieldMessages.window';
  else if (v.durationMinutes > window) out.duration_minutes = 'shopOrder.doesNotFit';
  return out;
}

/** Problems with the account fields the form can tell before sending (each costs a sign-up try). */
export function checkAccount(a: AccountValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!a.name.trim()) out['account.name'] = 'fieldMessages.required';
  if (!a.email.trim()) out['account.email'] = 'fieldMessages.required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) out['account.email'] = 'fieldMessages.email';
  if (!a.password) out['account.password'] = 'fieldMessages.required';
  else if ([...a.password].length < 12) out['account.password'] = 'fieldMessages.passwordShort';
  return out;
}

/** The order as the shop sends it: no purchaser (the client pays), the service named. */
export function shopOrderOf(
  v: ShopOrderValues,
  service: Pick<PublicService, 'id' | 'category'>,
): Omit<NewOrder, 'client_id'> & { service_id: string } {
  const order: Omit<NewOrder, 'client_id'> & { service_id: string } = {
    origin: 'shop',
    service_id: service.id,
    category: service.category ?? '',
    municipality_code: v.municipality,
    language: v.language,
    address: v.address.trim(),
    door_code: v.doorCode.trim(),
    contact_phone: v.phone.trim(),
    needs: v.needs.trim(),
    schedule: scheduleOf(v.schedule),
    duration_minutes: v.durationMinutes,
  };
  if (v.district) order.district_code = v.district;
  return order;
}

/**
 * The server's field paths → the form's fields: the schedule as a whole at its first date, the
 * account's phone at the order's phone (one phone field), a client id at "for whom".
 */
export function shopFieldOf(path: string): string {
  if (path === 'schedule' || path === 'schedule.until' || path === 'schedule.count') return 'schedule.start_date';
  if (path === 'schedule.interval' || path === 'schedule.frequency') return 'schedule.weekdays';
  if (path === 'account.phone' || path === 'phone') return 'contact_phone';
  if (path === 'client_id') return 'whose';
  if (path === 'grants' || path.startsWith('grants[') || path.startsWith('grants.')) return 'pay_from';
  if (path === 'service_id' || path === 'category') return 'service';
  return path;
}

export const SHOP_ORDER_FIELDS = [
  'whose',
  'pay_from',
  'duration_minutes',
  'needs',
  'schedule.start_date',
  'schedule.window_start',
  'schedule.window_end',
  'schedule.weekdays',
  'address',
  'municipality_code',
  'district_code',
  'door_code',
  'contact_phone',
  'language',
  'account.name',
  'account.email',
  'account.password',
  'account.language',
];

/** Whether an answer says the e-mail address already has an account (sign in instead). */
export function emailTaken(errors: readonly { field: string; message: string }[] | undefined): boolean {
  return (errors ?? []).some((e) => e.field === 'account.email' && e.message.startsWith('already has an account'));
}

// What was typed, kept in this tab while the person signs in to an account they already have,
// so the form comes back as it was. The password is never kept.
const DRAFT_KEY = 'allmende.shopOrderDraft';

export interface ShopOrderDraft {
  serviceId: string;
  values: ShopOrderValues;
  account: Omit<AccountValues, 'password'>;
}

export function keepDraft(draft: ShopOrderDraft): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // no storage: the form starts empty after signing in
  }
}

/** The draft kept for this service; null when there is none (clearDraft removes it once used). */
export function readDraft(serviceId: string): ShopOrderDraft | null {
  try {
    const text = window.sessionStorage.getItem(DRAFT_KEY);
    if (!text) return null;
    const draft = JSON.parse(text) as ShopOrderDraft;
    return draft.serviceId === serviceId && draft.values?.schedule ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing kept
  }
}

/** The kinds of grant a shop order can be paid from (a purchased service is ordered by the purchaser). */
export const SHOP_PAYABLE_KINDS: readonly string[] = ['periodic_budget', 'voucher', 'free_choice', 'employer_benefit'];

/**
 * The client's grants that can pay for a shop order of this category on this day: active, of a
 * kind the shop takes, covering the category, valid on the day.
 */
export function payableGrants<G extends Pick<Grant, 'kind' | 'categories' | 'state' | 'valid_from' | 'valid_until'>>(
  grants: readonly G[],
  category: string,
  day: string,
): G[] {
  return grants.filter(
    (g) =>
      (g.state ?? 'active') === 'active' &&
      SHOP_PAYABLE_KINDS.includes(g.kind) &&
      (g.categories ?? []).includes(category) &&
      g.valid_from <= day &&
      (!g.valid_until || g.valid_until >= day),
  );
}
