/** What one request to the provider costs against its limits. */
export interface RateCost {
  /** The sender number (E.164) or alphanumeric sender id, for the per-sender throughput. */
  sender?: string | null;
  /** SMS segments in the text; 1 when not given. */
  segments?: number;
}

/** Called once the provider has answered (or the call failed): the request is no longer in flight. */
export type RateRelease = () => Promise<void>;

/** L7: the provider's limits, in two steps around the claim. */
export interface RateLimiter {
  /** Waits for this request's slot in the key's (and its sender's) evenly spaced schedule; before the claim. */
  acquire(cost?: RateCost): Promise<void>;
  /**
   * The exact check, just before the request goes: waits until the rolling
   * window has room, counting requests still in flight as arriving now.
   * Release when the provider has answered.
   */
  admit(cost?: RateCost): Promise<RateRelease>;
}

/** Time as the limiters see it; tests pass a virtual clock. */
export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
