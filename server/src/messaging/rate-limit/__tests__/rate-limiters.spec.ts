import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { createRateLimiter } from '../create-rate-limiter.js';
import { GcraRateLimiter } from '../gcra.rate-limiter.js';
import type { LimiterClock, RateCost, RateLimiter } from '../rate-limiter.js';
import type { RatePlan } from '../rate-plan.js';
import { RedisRateLimiter } from '../redis.rate-limiter.js';
import { parseSenderRates, senderKind } from '../sender-throughput.js';
import { busiestWindow, type Stamp } from '../../../../test/busiest-window.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Each request as the provider sees it: a turn, the admission, then (after
// `delay` of the caller's own, e.g. a slow claim or a stalled event loop) it
// arrives and is stamped, and `latency` later its answer comes back.
async function acquireAll(
  limiters: RateLimiter[],
  costs: RateCost[],
  now: () => number,
  timing: { sleep?: (ms: number) => Promise<void>; delay?: (i: number) => number; latency?: number } = {},
): Promise<Stamp[]> {
  const stamps: Stamp[] = [];
  const wait = (ms: number) => (ms > 0 && timing.sleep ? timing.sleep(ms) : Promise.resolve());
  await Promise.all(
    costs.map(async (cost, i) => {
      const limiter = limiters[i % limiters.length];
      await limiter.acquire(cost);
      const answered = await limiter.admit(cost);
      await wait(timing.delay?.(i) ?? 0);
      stamps.push({ at: now(), weight: cost.segments ?? 1 });
      await wait(timing.latency ?? 0);
      await answered();
    }),
  );
  return stamps;
}

const plan = (perSecond: number, more: Partial<RatePlan> = {}): RatePlan => ({ perSecond, unit: 'request', headroomMs: 0, senderRate: () => null, ...more });
const times = (count: number, cost: RateCost = {}) => Array.from({ length: count }, () => cost);

// Time that passes only when someone sleeps: the limiter's arithmetic, tested
// without waiting. Sleepers wake one at a time, earliest first, and each wakes
// into a settled world (setImmediate) before time moves on.
function virtualClock(): LimiterClock {
  let now = 0;
  let driving = false;
  const timers: { at: number; wake: () => void }[] = [];
  const drive = async () => {
    if (driving) return;
    driving = true;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (timers.length === 0) break;
      timers.sort((a, b) => a.at - b.at);
      const timer = timers.shift()!;
      now = Math.max(now, timer.at);
      timer.wake();
    }
    driving = false;
  };
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((wake) => {
        timers.push({ at: now + ms, wake });
        void drive();
      }),
  };
}

describe('GCRA rate limiter (one process)', () => {
  it('L7: no rolling second carries more than the cap, and the rate is held (virtual clock)', async () => {
    const clock = virtualClock();
    const limiter = new GcraRateLimiter(plan(25), clock);
    const stamps = await acquireAll([limiter], times(300), clock.now);
    expect(stamps).toHaveLength(300);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(25);
    // Evenly spaced: the 300th goes 299 steps of 40 ms after the first.
    expect(Math.max(...stamps.map((s) => s.at))).toBeGreaterThanOrEqual(299 * 40);
  });

  it('L7: requests that go late after their admission, and answers that take long, still never put more than the cap into a rolling second (virtual clock)', async () => {
    const clock = virtualClock();
    const limiter = new GcraRateLimiter(plan(25), clock);
    // Every other second's callers stall 500 ms between admission and the request (the claim, a busy
    // event loop), so they land among the next second's; answers take 150 ms. Counted at admission, 36 would.
    const stamps = await acquireAll([limiter], times(200), clock.now, { sleep: clock.sleep, delay: (i) => (Math.floor(i / 25) % 2 === 0 ? 500 : 0), latency: 150 });
    expect(stamps).toHaveLength(200);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(25);
  });

  it('L7: with the unit set to segments, a three-segment text takes three slots', async () => {
    const clock = virtualClock();
    const limiter = new GcraRateLimiter(plan(30, { unit: 'segment' }), clock);
    const stamps = await acquireAll([limiter], times(40, { segments: 3 }), clock.now);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(30);
    expect(Math.max(...stamps.map((s) => s.at))).toBeGreaterThanOrEqual(3900);
  });

  it('L7: a sender number keeps its own throughput, and a slow sender never holds up another', async () => {
    const clock = virtualClock();
    const limiter = new GcraRateLimiter(plan(30, { senderRate: parseSenderRates('long=1,tollfree=3') }), clock);
    const longCode = await acquireAll([limiter], times(5, { sender: '+14155550100' }), clock.now);
    expect(busiestWindow(longCode, 1000)).toBe(1);
    const started = clock.now();
    const longAgain = limiter.acquire({ sender: '+14155550100' });
    await limiter.acquire({ sender: '+18005550100' });
    // The toll-free text went at once, though the long code is still waiting its second.
    expect(clock.now() - started).toBeLessThan(100);
    await longAgain;
  });

  it('L7: refuses a limit that would let nothing through', () => {
    expect(() => new GcraRateLimiter(plan(0))).toThrow(/positive rate/);
  });

  it('L7: holds the cap on the real clock too', async () => {
    const limiter = new GcraRateLimiter(plan(20, { headroomMs: 100 }));
    const stamps = await acquireAll([limiter], times(30), () => performance.now());
    expect(stamps).toHaveLength(30);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(20);
  });
});

