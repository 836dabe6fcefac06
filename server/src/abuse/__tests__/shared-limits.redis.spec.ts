import { randomBytes } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyPrefix } from '../auth-throttle.js';
import { LimiterStore } from '../limiter-store.js';
import { SignupChallenge } from '../signup-challenge.js';
import { VelocityLimits } from '../velocity-limits.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMITS = { signup: { perIp: 100, perPhone: 3, perPrefix: 100, perInvite: 100 }, managePerIp: 100 };

// Two API processes of one deployment: two stores on the same Redis and prefix.
describe('abuse state shared through Redis (A8)', () => {
  const prefix = `tock-test:abuse:${randomBytes(4).toString('hex')}`;
  const stores = [new LimiterStore(REDIS_URL, prefix), new LimiterStore(REDIS_URL, prefix)];
  beforeAll(async () => expect(await Promise.all(stores.map((store) => store.ready()))).toEqual([true, true]));
  afterAll(() => Promise.all(stores.map((store) => store.close())));

  it('A8: one phone gets at most 3 signups an hour across two processes', async () => {
    const [a, b] = stores.map((store) => new VelocityLimits(store, LIMITS));
    const outcomes = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(
        await (i % 2 ? a : b)
          .signup({ ip: `203.0.113.${i}`, phone: '+14155550999', link: 'invite' })
          .then(() => 'ok', (error: { code: string; details?: { retryAfterSeconds: number } }) => `${error.code}:${(error.details?.retryAfterSeconds ?? 0) > 0}`),
      );
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED:true', 'RATE_LIMITED:true', 'RATE_LIMITED:true']);
  });

  it('A8: a challenge solved once is refused when replayed to another process', async () => {
    const settings = { enabled: true, secret: 'shared-secret-0123456789abcdef', maxCounter: 500 };
    const [one, two] = stores.map((store) => new SignupChallenge(settings, store.client, `${prefix}:challenge`));
    const challenge = await one.create('invite-token');
    const solution = await solveChallenge({ challenge, deriveKey });
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    await expect(two.verify(payload, 'other-invite')).rejects.toMatchObject({ field: 'challenge' });
    await two.verify(payload, 'invite-token');
    await expect(one.verify(payload, 'invite-token')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'challenge' });
    await expect(one.verify(Buffer.from('{"challenge":null,"solution":null,"test":true}').toString('base64'), 'invite-token')).rejects.toMatchObject({ field: 'challenge' });
  });

  it('A10: the auth log names the key prefix only', () => {
    expect(keyPrefix(`Bearer tock_0123456789ab_${'s'.repeat(43)}`)).toBe('tock_0123456789ab_…');
    expect(keyPrefix('Bearer hunter2')).toBe('(not a Tock key)');
  });
});
