// The provider's service editor as plain data: what the form holds (texts as typed, euros and
// percentages as typed), the ServiceContent it sends, the server's field paths mapped to the
// form's fields, and what differs between a draft and the published version.
import type { Language, OpeningHours, PriceModel, ServiceContent } from '../api/types';
import { moneyForInput, parseMoney, parsePercent, percentForInput } from './price';

export const TEXT_LANGUAGES = ['fi', 'sv', 'en', 'de', 'da'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Finland's general VAT rate since 1 September 2024, the default of a new service. */
export const DEFAULT_VAT_BP = 2550;

export interface ServiceForm {
  name: Record<TextLanguage, string>;
  description: Record<TextLanguage, string>;
  category: string;
  municipalities: string[];
  districts: string[];
  /** Postal codes as typed, separated by spaces or commas. */
  postalCodes: string;
  languages: string[];
  priceModel: PriceModel;
  /** Euros as typed: "32,50". */
  amount: string;
  currency: 'EUR' | 'DKK' | 'SEK';
  minimumCharge: string;
  /** Percent as typed: "25,5". */
  vatRate: string;
  labourShare: string;
  vouchers: string[];
  hours: OpeningHours[];
  capacityPerWeek: string;
  leadTimeDays: string;
  /** Kept as loaded (images are not edited here yet). */
  imageIds: string[];
}

function texts(source: Record<string, string> | undefined): Record<TextLanguage, string> {
  const out = { fi: '', sv: '', en: '', de: '', da: '' };
  for (const l of TEXT_LANGUAGES) out[l] = source?.[l] ?? '';
  return out;
}

export function emptyForm(lang: Language): ServiceForm {
  return {
    name: texts(undefined),
    description: texts(undefined),
    category: '',
    municipalities: [],
    districts: [],
    postalCodes: '',
    languages: [lang === 'sv' ? 'sv' : 'fi'],
    priceModel: 'hourly',
    amount: '',
    currency: 'EUR',
    minimumCharge: '',
    vatRate: percentForInput(DEFAULT_VAT_BP, lang),
    labourShare: '',
    vouchers: [],
    hours: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, opens: '08:00', closes: '16:00' })),
    capacityPerWeek: '',
    leadTimeDays: '',
    imageIds: [],
  };
}

export function contentToForm(c: ServiceContent, lang: Language): ServiceForm {
  const price = c.price;
  return {
    name: texts(c.name),
    description: texts(c.description),
    category: c.category ?? '',
    municipalities: [...(c.area?.municipalities ?? [])],
    districts: [...(c.area?.districts ?? [])],
    postalCodes: (c.area?.postal_codes ?? []).join(' '),
    languages: [...(c.languages ?? [])],
    priceModel: price?.model ?? 'hourly',
    amount: price ? moneyForInput(price.amount, lang) : '',
    currency: price?.currency ?? 'EUR',
    minimumCharge: price?.minimum_charge ? moneyForInput(price.minimum_charge, lang) : '',
    vatRate: percentForInput(price?.vat_rate_bp ?? 0, lang),
    labourShare: price?.labour_share_bp ? percentForInput(price.labour_share_bp, lang) : '',
    vouchers: [...(c.vouchers ?? [])],
    hours: (c.hours ?? []).map((h) => ({ ...h })),
    capacityPerWeek: c.capacity_per_week ? String(c.capacity_per_week) : '',
    leadTimeDays: c.lead_time_days ? String(c.lead_time_days) : '',
    imageIds: [...(c.image_ids ?? [])],
  };
}

/** What the browser finds wrong before sending: field → message key (with values). */
export type FormProblems = Record<string, { key: string; values?: Record<string, string | number> }>;

function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/**
 * The content to send, and what cannot be sent as typed (a price that is no number). Rules the
 * server checks (a name in some language, a category, an area) are left to the server, whose
 * messages appear beside the same fields.
 */
