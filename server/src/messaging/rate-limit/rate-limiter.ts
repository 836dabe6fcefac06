/** What one request to the provider costs against its limits. */
export interface RateCost {
  /** The sender number (E.164) or alphanumeric sender id, for the per-sender throughput. */
  sender?: string | null;
  /** SMS segments in the text; 1 when not given. */
  segments?: number;
}

/** L7: waits until one more request to the provider fits every limit it is under. */
export interface RateLimiter {
  acquire(cost?: RateCost): Promise<void>;
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
