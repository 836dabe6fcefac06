import type { RateCost } from './rate-limiter.js';

/**
 * L7: the limits one provider key sends under, as spacings between requests.
 * Every limiter reserves each request a start time at least one step after the
 * previous one (GCRA with no burst), so no rolling second carries more than the
 * cap. The step is stretched by `headroomMs` per second. A request reaches
 * the provider some time after its slot (the claim, timers, a stalled event
 * loop) and before its answer comes back, so just before it goes it is also
 * admitted against a rolling window of 1000 + `headroomMs` ms that counts
 * every request still in flight as arriving now and every answered one at the
 * moment its answer came: the latest it can have arrived. Spacing makes the
 * stream smooth; the window makes it exact however late a request goes.
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

interface RateSteps {
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

/** L7: the rolling window requests are admitted against. */
export const logWindowMs = (plan: RatePlan) => 1000 + plan.headroomMs;

/** L7: a request in flight longer than any provider call can take (Vonage's times out at 10 s) is taken as gone: its worker died. */
export const IN_FLIGHT_EXPIRY_MS = 15_000;

/** L7: how often a caller looks again while the window is full of requests still in flight. */
export const IN_FLIGHT_POLL_MS = 20;

/** L7: how much of the key's per-second cap one request uses. */
export const keyUnits = (plan: RatePlan, cost: RateCost = {}) => (plan.unit === 'segment' ? Math.max(1, Math.floor(cost.segments ?? 1)) : 1);
