import * as crypto from 'node:crypto';
import { SMS } from '@vonage/sms';
import { AlgorithmTypes } from '@vonage/auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkWebhookRequest, REPLAY_WINDOW_MS, verifyVonageSignature, vonageSignature, type SignatureMethod } from '../vonage-signature.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const SECRET = 'whsec-0123456789abcdef';
const NOW = new Date('2026-03-02T10:00:00Z');
const TIMESTAMP = String(NOW.getTime() / 1000);
// A value with "&" and "=" in it, which Vonage replaces by "_" before signing.
const PARAMS = {
  msisdn: '14155550100',
  to: '13306619491',
  messageId: '0A0000000123ABCD1',
  text: 'a&b=c',
  'message-timestamp': '2026-03-02 10:00:00',
  timestamp: TIMESTAMP,
  nonce: 'a1b2c3',
};
// Written out by hand: sorted by name, "&name=value", "&" and "=" in values as "_".
const SIGNED = `&message-timestamp=2026-03-02 10:00:00&messageId=0A0000000123ABCD1&msisdn=14155550100&nonce=a1b2c3&text=a_b_c&timestamp=${TIMESTAMP}&to=13306619491`;

// Known vectors from node:crypto over the hand-written string: md5hash is md5 of
// the string and the secret; the others are HMACs (Vonage sends those in upper case).
const VECTORS: [SignatureMethod, string, AlgorithmTypes][] = [
  ['md5hash', crypto.createHash('md5').update(SIGNED + SECRET).digest('hex'), AlgorithmTypes.md5hash],
  ['md5', crypto.createHmac('md5', SECRET).update(SIGNED).digest('hex').toUpperCase(), AlgorithmTypes.md5hmac],
  ['sha1', crypto.createHmac('sha1', SECRET).update(SIGNED).digest('hex').toUpperCase(), AlgorithmTypes.sha1hmac],
  ['sha256', crypto.createHmac('sha256', SECRET).update(SIGNED).digest('hex').toUpperCase(), AlgorithmTypes.sha256hmac],
  ['sha512', crypto.createHmac('sha512', SECRET).update(SIGNED).digest('hex').toUpperCase(), AlgorithmTypes.sha512hmac],
];

describe('A3: Vonage webhook signatures', () => {
  const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
  beforeEach(() => {
    timingSafeEqual.mockClear();
  });

  it.each(VECTORS)('A3: %s signs like Vonage (known vector, and the Vonage SDK agrees)', (method, expected, sdkAlgorithm) => {
    expect(vonageSignature(PARAMS, SECRET, method).toUpperCase()).toBe(expected.toUpperCase());
    // The SDK's own verifier accepts what we compute, so both read the scheme alike.
    expect(new SMS({ apiKey: 'key', apiSecret: 'secret' }).verifySignature(expected, PARAMS, SECRET, sdkAlgorithm)).toBe(true);
  });

  it.each(VECTORS)('A3: a good %s signature is accepted, in either case of hex digits, compared in constant time', (method, expected) => {
    for (const sig of [expected.toUpperCase(), expected.toLowerCase()]) {
      timingSafeEqual.mockClear();
      expect(verifyVonageSignature({ ...PARAMS, sig }, SECRET, method, NOW)).toEqual({ ok: true });
      expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    }
  });

  it.each(VECTORS)('A3: a %s signature fails for another secret, another method, or a changed parameter', (method, expected) => {
    expect(verifyVonageSignature({ ...PARAMS, sig: expected }, `${SECRET}x`, method, NOW)).toEqual({ ok: false, reason: 'bad sig' });
    expect(verifyVonageSignature({ ...PARAMS, sig: expected, text: 'STOP' }, SECRET, method, NOW)).toEqual({ ok: false, reason: 'bad sig' });
    expect(verifyVonageSignature({ ...PARAMS, sig: expected, extra: '1' }, SECRET, method, NOW)).toEqual({ ok: false, reason: 'bad sig' });
    const other: SignatureMethod = method === 'sha256' ? 'sha512' : 'sha256';
    expect(verifyVonageSignature({ ...PARAMS, sig: expected }, SECRET, other, NOW)).toEqual({ ok: false, reason: 'bad sig' });
  });

  it('A3: a wrong signature of the right length still goes through the constant-time compare', () => {
    const good = vonageSignature(PARAMS, SECRET, 'sha256');
    const flipped = (good[0] === '0' ? '1' : '0') + good.slice(1);
    expect(verifyVonageSignature({ ...PARAMS, sig: flipped }, SECRET, 'sha256', NOW)).toEqual({ ok: false, reason: 'bad sig' });
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['missing', undefined, 'missing sig'],
    ['empty', '', 'missing sig'],
    ['too short', 'ABC', 'bad sig'],
    ['not hex', 'Z'.repeat(64), 'bad sig'],
  ])('A3: a %s signature is refused', (_name, sig, reason) => {
    const params: Record<string, string> = { ...PARAMS };
    if (sig !== undefined) params.sig = sig;
    expect(verifyVonageSignature(params, SECRET, 'sha256', NOW)).toEqual({ ok: false, reason });
  });

  it.each([
    ['6 minutes old', -6 * 60, 'stale timestamp'],
    ['6 minutes ahead', 6 * 60, 'stale timestamp'],
    ['just inside the window', -(REPLAY_WINDOW_MS / 1000 - 1), null],
    ['a second ahead', 1, null],
  ])('A3: a signed timestamp %s is judged against the 5-minute replay window', (_name, offsetSeconds, reason) => {
    const params = { ...PARAMS, timestamp: String(NOW.getTime() / 1000 + offsetSeconds) };
    const sig = vonageSignature(params, SECRET, 'sha256');
    expect(verifyVonageSignature({ ...params, sig }, SECRET, 'sha256', NOW)).toEqual(reason ? { ok: false, reason } : { ok: true });
  });

  it.each([
    ['missing', undefined],
    ['not a number', 'yesterday'],
  ])('A3: a signed request with its timestamp %s is refused (no replay check is possible)', (_name, timestamp) => {
    const params: Record<string, string> = { ...PARAMS };
    delete params.timestamp;
    if (timestamp) params.timestamp = timestamp;
    const sig = vonageSignature(params, SECRET, 'sha256');
    expect(verifyVonageSignature({ ...params, sig }, SECRET, 'sha256', NOW)).toEqual({ ok: false, reason: 'missing timestamp' });
  });

  it.each([
    ['a secret, unsigned', { secret: SECRET, production: false }, false, false],
    ['a secret, signed', { secret: SECRET, production: false }, true, true],
    ['a secret in production, signed', { secret: SECRET, production: true }, true, true],
    ['no secret in production, unsigned (fail closed)', { secret: undefined, production: true }, false, false],
    ['no secret in production, signed (fail closed)', { secret: undefined, production: true }, true, false],
    ['no secret outside production, unsigned (local runs)', { secret: undefined, production: false }, false, true],
    ['no secret outside production, signed (cannot be checked)', { secret: undefined, production: false }, true, false],
  ])('A3: policy with %s', (_name, config, signed, accepted) => {
    const params = signed ? { ...PARAMS, sig: vonageSignature(PARAMS, SECRET, 'sha256') } : PARAMS;
    expect(checkWebhookRequest(params, { ...config, method: 'sha256' }, NOW).ok).toBe(accepted);
  });
});
