import type { RateCost } from './rate-limiter.js';

/**
 * L7: the limits one provider key sends under, as spacings between requests.
 * Every limiter reserves each request a start time at least one step after the
 * previous one (GCRA with no burst), so no rolling second carries more than the
 * cap. The step is stretched by `headroomMs` per second: a request reaches the
 * provider a little earlier or later than its reserved time (timers, sockets),
 * and the headroom keeps that jitter from packing one more into a second. A
 * caller that wakes more than half the headroom after its slot (a stalled event
 * loop) gives the slot up and reserves again, so late requests never bunch up
 * behind punctual ones; the other half covers the way to the provider.
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
  const keyUnits = plan.unit === 'segment' ? segments : 1;
  const senderRate = cost.sender ? plan.senderRate(cost.sender) : null;
  return { keyMs: (second * keyUnits) / plan.perSecond, senderMs: senderRate ? (second * segments) / senderRate : null };
}

/** L7: a caller that woke this late for its slot reserves a fresh one (never, without headroom). */
export const lateSlotMs = (plan: RatePlan) => (plan.headroomMs > 0 ? plan.headroomMs / 2 : Infinity);
