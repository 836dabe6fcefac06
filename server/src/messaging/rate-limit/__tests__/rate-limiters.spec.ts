import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { createRateLimiter } from '../create-rate-limiter.js';
import type { LimiterClock, RateLimiter } from '../rate-limiter.js';
import { RedisRateLimiter } from '../redis.rate-limiter.js';
import { TokenBucketRateLimiter } from '../token-bucket.rate-limiter.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// The most acquisitions that fall in any window [t, t + windowMs) of the timestamps.
function busiestWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] - sorted[i] < windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

async function acquireAll(limiters: RateLimiter[], count: number, now: () => number): Promise<number[]> {
  const stamps: number[] = [];
  await Promise.all(Array.from({ length: count }, (_, i) => limiters[i % limiters.length].acquire().then(() => stamps.push(now()))));
  return stamps;
}

// Time that passes only when someone sleeps: the bucket's arithmetic, tested without waiting.
function virtualClock(): LimiterClock & { sleeps: number } {
  let now = 0;
  return {
    sleeps: 0,
    now: () => now,
    async sleep(ms) {
      this.sleeps += 1;
      now += ms;
    },
  };
}

describe('token bucket rate limiter', () => {
  it('L5: never lets more than rate + burst through in any second (virtual clock)', async () => {
    const clock = virtualClock();
    const limiter = new TokenBucketRateLimiter(30, 30, clock);
    const stamps = await acquireAll([limiter], 300, clock.now);
    expect(stamps).toHaveLength(300);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(60);
    // Past the first burst it settles at the rate: 270 more tokens take at least 9 seconds.
    expect(Math.max(...stamps)).toBeGreaterThanOrEqual(9000);
    expect(clock.sleeps).toBeGreaterThan(0);
  });

  it('L5: lets a full burst through at once, then one at a time', async () => {
    const clock = virtualClock();
    const limiter = new TokenBucketRateLimiter(10, 10, clock);
    const stamps = await acquireAll([limiter], 12, clock.now);
    expect(stamps.filter((t) => t === 0)).toHaveLength(10);
    expect(stamps.filter((t) => t > 0)).toHaveLength(2);
  });

  it('L5: holds the limit on the real clock too', async () => {
    const limiter = new TokenBucketRateLimiter(20);
    const stamps = await acquireAll([limiter], 50, () => performance.now());
    expect(stamps).toHaveLength(50);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(40);
  });

  it('L5: refuses a limit that would let nothing through', () => {
    expect(() => new TokenBucketRateLimiter(0)).toThrow(/positive rate/);
  });
});

describe('Redis rate limiter', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  };
  afterAll(() => connections.forEach((redis) => redis.disconnect()));

  it('L5: two limiters on one key share one budget, as two worker processes would', async () => {
    const key = `test-${randomUUID()}`;
    const windowMs = 250;
    const first = new RedisRateLimiter(connect(), { limit: 5, windowMs, key });
    const second = new RedisRateLimiter(connect(), { limit: 5, windowMs, key });
    const stamps = await acquireAll([first, second], 30, () => Date.now());
    expect(stamps).toHaveLength(30);
    // Shared: at most limit per window, so 2 x limit in any window-long stretch.
    // Each with its own budget, the pair would let up to 4 x limit through.
    expect(busiestWindow(stamps, windowMs)).toBeLessThanOrEqual(10);
  });

  it('L5: limiters on different keys do not share a budget', async () => {
    const windowMs = 60_000;
    const first = new RedisRateLimiter(connect(), { limit: 3, windowMs, key: `test-${randomUUID()}` });
    const second = new RedisRateLimiter(connect(), { limit: 3, windowMs, key: `test-${randomUUID()}` });
    // Six acquisitions inside one minute-long window only fit if each key has its own three.
    const outcome = await Promise.race([
      acquireAll([first, second], 6, () => Date.now()).then(() => 'all six acquired'),
      new Promise((resolve) => setTimeout(resolve, 2000, 'still waiting')),
    ]);
    expect(outcome).toBe('all six acquired');
  });

  it('L5: REDIS_URL selects the shared Redis limiter; without it each process has its own bucket', async () => {
    const shared = createRateLimiter(loadConfig({ REDIS_URL, VONAGE_RATE_LIMIT_PER_SECOND: '7' }));
    const local = createRateLimiter(loadConfig({}));
    expect(shared.limiter).toBeInstanceOf(RedisRateLimiter);
    expect(local.limiter).toBeInstanceOf(TokenBucketRateLimiter);
    await shared.limiter.acquire();
    await shared.close();
    await local.close();
  });
});
