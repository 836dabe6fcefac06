import { systemClock, type LimiterClock, type RateCost, type RateLimiter } from './rate-limiter.js';
import { keyUnits, logWindowMs, rateSteps, type RatePlan } from './rate-plan.js';

// L7, one process: GCRA kept in memory. Each request reserves the key's next
// slot (so callers go in the order they asked, evenly spaced) and, when its
// sender has a throughput of its own, that sender's next slot too. A sender
// still busy is waited for without holding the key, so one slow long code
// never delays texts from other numbers. Then the sliding log must have room
// (rate-plan.ts).
export class GcraRateLimiter implements RateLimiter {
  private keyFreeAt = -Infinity;
  private readonly senderFreeAt = new Map<string, number>();
  // The key's actual send moments, one per unit, oldest first.
  private readonly sent: number[] = [];

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
      return this.logSend(keyUnits(this.plan, cost));
    }
  }

  private async logSend(units: number): Promise<void> {
    const windowMs = logWindowMs(this.plan);
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length && this.sent[0] <= now - windowMs) this.sent.shift();
      if (this.sent.length + units <= this.plan.perSecond) {
        for (let i = 0; i < units; i++) this.sent.push(now);
        return;
      }
      await this.clock.sleep(this.sent[this.sent.length + units - this.plan.perSecond - 1] + windowMs - now);
    }
  }
}
