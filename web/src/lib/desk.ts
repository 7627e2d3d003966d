// The advice desk's pure parts: the channels, outcomes and ways of consent the API knows, the
// purpose an advisor states for the access log, the find and register forms as the API takes them,
// the call timer's minutes, and moving through the search results with the arrow keys.
import type {
  AdviceChannel,
  AdviceOutcome,
  ClientQuery,
  ClientRecord,
  ConsentState,
  ConsentWay,
  Language,
  LookAlike,
  NewClient,
} from '../api/types';
import { localeOf } from './format';

export const CHANNELS = ['phone', 'service_point', 'home_visit', 'chat', 'email'] as const satisfies readonly AdviceChannel[];
export const OUTCOMES = ['informed', 'order_placed', 'referred', 'follow_up', 'no_action'] as const satisfies readonly AdviceOutcome[];
export const CONSENT_WAYS = ['phone', 'in_person', 'written', 'digital'] as const satisfies readonly ConsentWay[];
export const CONSENT_STATES = ['active', 'withdrawn', 'expired'] as const satisfies readonly ConsentState[];
export const LOOK_ALIKE_REASONS = ['name_and_birth_date', 'phone', 'identity_code'] as const satisfies readonly LookAlike['reason'][];

export function isChannel(v: unknown): v is AdviceChannel {
  return typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);
}

/** How a consent given over this channel was most likely given. */
export function consentWayOf(channel: AdviceChannel): ConsentWay {
  if (channel === 'phone') return 'phone';
  if (channel === 'chat') return 'digital';
  if (channel === 'email') return 'written';
  return 'in_person';
}

/**
 * The reason an advisor states for opening a record, as the client reads it in their access log:
 * in the advisor's language with the English words after it ("Neuvontapuhelu / advice call"), so
 * a client who reads another language still understands; at most 200 characters.
 */
export function accessPurpose(local: string, english: string, lang: Language): string {
  const text = lang === 'en' || local === english ? english : `${local} / ${english.charAt(0).toLowerCase()}${english.slice(1)}`;
  return text.slice(0, 200);
}

/** What the find form asks. */
export interface FindValues {
  name: string;
  birthDate: string;
  phone: string;
  identityCode: string;
}

export const NO_FIND: FindValues = { name: '', birthDate: '', phone: '', identityCode: '' };

/** The search as the API takes it, empty fields left out; null when every field is empty. */
export function clientQueryOf(v: FindValues, limit = 20): ClientQuery | null {
  const q: ClientQuery = { limit };
  if (v.name.trim()) q.q = v.name.trim();
  if (v.birthDate.trim()) q.birth_date = v.birthDate.trim();
  if (v.phone.trim()) q.phone = v.phone.trim();
  if (v.identityCode.trim()) q.identity_code = v.identityCode.trim().toUpperCase();
  return Object.keys(q).length > 1 ? q : null;
}

/** A birth date as numbers in the reader's way: "14.3.1942", "14/03/1942"; '' for none. */
export function formatBirthDate(date: string | null | undefined, lang: Language): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return new Intl.DateTimeFormat(localeOf[lang], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "Insinöörinkatu 23 B 14, 33720 Tampere"; '' when the record has no address. */
export function addressLine(address: ClientRecord['address'] | undefined): string {
  if (!address) return '';
  const town = [address.postal_code, address.city || address.municipality_name].filter(Boolean).join(' ');
  return [address.street, town].filter(Boolean).join(', ');
}

/** Whole minutes of a call for the contact note: started minutes, at least 1, at most 600. */
export function callMinutes(elapsedMs: number): number {
  return Math.min(600, Math.max(1, Math.ceil(elapsedMs / 60_000)));
}

/** A running time as a clock: "4:05", "1:02:09". */
export function formatElapsed(elapsedMs: number): string {
  const total = Math.max(0, Math.floor(elapsedMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * Where the focus goes in a list of `count` results on a key: down and up step (stopping at the
 * ends), Home and End jump; null for other keys. From outside the list (current -1) down enters it.
 */
export function nextResultIndex(current: number, count: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return current <= 0 ? -1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What the register form asks. */
export interface RegisterValues {
  name: string;
  birthDate: string;
  identityCode: string;
  phone: string;
  email: string;
  language: Language;
  street: string;
  postalCode: string;
  city: string;
  municipality: string;
}

/** The person as POST /regions/{id}/clients takes them; optional fields left empty are left out. */
export function newClientOf(v: RegisterValues): NewClient {
  const out: NewClient = { name: v.name.trim(), language: v.language };
  if (v.birthDate.trim()) out.birth_date = v.birthDate.trim();
  if (v.identityCode.trim()) out.identity_code = v.identityCode.trim().toUpperCase();
  if (v.phone.trim()) out.phone = v.phone.trim();
  if (v.email.trim()) out.email = v.email.trim();
  const address: NonNullable<NewClient['address']> = {};
  if (v.street.trim()) address.street = v.street.trim();
  if (v.postalCode.trim()) address.postal_code = v.postalCode.trim();
  if (v.city.trim()) address.city = v.city.trim();
  if (v.municipality) address.municipality_code = v.municipality;
  if (Object.keys(address).length > 0) out.address = address;
  return out;
}

/** Problems the register form can tell before sending, by the server's field names; values are i18n keys. */
export function checkRegistration(v: RegisterValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.name.trim()) out.name = 'fieldMessages.required';
  if (!v.birthDate.trim() && !v.identityCode.trim()) out.birth_date = 'desk.register.birthDateOrCode';
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) out.email = 'fieldMessages.email';
  return out;
}

/**
 * What to ask the look-alike check while the form is typed: the name with a birth date or a
 * phone (a name alone matches too many people); null until then.
 */
export function lookAlikeProbe(v: RegisterValues): NewClient | null {
  const name = v.name.trim();
  const birth = /^\d{4}-\d{2}-\d{2}$/.test(v.birthDate.trim()) ? v.birthDate.trim() : '';
  const phone = v.phone.replace(/\D/g, '').length >= 7 ? v.phone.trim() : '';
  if (name.split(/\s+/).length < 2 || (!birth && !phone)) return null;
  const probe: NewClient = { name };
  if (birth) probe.birth_date = birth;
  if (phone) probe.phone = phone;
  return probe;
}

export const REGISTER_FIELDS = [
  'name',
  'birth_date',
  'identity_code',
  'phone',
  'email',
  'language',
  'address.street',
  'address.postal_code',
  'address.city',
  'address.municipality_code',
];

export const FIND_FIELDS = ['q', 'birth_date', 'phone', 'identity_code'];

export const CONTACT_FIELDS = ['channel', 'topics', 'duration_minutes', 'outcome', 'note'];
