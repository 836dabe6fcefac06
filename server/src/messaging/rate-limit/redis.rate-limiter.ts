import type { Redis } from 'ioredis';
import type { RateCost, RateLimiter } from './rate-limiter.js';
import { lateSlotMs, rateSteps, type RatePlan } from './rate-plan.js';

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
      // The slot is on Redis's clock; here it is no earlier than asked + wait.
      const asked = performance.now();
      const [reserved, wait] = (await this.redis.eval(RESERVE, 2, this.key, senderKey, steps.keyMs, steps.senderMs ?? 0)) as [number, string];
      const waitMs = Number(wait);
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      // Woken too late (a stalled event loop): sending now could bunch up with later slots.
      if (reserved === 1 && performance.now() - (asked + waitMs) <= lateSlotMs(this.options.plan)) return;
    }
  }
}
