/** L7's rolling window, as the pace needs it: a request holds its place from admission until `windowMs` after its answer. */
interface PaceWindow {
  windowMs: number;
  perSecond: number;
}

/**
 * L8: how fast this worker's send pipeline actually goes, so a burst is
 * planned at a pace the pipeline keeps and not only at the provider's cap.
 * Two limits, the slower wins:
 * - the sends themselves: a send's time (from its job's start to its result
 *   written) is averaged; with `concurrency` in flight, a busy pipeline
 *   finishes one every mean / concurrency ms (Little's law);
 * - the provider's answers: the rolling window (L7) counts a request from its
 *   admission until `windowMs` after its answer, so each of the cap's places
 *   turns over every windowMs + answer time, not every windowMs.
 * An idle pipeline's sends are quick and its answers prompt, so it asks for no
 * more than the cap does.
 */
export class SendPace {
  private sendMs: number | null = null;
  private answerMs: number | null = null;

  constructor(
    private readonly concurrency: number,
    private readonly window: PaceWindow | null = null,
    /** How much each new measure moves its mean (an exponentially weighted mean). */
    private readonly weight = 0.05,
  ) {}

  /** A send's time, from its job's start to its result written. */
  record(sendMs: number): void {
    this.sendMs = this.mean(this.sendMs, sendMs);
  }

  /** How long the provider took to answer one request. */
  recordAnswer(answerMs: number): void {
    this.answerMs = this.mean(this.answerMs, answerMs);
  }

  /** The time per text this worker needs; 0 before it has sent anything. */
  stepMs(): number {
    const sends = this.sendMs === null ? 0 : this.sendMs / this.concurrency;
    const answers = this.answerMs === null || !this.window ? 0 : (this.window.windowMs + this.answerMs) / this.window.perSecond;
    return Math.max(sends, answers);
  }

  private mean(current: number | null, next: number): number {
    return current === null ? next : current + this.weight * (next - current);
  }
}