describe('sender throughput settings', () => {
  it('L7: tells long codes, toll-free numbers, short codes and sender ids apart', () => {
    expect(senderKind('+14155550100')).toBe('long');
    expect(senderKind('+18885550100')).toBe('tollfree');
    expect(senderKind('12345')).toBe('short');
    expect(senderKind('TOCK')).toBeNull();
    const rate = parseSenderRates('long=1, tollfree=3, short=100, +14155550199=10');
    expect([rate('+14155550100'), rate('+18885550100'), rate('12345'), rate('+14155550199'), rate('TOCK')]).toEqual([1, 3, 100, 10, null]);
    expect(parseSenderRates(undefined)('+14155550100')).toBeNull();
  });

  it('L7: a malformed VONAGE_SENDER_RATES is refused at start, by name', () => {
    expect(() => loadConfig({ VONAGE_SENDER_RATES: 'long:1' })).toThrow(/VONAGE_SENDER_RATES/);
    expect(loadConfig({ VONAGE_SENDER_RATES: 'long=1,short=100' }).vonage.senderRates).toBe('long=1,short=100');
  });
});

describe('Redis rate limiter (several processes)', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    connections.push(redis);
    return redis;
  };
  afterAll(() => connections.forEach((redis) => redis.disconnect()));

  it('L7: two limiters on one key share one budget: no rolling second above the cap', async () => {
    const key = `test-${randomUUID()}`;
    const shared = plan(20, { headroomMs: 100 });
    const first = new RedisRateLimiter(connect(), { key, plan: shared });
    const second = new RedisRateLimiter(connect(), { key, plan: shared });
    const stamps = await acquireAll([first, second], times(45), () => performance.now());
    expect(stamps).toHaveLength(45);
    // A fixed window lets up to 2 x cap through across a window edge; two separate budgets, 2 x cap at once.
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(20);
  });

  it('L7: two limiters on one key, callers going late after admission: still no rolling second above the cap at arrival', async () => {
    const key = `test-${randomUUID()}`;
    const shared = plan(10, { headroomMs: 0 });
    const limiters = [new RedisRateLimiter(connect(), { key, plan: shared }), new RedisRateLimiter(connect(), { key, plan: shared })];
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    // The first second's callers stall 400 ms, into the next second's.
    const stamps = await acquireAll(limiters, times(30), () => performance.now(), { sleep, delay: (i) => (i < 10 ? 400 : 0), latency: 30 });
    expect(stamps).toHaveLength(30);
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(10);
  });

  it('L7: limiters on different keys do not share a budget', async () => {
    const first = new RedisRateLimiter(connect(), { key: `test-${randomUUID()}`, plan: plan(1) });
    const second = new RedisRateLimiter(connect(), { key: `test-${randomUUID()}`, plan: plan(1) });
    const started = performance.now();
    await acquireAll([first, second], times(2), () => performance.now());
    // One each fits at once; sharing one budget of 1/s, the second would wait a second.
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('L7: a sender number is limited across processes, other senders still flow', async () => {
    const key = `test-${randomUUID()}`;
    const shared = plan(100, { headroomMs: 100, senderRate: parseSenderRates('long=2') });
    const first = new RedisRateLimiter(connect(), { key, plan: shared });
    const second = new RedisRateLimiter(connect(), { key, plan: shared });
    const started = performance.now();
    const slow = acquireAll([first, second], times(4, { sender: '+14155550100' }), () => performance.now() - started);
    const other = await acquireAll([first, second], times(10, { sender: 'TOCK' }), () => performance.now() - started);
    expect(Math.max(...other.map((s) => s.at))).toBeLessThan(500);
    const stamps = await slow;
    expect(busiestWindow(stamps, 1000)).toBeLessThanOrEqual(2);
  });

  it('L7: REDIS_URL selects the shared Redis limiter; without it each process keeps its own', async () => {
    const shared = createRateLimiter(loadConfig({ REDIS_URL, VONAGE_RATE_LIMIT_PER_SECOND: '7' }));
    const local = createRateLimiter(loadConfig({}));
    expect(shared.limiter).toBeInstanceOf(RedisRateLimiter);
    expect(local.limiter).toBeInstanceOf(GcraRateLimiter);
    await shared.limiter.acquire();
    await (await shared.limiter.admit())();
    await shared.close();
    await local.close();
  });
});
