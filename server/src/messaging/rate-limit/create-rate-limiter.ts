import { Redis } from 'ioredis';
import { watchRedis } from '../../common/redis-link.js';
import type { Config } from '../../config/config.js';
import { GcraRateLimiter } from './gcra.rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RatePlan } from './rate-plan.js';
import { RedisRateLimiter } from './redis.rate-limiter.js';
import { parseSenderRates } from './sender-throughput.js';

export function ratePlan(config: Config): RatePlan {
  const { rateLimitPerSecond, rateUnit, rateHeadroomMs, senderRates } = config.vonage;
  return { perSecond: rateLimitPerSecond, unit: rateUnit, headroomMs: rateHeadroomMs, senderRate: parseSenderRates(senderRates) };
}

// L7: with REDIS_URL every process sending through one Vonage key shares one
// budget; without it the process is alone and keeps its own.
export function createRateLimiter(config: Config): { limiter: RateLimiter; close(): Promise<void> } {
  const plan = ratePlan(config);
  if (!config.redisUrl) return { limiter: new GcraRateLimiter(plan), close: async () => undefined };
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  watchRedis(redis, config.redisUrl);
  return {
    limiter: new RedisRateLimiter(redis, { plan, key: `vonage:${config.vonage.apiKey ?? 'sandbox'}` }),
    close: async () => {
      redis.disconnect();
    },
  };
}
