import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The hash methods a Vonage account can choose for signed SMS webhooks. */
export type SignatureMethod = 'md5hash' | 'md5' | 'sha1' | 'sha256' | 'sha512';

/** A3: a signed request older (or further in the future) than this is a replay. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

type SignatureCheck = { ok: true } | { ok: false; reason: string };

// Vonage's signed-request scheme: every parameter but `sig`, sorted by name, as
// "&name=value", with "&" and "=" inside values replaced by "_". md5hash hashes
// that string followed by the secret; the other methods are HMACs keyed with the
// secret. Hex digits may come in either case.
export function vonageSignature(params: Readonly<Record<string, string>>, secret: string, method: SignatureMethod): string {
  const signed = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `&${name}=${params[name].replace(/[&=]/g, '_')}`)
    .join('');
  if (method === 'md5hash') return createHash('md5').update(signed + secret).digest('hex');
  return createHmac(method, secret).update(signed).digest('hex');
}

/**
 * A3: the request carries a valid `sig` over all its other parameters, and a
 * signed `timestamp` (Unix seconds) within the replay window of `now`.
 */
export function verifyVonageSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: SignatureMethod,
  now: Date,
): SignatureCheck {
  const sig = params.sig;
  if (!sig) return { ok: false, reason: 'missing sig' };
  const expected = Buffer.from(vonageSignature(params, secret, method).toLowerCase(), 'utf8');
  const given = Buffer.from(sig.toLowerCase(), 'utf8');
  // The length of a digest is public; only its content must not leak through timing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad sig' };
  const timestamp = params.timestamp;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing timestamp' };
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > REPLAY_WINDOW_MS) return { ok: false, reason: 'stale timestamp' };
  return { ok: true };
}

export interface WebhookAuthPolicy {
  secret: string | undefined;
  method: SignatureMethod;
  production: boolean;
}

/**
 * A3 with the configuration: with a secret every request must be signed; in
 * production without one nothing is accepted (fail closed); elsewhere without
 * one unsigned requests pass so local runs work, and a `sig` that cannot be
 * checked is refused rather than trusted.
 */
export function checkWebhookRequest(params: Readonly<Record<string, string>>, policy: WebhookAuthPolicy, now: Date): SignatureCheck {
  if (policy.secret) return verifyVonageSignature(params, policy.secret, policy.method, now);
  if (policy.production) return { ok: false, reason: 'VONAGE_SIGNATURE_SECRET is not configured' };
  if (params.sig) return { ok: false, reason: 'signed request but VONAGE_SIGNATURE_SECRET is not configured' };
  return { ok: true };
}