export function formToContent(f: ServiceForm): { content: ServiceContent; problems: FormProblems } {
  const problems: FormProblems = {};
  const trimmed = (r: Record<TextLanguage, string>) => {
    const out: Record<string, string> = {};
    for (const l of TEXT_LANGUAGES) if (r[l].trim()) out[l] = r[l].trim();
    return out;
  };
  const amount = parseMoney(f.amount);
  if (amount === null) problems['price.amount'] = { key: f.amount.trim() ? 'editor.problems.money' : 'editor.problems.priceMissing' };
  const minimum = f.minimumCharge.trim() ? parseMoney(f.minimumCharge) : 0;
  if (minimum === null) problems['price.minimum_charge'] = { key: 'editor.problems.money' };
  const vat = f.vatRate.trim() ? parsePercent(f.vatRate) : 0;
  if (vat === null) problems['price.vat_rate_bp'] = { key: 'editor.problems.percent' };
  const labour = f.labourShare.trim() ? parsePercent(f.labourShare) : 0;
  if (labour === null) problems['price.labour_share_bp'] = { key: 'editor.problems.percent' };
  const capacity = wholeNumber(f.capacityPerWeek);
  if (capacity === null) problems.capacity_per_week = { key: 'editor.problems.wholeNumber' };
  const lead = wholeNumber(f.leadTimeDays);
  if (lead === null) problems.lead_time_days = { key: 'editor.problems.wholeNumber' };
  const postal = f.postalCodes.split(/[\s,;]+/).filter(Boolean);
  if (postal.some((p) => !/^\d{5}$/.test(p))) problems['area.postal_codes'] = { key: 'editor.problems.postalCode' };
  const content: ServiceContent = {
    name: trimmed(f.name),
    description: trimmed(f.description),
    category: f.category,
    area: { municipalities: [...f.municipalities], districts: [...f.districts], postal_codes: postal },
    languages: [...f.languages],
    price: {
      model: f.priceModel,
      amount: amount ?? 0,
      currency: f.currency,
      minimum_charge: minimum ?? 0,
      vat_rate_bp: vat ?? 0,
      labour_share_bp: labour ?? 0,
    },
    vouchers: [...f.vouchers],
    hours: f.hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    capacity_per_week: capacity ?? 0,
    lead_time_days: lead ?? 0,
    image_ids: [...f.imageIds],
  };
  return { content, problems };
}

/**
 * The form field a server error path belongs to: an item of a list belongs to the list
 * ("languages[1]" → "languages", "area.districts[0]" → "area"), a period of the opening hours to
 * its row ("hours[2].closes" → "hours.2").
 */
export function fieldOf(path: string): string {
  const hours = /^hours\[(\d+)\]/.exec(path);
  if (hours) return `hours.${hours[1]}`;
  const base = path.replace(/\[\d+\].*$/, '');
  if (base === 'area.municipalities' || base === 'area.districts') return 'area';
  return base;
}

/** The form fields a server error may name, for formErrors. */
export function editorFields(hourRows: number): string[] {
  const fields = [
    'name',
    ...TEXT_LANGUAGES.map((l) => `name.${l}`),
    ...TEXT_LANGUAGES.map((l) => `description.${l}`),
    'category',
    'area',
    'area.postal_codes',
    'languages',
    'price.model',
    'price.amount',
    'price.currency',
    'price.minimum_charge',
    'price.vat_rate_bp',
    'price.labour_share_bp',
    'vouchers',
    'hours',
    'capacity_per_week',
    'lead_time_days',
  ];
  for (let i = 0; i < hourRows; i++) fields.push(`hours.${i}`);
  return fields;
}

/** The parts of a service a reviewer compares, in the order the page shows them. */
export const CONTENT_PARTS = [
  'name',
  'description',
  'category',
  'price',
  'area',
  'languages',
  'vouchers',
  'hours',
  'capacity_per_week',
  'lead_time_days',
] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

function normalized(c: ServiceContent | null | undefined, part: ContentPart): string {
  const v = c?.[part];
  if (v === undefined || v === null) return '';
  if (part === 'hours') {
    if ((v as OpeningHours[]).length === 0) return '';
    return JSON.stringify(
      [...((v as OpeningHours[]) ?? [])].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    );
  }
  if (Array.isArray(v)) return v.length ? JSON.stringify([...v].sort()) : '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const x = o[k];
      if (x === '' || x === 0 || (Array.isArray(x) && x.length === 0)) continue;
      sorted[k] = Array.isArray(x) ? [...x].sort() : x;
    }
    return JSON.stringify(sorted);
  }
  return v === 0 ? '' : String(v);
}

/** The parts in which a draft differs from the published version (all of them for a new service). */
export function changedParts(published: ServiceContent | null | undefined, draft: ServiceContent | null | undefined): ContentPart[] {
  if (!published) return CONTENT_PARTS.filter((p) => normalized(draft, p) !== '');
  return CONTENT_PARTS.filter((p) => normalized(published, p) !== normalized(draft, p));
}
