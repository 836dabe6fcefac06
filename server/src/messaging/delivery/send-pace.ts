/**
 * L8: how fast this worker's send pipeline actually goes, so a burst is
 * planned at a pace the pipeline keeps and not only at the provider's cap. A
 * send's time (from its job's start to its result written, any rate-limit wait
 * included) is averaged; with `concurrency` sends in flight, a busy pipeline
 * finishes one every mean / concurrency ms (Little's law). An idle pipeline's
 * sends are quick, so it asks for no more than the cap does.
 */
export class SendPace {
  private meanMs: number | null = null;

  constructor(
    private readonly concurrency: number,
    /** How much each new send moves the mean (an exponentially weighted mean). */
    private readonly weight = 0.05,
  ) {}

  record(sendMs: number): void {
    this.meanMs = this.meanMs === null ? sendMs : this.meanMs + this.weight * (sendMs - this.meanMs);
  }

  /** The time per text this worker needs at full concurrency; 0 before it has sent anything. */
  stepMs(): number {
    return this.meanMs === null ? 0 : this.meanMs / this.concurrency;
  }
}
