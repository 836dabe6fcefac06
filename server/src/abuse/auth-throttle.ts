import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterStore } from './limiter-store.js';

interface AuthThrottleSettings {
  /** Failed authentications per IP per minute before the IP is refused. */
  failuresPerMinute: number;
  blockSeconds: number;
}

// A10: failed authentication (a wrong API key or platform token) is throttled
// per client IP, over HTTP and WebSocket alike. The log names the key's prefix
// only, never the secret.
export class AuthThrottle {
  private readonly failures: RateLimiterAbstract;

  constructor(
    store: LimiterStore,
    settings: AuthThrottleSettings,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.failures = store.limiter({ keyPrefix: 'auth-fail', points: settings.failuresPerMinute, durationSeconds: 60, blockSeconds: settings.blockSeconds });
  }

  /** Seconds until this IP may try again; 0 when it may now. */
  async retryAfter(ip: string | null): Promise<number> {
    const res = await this.failures.get(ip ?? 'unknown');
    if (!res || res.consumedPoints <= this.failures.points) return 0;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }

  /** Records one failed authentication with this credential. */
  async failed(ip: string | null, credential: string | undefined): Promise<void> {
    try {
      await this.failures.consume(ip ?? 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      if (rejection.consumedPoints === this.failures.points + 1) {
        this.log(`[auth] throttling ${ip ?? 'unknown'} after repeated failed authentication (last key prefix ${keyPrefix(credential)})`);
      }
    }
  }
}

/** The non-secret part of a presented key: `tock_1a2b3c4d5e6f_…`; anything else is only described. */
export function keyPrefix(credential: string | undefined): string {
  const token = credential?.replace(/^Bearer\s+/i, '').trim() ?? '';
  const match = /^tock_([0-9a-f]{12})_/.exec(token);
  return match ? `tock_${match[1]}_…` : token ? '(not a Tock key)' : '(none)';
}
