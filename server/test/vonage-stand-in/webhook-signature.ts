import { createHash, createHmac } from 'node:crypto';

/** The signature methods a Vonage account can choose for signed SMS webhooks. */
export type SignatureMethod = 'md5hash' | 'md5' | 'sha1' | 'sha256' | 'sha512';

// Vonage's signed-request scheme for the SMS API: every parameter except `sig`,
// sorted by name, as "&name=value" with "&" and "=" inside values replaced by
// "_". md5hash appends the secret and hashes; the others are HMACs keyed with
// the secret. Written here from the documented scheme, not with the SDK, so
// tests that verify with the SDK check two independent implementations.
export function signWebhookParams(params: Record<string, string>, secret: string, method: SignatureMethod): string {
  const signed = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `&${name}=${params[name].replace(/[&=]/g, '_')}`)
    .join('');
  if (method === 'md5hash') return createHash('md5').update(signed + secret).digest('hex');
  return createHmac(method, secret).update(signed).digest('hex').toUpperCase();
}
