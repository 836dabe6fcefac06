import type { Config } from '../config/config.js';
import { AuthThrottle } from './auth-throttle.js';
import { clientIpResolver } from './client-ip.js';
import { LimiterStore } from './limiter-store.js';
import { PumpingBreaker } from './pumping-breaker.js';
import { SignupChallenge } from './signup-challenge.js';
import { VelocityLimits } from './velocity-limits.js';

/** A7/A8/A10: the abuse defences, shared through Redis when REDIS_URL is set. */
export function createAbuseServices(config: Config, log: (line: string) => void) {
  const store = new LimiterStore(config.redisUrl, config.abuse.redisPrefix);
  const { trust, clientIp } = clientIpResolver(config.abuse.trustedProxies);
  return {
    store,
    trustProxy: trust,
    clientIp,
    limits: new VelocityLimits(store, { signup: config.abuse.signupLimits, managePerIp: config.abuse.manageLimitPerIp }),
    breaker: new PumpingBreaker(store),
    challenge: new SignupChallenge({ ...config.abuse.challenge, secret: config.abuse.challenge.secret ?? config.platformToken }, store.client, `${store.namespace}:challenge`),
    authThrottle: new AuthThrottle(store, { failuresPerMinute: config.abuse.authFailuresPerIp, blockSeconds: config.abuse.authBlockSeconds }, log),
  };
}

export type AbuseServices = ReturnType<typeof createAbuseServices>;
