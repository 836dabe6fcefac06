import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { startVonageStandIn, type VonageStandIn } from '../../../test/vonage-stand-in/vonage-stand-in.js';
import { VonageSmsProvider } from '../providers/vonage-sms.provider.js';
import type { OutgoingSms, SendResult } from '../providers/sms-provider.js';
import { createRateLimiter } from '../rate-limit/create-rate-limiter.js';
import { busiestWindow } from '../../../test/busiest-window.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CAP = 10;

// GSM-7 texts of one, two and three segments (160, 153 + 153, 3 x 153 characters at most).
const textOf = (segments: 1 | 2 | 3, i: number) => `#${i} `.padEnd(segments === 1 ? 100 : segments === 2 ? 250 : 400, 'x');

// Several sender processes (each its own Redis connection and limiter, built
// from the settings as a worker builds them) send through the Vonage stand-in,
// which throttles (status 1) what would put the key over its cap in a rolling
// second. Each text takes its turn, then is admitted and sent, as the send job does.
describe('provider rate in segments, across limiters on one Redis (L7)', () => {
  let standIn: VonageStandIn;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    standIn = await startVonageStandIn({ apiKey: 'units-key', apiSecret: 'units-secret' });
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await standIn?.stop();
  });

  // `count` providers sharing one Vonage key (a fresh one per test: a fresh budget on the shared Redis).
  function senders(count: number, env: Record<string, string>): VonageSmsProvider[] {
    const key = `units-${randomUUID()}`;
    return Array.from({ length: count }, () => {
      const { limiter, close } = createRateLimiter(loadConfig({ REDIS_URL, VONAGE_API_KEY: key, VONAGE_API_SECRET: 'units-secret', VONAGE_RATE_HEADROOM_MS: '50', ...env }));
      closers.push(close);
      return new VonageSmsProvider({ apiKey: 'units-key', apiSecret: 'units-secret', restHost: standIn.url, rateLimiter: limiter });
    });
  }

  async function sendAll(providers: VonageSmsProvider[], texts: OutgoingSms[]): Promise<SendResult[]> {
    return Promise.all(
      texts.map(async (sms, i) => {
        const provider = providers[i % providers.length];
        const held = await provider.awaitTurn(sms);
        return held ?? provider.send(sms);
      }),
    );
  }

  const burst = (tag: string, from: string, segments: (1 | 2 | 3)[]): OutgoingSms[] =>
    segments.map((n, i) => ({ from, to: `+1212555${String(i).padStart(4, '0')}`, text: textOf(n, i), clientRef: `${tag}-${i}` }));
  const requestsOf = (tag: string) => standIn.smsRequests.filter((r) => r.clientRef?.startsWith(`${tag}-`));
  // The most segments of this burst the stand-in accepted in any rolling second.
  const busiestSecond = (tag: string) =>
    busiestWindow(
      standIn.messages.filter((m) => m.clientRef?.startsWith(`${tag}-`)).map((m) => ({ at: m.acceptedAt.getTime(), weight: m.parts })),
      1000,
    );
  const mixed = Array.from({ length: 24 }, (_, i) => ((i % 3) + 1) as 1 | 2 | 3);

  it('L7: VONAGE_RATE_UNIT=segment: a mixed burst of 1-, 2- and 3-segment texts through two limiters never puts more than the cap in segments into a rolling second; no throttles', async () => {
    const tag = `seg-${randomUUID().slice(0, 8)}`;
    standIn.setRateLimit({ perSecond: CAP, unit: 'segment' });
    const results = await sendAll(senders(2, { VONAGE_RATE_UNIT: 'segment', VONAGE_RATE_LIMIT_PER_SECOND: String(CAP) }), burst(tag, 'TOCK', mixed));
    expect(results.filter((r) => r.outcome !== 'sent')).toEqual([]);
    expect(requestsOf(tag).filter((r) => r.answer === '1')).toHaveLength(0);
    expect(busiestSecond(tag)).toBeLessThanOrEqual(CAP);
    // 48 segments: the burst did fill the window (the check had something to hold).
    expect(standIn.messages.filter((m) => m.clientRef?.startsWith(`${tag}-`)).reduce((sum, m) => sum + m.parts, 0)).toBe(48);
  }, 60_000);

  it('L7: counted in requests (the default), the same burst is throttled by a provider that counts segments: the unit is what makes it exact', async () => {
    const tag = `req-${randomUUID().slice(0, 8)}`;
    standIn.setRateLimit({ perSecond: CAP, unit: 'segment' });
    const results = await sendAll(senders(2, { VONAGE_RATE_LIMIT_PER_SECOND: String(CAP) }), burst(tag, 'TOCK', mixed));
    expect(results.filter((r) => r.outcome === 'retry' && r.errorCode === '1').length).toBeGreaterThan(0);
    expect(requestsOf(tag).filter((r) => r.answer === '1').length).toBeGreaterThan(0);
  }, 60_000);
});
