import type { RateCost } from './rate-limiter.js';

/**
 * L7: the limits one provider key sends under, as spacings between requests.
 * Every limiter reserves each request a start time at least one step after the
 * previous one (GCRA with no burst), so no rolling second carries more than the
 * cap. The step is stretched by `headroomMs` per second: a request reaches the
 * provider a little earlier or later than its reserved time (timers, sockets,
 * a stalled event loop), so just before the request goes, a sliding log of
 * the key's actual send moments over the last 1000 + `headroomMs` ms must have
 * room for it: spacing makes the stream smooth, the log makes it exact, and
 * the headroom covers the way from here to the provider.
 */
export interface RatePlan {
  /** Units per second allowed on the key (Vonage: 30 per API key by default). */
  perSecond: number;
  /** What the key's cap counts: API requests, or message segments. */
  unit: 'request' | 'segment';
  headroomMs: number;
  /** Segments per second one sender number may carry, or null when it has no limit of its own. */
  senderRate(sender: string): number | null;
}

export interface RateSteps {
  /** Milliseconds this request holds the key's budget. */
  keyMs: number;
  /** Milliseconds it holds its sender's budget; null when the sender has no limit. */
  senderMs: number | null;
}

export function rateSteps(plan: RatePlan, cost: RateCost = {}): RateSteps {
  const segments = Math.max(1, Math.floor(cost.segments ?? 1));
  const second = 1000 + plan.headroomMs;
  const senderRate = cost.sender ? plan.senderRate(cost.sender) : null;
  return { keyMs: (second * keyUnits(plan, cost)) / plan.perSecond, senderMs: senderRate ? (second * segments) / senderRate : null };
}

/** L7: the sliding log's window. */
export const logWindowMs = (plan: RatePlan) => 1000 + plan.headroomMs;

/** L7: how much of the key's per-second cap one request uses. */
export const keyUnits = (plan: RatePlan, cost: RateCost = {}) => (plan.unit === 'segment' ? Math.max(1, Math.floor(cost.segments ?? 1)) : 1);
