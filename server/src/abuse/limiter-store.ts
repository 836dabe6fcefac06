import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

interface LimiterOptions {
  /** Distinguishes this limit's keys from every other's. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once over, how long the key stays refused (default: the rest of the window). */
  blockSeconds?: number;
}

/** Builds limiters that share counts through Redis when it is configured, in process otherwise (A8). */
export class LimiterStore {
  private readonly redis: Redis | null;

  constructor(
    redisUrl: string | undefined,
    readonly namespace = 'tock:abuse',
  ) {
    // No offline queue: a Redis outage must not hang a signup; the insurance limiter takes over.
    this.redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    this.redis?.on('error', () => {});
  }

  get shared(): boolean {
    return this.redis !== null;
  }

  limiter(options: LimiterOptions): RateLimiterAbstract {
    const common = {
      keyPrefix: `${this.namespace}:${options.keyPrefix}`,
      points: options.points,
      duration: options.durationSeconds,
      blockDuration: options.blockSeconds ?? 0,
    };
    if (!this.redis) return new RateLimiterMemory(common);
    // While Redis is unreachable each process still limits on its own.
    return new RateLimiterRedis({ ...common, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(common) });
  }

  /** Resolves once Redis answers (true), or after the timeout (false: the in-process insurance counts meanwhile). */
  ready(timeoutMs = 5_000): Promise<boolean> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** A raw client for one-time records (the challenge's replay guard); null without Redis. */
  get client(): Redis | null {
    return this.redis;
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis!.disconnect());
  }
}
