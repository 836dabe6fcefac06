/** L5: waits until one more request to the provider fits its rate limit. */
export interface RateLimiter {
  acquire(): Promise<void>;
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
