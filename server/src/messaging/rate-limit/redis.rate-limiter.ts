import type { Redis } from 'ioredis';
import type { RateCost, RateLimiter } from './rate-limiter.js';
import { keyUnits, logWindowMs, rateSteps, type RatePlan } from './rate-plan.js';

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

// The sliding log, checked just before the request goes: KEYS[1] is a sorted
// set of send moments (one member per unit). With room, the send is logged
// and 0 returned; otherwise how long until the oldest that is in the way ages out.
const LOG_SEND = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local windowMs = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local units = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local count = redis.call('ZCARD', KEYS[1])
if count + units <= cap then
  for i = 1, units do redis.call('ZADD', KEYS[1], now, t[1] .. t[2] .. ':' .. ARGV[4] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[1], math.ceil(windowMs) + 1000)
  return '0'
end
local blocking = redis.call('ZRANGE', KEYS[1], count + units - cap - 1, count + units - cap - 1, 'WITHSCORES')
return tostring(tonumber(blocking[2]) + windowMs - now)
`;

interface RedisRateLimiterOptions {
  /** Limiters with the same key share one budget (e.g. one per Vonage API key). */
  key: string;
  plan: RatePlan;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly key: string;
  private calls = 0;

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
    const { plan } = this.options;
    const caller = `${process.pid}:${++this.calls}`;
    for (;;) {
      const wait = Number(await this.redis.eval(LOG_SEND, 1, `${this.key}:log`, logWindowMs(plan), plan.perSecond, keyUnits(plan, cost), caller));
      if (wait <= 0) return;
      await sleep(wait);
    }
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
