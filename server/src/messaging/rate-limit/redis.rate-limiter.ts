import type { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';

// L5, several processes sharing one Vonage key: a fixed window counted in Redis.
// The window is numbered from Redis's own clock (TIME), so workers on machines
// whose clocks disagree still count into the same window. Over the limit, a
// caller waits for the next window and tries again.
const TAKE_SLOT = `
local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local window = math.floor(nowMs / windowMs)
local key = KEYS[1] .. ':' .. window
local count = redis.call('INCR', key)
if count == 1 then redis.call('PEXPIRE', key, windowMs * 2) end
return {count, (window + 1) * windowMs - nowMs}
`;

interface RedisRateLimiterOptions {
  /** Requests allowed per window. */
  limit: number;
  /** Default one second: Vonage's limit is per second. */
  windowMs?: number;
  /** Limiters with the same key share one budget (e.g. one per Vonage API key). */
  key: string;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly windowMs: number;
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {
    if (!(options.limit >= 1)) throw new Error('A rate limit needs a limit of at least 1');
    this.windowMs = options.windowMs ?? 1000;
    this.key = `tock:rate-limit:${options.key}`;
  }

  async acquire(): Promise<void> {
    for (;;) {
      const [count, msToNextWindow] = (await this.redis.eval(TAKE_SLOT, 1, this.key, this.windowMs)) as [number, number];
      if (count <= this.options.limit) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, msToNextWindow)));
    }
  }
}
