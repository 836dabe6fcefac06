import { In, LessThanOrEqual, Between, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import type { CommsEvents } from '../../comms-log/comms-events.js';
import { MessageDirection, MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { DeliveryService } from './delivery.service.js';
import type { MessageIntent } from './message-intent.js';
import { TransientSendError } from './retry-backoff.js';

/** Confirmations sent per look at the queue; between batches the lane checks for time-critical texts again. */
const OPT_IN_BATCH = 25;
/** K9: the lane stands aside while a time-critical text falls due this soon (or came due this recently). */
const TIME_CRITICAL_AHEAD_MS = 2_000;
const TIME_CRITICAL_BEHIND_MS = 60_000;
/** How long one run of the lane may send before it hands the worker back. */
const OPT_IN_RUN_BUDGET_MS = 4_000;

// Every kind a person waits for; opt-in confirmations give way to all of them.
const TIME_CRITICAL_KINDS = Object.values(MessageKind).filter((k) => k !== MessageKind.OPT_IN_CONFIRMATION && k !== MessageKind.INBOUND);

/** Who was opted in: an employee or a participant, and the number it was for. */
interface OptedInSubject {
  workspaceId: string;
  employeeId?: string | null;
  participantId?: string | null;
  phone: string;
}

// K9: one confirmation per number per workspace per opt-in: the opt-in's moment is part of the key.
// A8/K9: at most one confirmation per number per workspace per (UTC) day, so
// signups that opt one number in again and again cannot multiply its texts.
const confirmationDay = (at: Date): string => at.toISOString().slice(0, 10);

function confirmationKey(workspaceId: string, phone: string, at: Date): string {
  return `opt-in:${workspaceId}:${phone}:${confirmationDay(at)}`;
}

// K9: a number that becomes opted in gets one confirmation text. They wait in
// the log (QUEUED) and go out through one low-priority lane that stands aside
// whenever a reminder or any other time-critical text is due, so a bulk
// opt-in of 100,000 never delays a reminder. Bulk fan-out is one INSERT …
// SELECT of log entries, never a loop.
export class OptInConfirmations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly events: CommsEvents,
  ) {}

  /** The intent for one subject's opt-in (ADMIN, SIGNUP, signup consent, S8); record it in the opt-in's transaction. */
  intent(subject: OptedInSubject, now: Date): MessageIntent {
    return {
      workspaceId: subject.workspaceId,
      kind: MessageKind.OPT_IN_CONFIRMATION,
      employeeId: subject.employeeId ?? null,
      participantId: subject.participantId ?? null,
      recipientPhone: subject.phone,
      sendAt: now,
      idempotencyKey: confirmationKey(subject.workspaceId, subject.phone, now),
    };
  }

  /** After the opt-in committed: the feed hears of the queued confirmations; the lane sends them. */
  announce(entries: CommsLogEntry[]): void {
    for (const entry of entries) this.events.publish({ type: 'created', entry });
  }

  /**
   * K9 in bulk: one QUEUED confirmation per distinct number among the
   * employees `subjects` selects (alias `e`), written by a single INSERT …
   * SELECT in the caller's transaction. Returns how many were queued.
   */
  async recordForEmployees(manager: EntityManager, subjects: SelectQueryBuilder<ObjectLiteral>, now: Date): Promise<number> {
    const { driver } = manager.connection;
    const metadata = manager.connection.getMetadata(CommsLogEntry);
    const stamp = (column: string) => driver.preparePersistentValue(now, metadata.findColumnWithPropertyName(column)!);
    const sqlite = driver.options.type === 'better-sqlite3';
    const key = sqlite ? `:okPrefix || e.workspaceId || ':' || e.phone || :okSuffix` : `CONCAT(:okPrefix, e.workspaceId, ':', e.phone, :okSuffix)`;
    const select = subjects
      .select(`e.workspaceId, MIN(e.id), e.phone, ${key}, :okDirection, :okKind, :okStatus, 0, :okScheduledFor, :okCreatedAt, :okUpdatedAt`)
      .groupBy('e.workspaceId')
      .addGroupBy('e.phone')
      .setParameters({
        okPrefix: 'opt-in:',
        okSuffix: `:${confirmationDay(now)}`,
        okDirection: MessageDirection.OUTBOUND,
        okKind: MessageKind.OPT_IN_CONFIRMATION,
        okStatus: MessageStatus.QUEUED,
        okScheduledFor: stamp('scheduledFor'),
        okCreatedAt: stamp('createdAt'),
        okUpdatedAt: stamp('updatedAt'),
      });
    const [selectSql, parameters] = select.getQueryAndParameters();
    const columns = ['workspaceId', 'employeeId', 'recipientPhone', 'idempotencyKey', 'direction', 'kind', 'status', 'attempts', 'scheduledFor', 'createdAt', 'updatedAt']
      .map((c) => driver.escape(c))
      .join(', ');
    // A number already confirmed for this very opt-in (two id chunks sharing a phone) is left as it is.
    const insert = sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
    const result: unknown = await manager.query(`${insert} INTO ${driver.escape('comms_log_entries')} (${columns}) ${selectSql}`, parameters);
    return affectedRows(result);
  }

  /**
   * One run of the lane: sends due confirmations in small batches for up to
   * the budget, standing aside while a time-critical text is due. Returns
   * whether confirmations are left waiting.
   */
  async drain(budgetMs = OPT_IN_RUN_BUDGET_MS, clock: () => Date = () => new Date()): Promise<boolean> {
    const started = clock().getTime();
    const repo = this.dataSource.getRepository(CommsLogEntry);
    while (clock().getTime() - started < budgetMs) {
      const now = clock();
      if (await this.timeCriticalDue(now)) return true;
      const due = await repo.find({
        select: { id: true },
        where: { status: MessageStatus.QUEUED, kind: MessageKind.OPT_IN_CONFIRMATION, scheduledFor: LessThanOrEqual(now) },
        order: { scheduledFor: 'ASC', id: 'ASC' },
        take: OPT_IN_BATCH,
      });
      if (due.length === 0) return false;
      for (const { id } of due) {
        try {
          await this.delivery.deliver(String(id), clock());
        } catch (error) {
          // L5: the provider said "later": the entry is QUEUED again; the next run tries it.
          if (error instanceof TransientSendError) return true;
          await this.delivery.giveUp(String(id), error instanceof Error ? error.message : String(error));
        }
      }
    }
    return true;
  }

  private timeCriticalDue(now: Date): Promise<boolean> {
    return this.dataSource.getRepository(CommsLogEntry).exists({
      where: {
        status: MessageStatus.QUEUED,
        kind: In(TIME_CRITICAL_KINDS),
        scheduledFor: Between(new Date(now.getTime() - TIME_CRITICAL_BEHIND_MS), new Date(now.getTime() + TIME_CRITICAL_AHEAD_MS)),
      },
    });
  }
}

// mysql2 answers an INSERT with a result header; better-sqlite3 through TypeORM with nothing useful.
function affectedRows(result: unknown): number {
  if (result && typeof result === 'object' && 'affectedRows' in result) return Number((result as { affectedRows: number }).affectedRows);
  return -1;
}
