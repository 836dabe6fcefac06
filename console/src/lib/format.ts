import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Times are stored in UTC and shown in the viewer's own time zone.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `locale` for a page in a participant's language (T2); else the browser's. */
export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  return (locale ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }) : dateTime).format(new Date(iso));
}

/** T1: an instant as read in another zone, with that zone's abbreviation. */
export function formatDateTimeIn(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) + ` ${zoneAbbreviation(iso, timeZone)}`;
}

function zoneAbbreviation(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** T1: the IANA zones this browser knows, for zone pickers. */
export function timeZoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const names = intl.supportedValuesOf?.('timeZone') ?? [];
  return names.includes('UTC') ? names : ['UTC', ...names];
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? timeOnly.format(new Date(iso)) : '—';
}

/** SKIPPED_REASON_NAME → "Skipped reason name" for labels. */
export function humanize(code: string | null | undefined): string {
  if (!code) return '—';
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value for <input type="datetime-local"> in the viewer's zone, and back to ISO. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

/** An E.164 number as people write it: "+1 206 827 6189". Anything unparseable is shown as stored. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Who made a change, in words: `api-key:Initial admin key` is the key "Initial admin key". */
export function formatActor(label: string | null | undefined): string {
  if (!label) return '—';
  if (label.startsWith('api-key:')) return `Key “${label.slice('api-key:'.length)}”`;
  if (label === 'platform') return 'Platform operator';
  return label;
}

/** A stored setting value in words: booleans as On/Off. */
export function formatSettingValue(value: string | null | undefined): string {
  if (value == null || value === '') return '—';
  if (value === 'true') return 'On';
  if (value === 'false') return 'Off';
  return value;
}

const CONSENT_SOURCE_NAMES: Record<string, string> = {
  ADMIN: 'By an admin',
  BULK: 'Bulk opt-in',
  CARRIER: 'Carrier opt-out',
  KEYWORD: 'Text keyword',
  MANAGE_BOOKING: 'Manage-booking page',
  SIGNUP: 'Employee signup',
  SIGNUP_FORM: 'Study signup form',
};

/** One name per consent source, the same on every page. */
export function consentSourceName(source: string | null | undefined): string {
  return source ? (CONSENT_SOURCE_NAMES[source] ?? humanize(source)) : '—';
}

/** A date input's day (YYYY-MM-DD) in the viewer's zone, as the instant of its midnight (`addDays` later: an exclusive end). */
export function startOfDay(day: string, addDays = 0): string {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + addDays);
  return date.toISOString();
}
