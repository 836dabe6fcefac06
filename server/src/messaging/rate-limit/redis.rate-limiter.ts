import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateCost, RateLimiter, RateRelease } from './rate-limiter.js';
import { IN_FLIGHT_EXPIRY_MS, IN_FLIGHT_POLL_MS, keyUnits, logWindowMs, rateSteps, type RatePlan } from './rate-plan.js';

// L7, several processes sharing one Vonage key: GCRA in one atomic script, on
// Redis's own clock (TIME), so workers whose clocks disagree still agree on the
// slots. KEYS[1] holds when the key is next free, KEYS[2] when the sender is.
// A busy sender answers "not reserved, try in n ms" without touching the key;
// otherwise the request takes the key's next slot (and the sender's) and is
// told how long to wait for it.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local keyStep = tonumber(ARGV[1])
local senderStep = tonumber(ARGV[2])
if senderStep > 0 then
  local senderFree = tonumber(redis.call('GET', KEYS[2]) or '0')
  if senderFree > now then return {0, tostring(senderFree - now)} end
end
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], tostring(start + keyStep), 'PX', math.ceil(start + keyStep - now) + 1000)
if senderStep > 0 then
  redis.call('SET', KEYS[2], tostring(start + senderStep), 'PX', math.ceil(start + senderStep - now) + 1000)
end
return {1, tostring(start - now)}
`;

// The rolling window, checked just before the request goes: KEYS[1] is a
// sorted set of answered units (scored by when the answer came), KEYS[2] of
// units in flight (scored by when they were admitted; older than ARGV[5] ms
// they are taken as gone). With room, the units join the flight set and 0 is
// returned; otherwise how long to wait before asking again.
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local windowMs = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local units = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[5]))
local answered = redis.call('ZCARD', KEYS[1])
local need = answered + redis.call('ZCARD', KEYS[2]) + units - cap
if need <= 0 then
  for i = 1, units do redis.call('ZADD', KEYS[2], now, ARGV[4] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[2], math.ceil(tonumber(ARGV[5])) + 1000)
  return '0'
end
if need <= answered then
  local blocking = redis.call('ZRANGE', KEYS[1], need - 1, need - 1, 'WITHSCORES')
  return tostring(math.max(1, tonumber(blocking[2]) + windowMs - now))
end
return ARGV[6]
`;

// The answer came: the units move from the flight set to the answered set, at Redis's now.
const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
for i = 1, tonumber(ARGV[1]) do
  local member = ARGV[2] .. ':' .. i
  if redis.call('ZREM', KEYS[2], member) == 1 then redis.call('ZADD', KEYS[1], now, member) end
end
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])) + 1000)
return 1
`;

interface RedisRateLimiterOptions {
  /** Limiters with the same key share one budget (e.g. one per Vonage API key). */
  key: string;
  plan: RatePlan;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    if (!(options.plan.perSecond > 0)) throw new Error('A rate limit needs a positive rate');
    this.key = `tock:rate-limit:${options.key}`;
  }

  async acquire(cost: RateCost = {}): Promise<void> {
    const steps = rateSteps(this.options.plan, cost);
    const senderKey = `${this.key}:sender:${steps.senderMs === null ? '-' : cost.sender}`;
    for (;;) {
      const [reserved, wait] = (await this.redis.eval(RESERVE, 2, this.key, senderKey, steps.keyMs, steps.senderMs ?? 0)) as [number, string];
      await sleep(Number(wait));
      if (reserved === 1) break;
    }
  }

  async admit(cost: RateCost = {}): Promise<RateRelease> {
    const { plan } = this.options;
    const units = keyUnits(plan, cost);
    const windowMs = logWindowMs(plan);
    const member = `${process.pid}:${randomUUID()}`;
    const keys = [`${this.key}:answered`, `${this.key}:in-flight`];
    for (;;) {
      const wait = Number(await this.redis.eval(ADMIT, 2, ...keys, windowMs, plan.perSecond, units, member, IN_FLIGHT_EXPIRY_MS, IN_FLIGHT_POLL_MS));
      if (wait <= 0) break;
      await sleep(wait);
    }
    // Unanswered (Redis away now), the units expire from the flight set on their own.
    return async () => {
      await this.redis.eval(ANSWERED, 2, ...keys, units, member, windowMs).catch(() => undefined);
    };
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
