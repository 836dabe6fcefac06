import { log } from '../../observability/logger.js';
import type { TockMetrics } from '../../observability/metrics.js';
import type { RateCost, RateLimiter } from '../rate-limit/rate-limiter.js';
import type { OutgoingSms, SendResult, SmsProvider } from './sms-provider.js';

type Send = (sms: OutgoingSms) => Promise<SendResult>;

/** O1/O2: times one provider call, counts its errors by code and logs the answer; the provider itself knows nothing of this. */
export function measuredSend(channel: string, send: Send, metrics: TockMetrics): Send {
  return async (sms) => {
    const started = performance.now();
    const result = await send(sms);
    const seconds = (performance.now() - started) / 1000;
    const errorCode = result.outcome === 'sent' ? null : result.errorCode;
    metrics.recordProviderRequest(channel, result.outcome, seconds, errorCode);
    log.info({ channel, outcome: result.outcome, ...(errorCode && { errorCode }), ms: Math.round(seconds * 1000) }, 'provider answered');
    return result;
  };
}

export function measuredProvider(provider: SmsProvider, metrics: TockMetrics): SmsProvider {
  return {
    channel: provider.channel,
    // L5: the rate-limit wait stays the provider's (a wrapper without it would send unthrottled).
    ...(provider.awaitTurn && { awaitTurn: (sms: OutgoingSms) => provider.awaitTurn!(sms) }),
    send: measuredSend(provider.channel, (sms) => provider.send(sms), metrics),
  };
}

/** O2: how long each send waited for the provider's rate limit (L5). */
export function measuredRateLimiter(limiter: RateLimiter, metrics: TockMetrics): RateLimiter {
  return {
    // L7: the cost (sender, segments) passes through, or per-sender and segment limits would not apply.
    acquire: async (cost?: RateCost) => {
      const started = performance.now();
      try {
        await limiter.acquire(cost);
      } finally {
        metrics.recordRateLimiterWait((performance.now() - started) / 1000);
      }
    },
    admit: (cost?: RateCost) => limiter.admit(cost),
  };
}
