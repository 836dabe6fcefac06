// O1: what a log line may never show in full. Phones are masked at info level
// and above; secrets (keys, tokens, passwords, credentials in URLs) never appear.

/** Keys whose values are secrets wherever they appear in a logged object. */
export const SECRET_PATHS = [
  'password',
  'secret',
  'token',
  'apiKey',
  'apiSecret',
  'authorization',
  'adminKey',
  'platformToken',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.apiSecret',
  '*.authorization',
  '*.adminKey',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Keys that hold a phone number. */
const PHONE_KEYS = new Set(['to', 'from', 'phone', 'msisdn', 'recipientPhone', 'senderPhone']);
// An E.164 number in free text: + and 8 to 15 digits.
const E164_IN_TEXT = /\+\d{8,15}\b/g;

/** +15551234567 -> +1555123**** : enough to tell numbers apart, not to text one. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+/, '');
  const keep = Math.max(0, digits.length - 4);
  return `${phone.startsWith('+') ? '+' : ''}${digits.slice(0, keep)}${'*'.repeat(digits.length - keep)}`;
}

export function maskPhonesInText(text: string): string {
  return text.replace(E164_IN_TEXT, (match) => maskPhone(match));
}

/** A copy of a log object with phone numbers masked, one level deep plus nested plain objects. */
export function maskPhonesIn(record: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = PHONE_KEYS.has(key) ? maskPhone(value) : maskPhonesInText(value);
    else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3 && Object.getPrototypeOf(value) === Object.prototype) {
      out[key] = maskPhonesIn(value as Record<string, unknown>, depth + 1);
    } else out[key] = value;
  }
  return out;
}

/** A URL as it may be logged: no user name or password, no query values. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, '…');
    return parsed.toString().replace(/%E2%80%A6/g, '…');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

// Invite and manage-booking tokens travel in paths (/console/invite/<token>):
// long opaque segments are cut, and query values are dropped.
export function safeRequestPath(path: string): string {
  const [pathname, query] = path.split('?', 2);
  const cleanPath = pathname.replace(/\/[A-Za-z0-9_-]{20,}/g, '/…');
  if (!query) return cleanPath;
  const keys = query.split('&').map((pair) => pair.split('=')[0]);
  return `${cleanPath}?${keys.map((key) => `${key}=…`).join('&')}`;
}

/**
 * An error as logged: name, message, code and stack, never the SQL parameters
 * or interpolated statement a driver error carries.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; errno?: unknown; driverError?: { code?: unknown }; cause?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: e.message };
  const code = e.code ?? e.driverError?.code;
  if (code !== undefined) out.code = code;
  if (e.stack) out.stack = e.stack;
  if (e.cause instanceof Error) out.cause = serializeError(e.cause);
  return out;
}
