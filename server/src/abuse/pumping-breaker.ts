import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterStore } from './limiter-store.js';

/** A8: is this count of new numbers in the hour past the workspace's budget? Pure. */
function breakerTrips(newNumbersThisHour: number, budgetPerHour: number): boolean {
  return newNumbersThisHour > budgetPerHour;
}

// A8: counts, per workspace and rolling hour, the publicly triggered texts to
// numbers new to the workspace (shared through Redis when configured). The
// tripped state itself lives on the workspace row, so every process sees it.
export class PumpingBreaker {
  private readonly counter: RateLimiterAbstract;

  constructor(store: LimiterStore) {
    // A counter, not a limit: the budget is per workspace and is compared by breakerTrips.
    this.counter = store.limiter({ keyPrefix: 'pumping', points: Number.MAX_SAFE_INTEGER, durationSeconds: 3600 });
  }

  /** Counts one new number; true when the workspace is now past its budget. */
  async countNewNumber(workspaceId: string, budgetPerHour: number): Promise<boolean> {
    const res = await this.counter.consume(workspaceId);
    return breakerTrips(res.consumedPoints, budgetPerHour);
  }

  async newNumbersThisHour(workspaceId: string): Promise<number> {
    return (await this.counter.get(workspaceId))?.consumedPoints ?? 0;
  }

  /** An ADMIN's reset starts a fresh hour. */
  async reset(workspaceId: string): Promise<void> {
    await this.counter.delete(workspaceId);
  }
}
