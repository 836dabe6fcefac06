import { Redis } from 'ioredis';
import { watchRedis } from '../../common/redis-link.js';
import type { Config } from '../../config/config.js';
import type { RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis.rate-limiter.js';
import { TokenBucketRateLimiter } from './token-bucket.rate-limiter.js';

// L5: with REDIS_URL every process sending through one Vonage key shares one
// budget; without it the process is alone and keeps its own bucket.
export function createRateLimiter(config: Config): { limiter: RateLimiter; close(): Promise<void> } {
  const rate = config.vonage.rateLimitPerSecond;
  if (!config.redisUrl) return { limiter: new TokenBucketRateLimiter(rate), close: async () => undefined };
  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  watchRedis(redis, config.redisUrl);
  return {
    limiter: new RedisRateLimiter(redis, { limit: rate, key: `vonage:${config.vonage.apiKey ?? 'sandbox'}` }),
    close: async () => {
      redis.disconnect();
    },
  };
}
