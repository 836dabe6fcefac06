import { systemClock, type LimiterClock, type RateCost, type RateLimiter, type RateRelease } from './rate-limiter.js';
import { IN_FLIGHT_EXPIRY_MS, IN_FLIGHT_POLL_MS, keyUnits, logWindowMs, rateSteps, type RatePlan } from './rate-plan.js';

// L7, one process: GCRA kept in memory. Each request reserves the key's next
// slot (so callers go in the order they asked, evenly spaced) and, when its
// sender has a throughput of its own, that sender's next slot too. A sender
// still busy is waited for without holding the key, so one slow long code
// never delays texts from other numbers. Then, just before it goes, it is
// admitted against the rolling window (rate-plan.ts).
export class GcraRateLimiter implements RateLimiter {
  private keyFreeAt = -Infinity;
  private readonly senderFreeAt = new Map<string, number>();
  // When each answered unit's answer came, oldest first.
  private readonly answeredAt: number[] = [];
  // Units in flight, by when they were admitted.
  private readonly inFlight = new Map<number, { at: number; units: number }>();
  private admitted = 0;

  constructor(
    private readonly plan: RatePlan,
    private readonly clock: LimiterClock = systemClock,
  ) {
    if (!(plan.perSecond > 0)) throw new Error('A rate limit needs a positive rate');
  }

  async acquire(cost: RateCost = {}): Promise<void> {
    const steps = rateSteps(this.plan, cost);
    for (;;) {
      const now = this.clock.now();
      const sender = steps.senderMs === null ? null : cost.sender!;
      const senderFreeAt = sender === null ? -Infinity : (this.senderFreeAt.get(sender) ?? -Infinity);
      if (senderFreeAt > now) {
        await this.clock.sleep(senderFreeAt - now);
        continue;
      }
      const start = Math.max(now, this.keyFreeAt);
      this.keyFreeAt = start + steps.keyMs;
      if (sender !== null) this.senderFreeAt.set(sender, start + steps.senderMs!);
      if (start > now) await this.clock.sleep(start - now);
      return;
    }
  }

  async admit(cost: RateCost = {}): Promise<RateRelease> {
    const units = keyUnits(this.plan, cost);
    const windowMs = logWindowMs(this.plan);
    for (;;) {
      const now = this.clock.now();
      while (this.answeredAt.length && this.answeredAt[0] <= now - windowMs) this.answeredAt.shift();
      let flying = 0;
      for (const [id, request] of this.inFlight) {
        if (request.at <= now - IN_FLIGHT_EXPIRY_MS) this.inFlight.delete(id);
        else flying += request.units;
      }
      if (this.answeredAt.length + flying + units <= this.plan.perSecond) {
        const id = ++this.admitted;
        this.inFlight.set(id, { at: now, units });
        return async () => {
          if (!this.inFlight.delete(id)) return;
          const answered = this.clock.now();
          for (let i = 0; i < units; i++) this.answeredAt.push(answered);
        };
      }
      // Room comes when enough answered units age out; units in flight first have to be answered.
      const need = this.answeredAt.length + flying + units - this.plan.perSecond;
      await this.clock.sleep(need <= this.answeredAt.length ? Math.max(1, this.answeredAt[need - 1] + windowMs - now) : IN_FLIGHT_POLL_MS);
    }
  }
}
