import { Between, IsNull, type DataSource } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { MessageScheduler } from './message-intent.js';
import type { SendPace } from './send-pace.js';
import { planEarlyStarts } from './send-plan.js';

// Moves per planner run saved at once.
const MOVE_CONCURRENCY = 8;

interface SendPlannerSettings {
  /** How far ahead due texts are planned; a burst longer than this to send is not fully pulled forward. */
  horizonMs: number;
  /** The provider's time per text (the key's step, with a margin for the pipeline). */
  stepMs: number;
  /** The pipeline's own time per text, where this process sends; the plan takes the slower of the two. */
  pace?: SendPace;
  /** The margin on the pipeline's time per text. */
  paceMargin?: number;
}

/**
 * L8: looks at the texts due within the horizon and pulls forward the jobs of
 * those the rate could not carry by their due times (send-plan.ts). The entry's
 * scheduledFor stays its due time; only its job runs earlier. Texts sent early
 * still say when their session starts (the reminder names the start time).
 */
export class SendPlannerService {
  // Where this process last put each job, so a run moves only what changed.
  private readonly placed = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: MessageScheduler,
    private readonly settings: SendPlannerSettings,
  ) {}

  /**
   * When newly recorded entries should first be scheduled: the plan's early
   * start where the burst needs one, so their jobs are saved once, already in
   * place. Others in the plan that must now move are left to the next run.
   */
  async startsFor(entryIds: string[], now = new Date()): Promise<Map<string, number>> {
    const starts = await this.plan(now);
    const mine = new Map<string, number>();
    for (const id of entryIds) {
      const at = starts.get(id);
      if (at === undefined) continue;
      mine.set(id, at);
      this.placed.set(id, at);
    }
    return mine;
  }

  /** Returns how many jobs were moved earlier. */
  async run(now = new Date()): Promise<number> {
    const starts = await this.plan(now);
    const moves = [...starts].filter(([id, at]) => this.placed.get(id) !== at);
    let next = 0;
    const move = async () => {
      for (let m = moves[next++]; m; m = moves[next++]) {
        await this.scheduler.scheduleSend(m[0], new Date(m[1]));
        this.placed.set(m[0], m[1]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MOVE_CONCURRENCY, moves.length) }, move));
    for (const id of this.placed.keys()) if (!starts.has(id)) this.placed.delete(id);
    return moves.length;
  }

  /** L8: the time each text of a burst is given: the provider's step, or the pipeline's where it is slower. */
  stepMs(): number {
    const { stepMs, pace, paceMargin = 1 } = this.settings;
    return Math.max(stepMs, (pace?.stepMs() ?? 0) * paceMargin);
  }

  private async plan(now: Date): Promise<Map<string, number>> {
    const due = await this.dataSource.getRepository(CommsLogEntry).find({
      select: { id: true, scheduledFor: true },
      // T3: a text held for quiet hours may not go before they end, so it is never pulled forward.
      where: { status: MessageStatus.QUEUED, holdReason: IsNull(), scheduledFor: Between(now, new Date(now.getTime() + this.settings.horizonMs)) },
    });
    return planEarlyStarts(
      due.map((entry) => ({ id: String(entry.id), dueAt: entry.scheduledFor!.getTime() })),
      this.stepMs(),
      now.getTime(),
    );
  }
}
