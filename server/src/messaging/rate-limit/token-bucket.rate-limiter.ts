import { systemClock, type LimiterClock, type RateLimiter } from './rate-limiter.js';

// L5, one process: a token bucket holding `burst` tokens, refilled at
// `ratePerSecond`. Callers wait their turn in order, so a burst of sends drains
// evenly instead of racing for each new token.
export class TokenBucketRateLimiter implements RateLimiter {
  private tokens: number;
  private refilledAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = ratePerSecond,
    private readonly clock: LimiterClock = systemClock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error('A rate limit needs a positive rate and a burst of at least 1');
    this.tokens = burst;
    this.refilledAt = clock.now();
  }

  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn;
    return turn;
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.ratePerSecond) / 1000);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
    }
  }
}
