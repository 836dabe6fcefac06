import type { DataSource, EntityManager } from 'typeorm';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { CommsLogEvent } from './comms-log-event.entity.js';
import type { HistoryEvent } from './history-event-of.util.js';

/** A row for an entry whose workspace the caller holds. */
interface KnownEntryEvent extends HistoryEvent {
  entryId: string;
  workspaceId: string;
}

// Rows written by one statement at most, outside a transaction.
const MAX_BATCH = 50;

interface WaitingRow {
  parameters: unknown[];
  resolve(): void;
  reject(error: unknown): void;
}

// C2: appends to the per-entry timeline. INSERT … SELECT takes the workspace
// from the entry, so callers need only its id; the SQL is built once per row
// count: this runs on the hot path of every send, twice. Rows written after a
// change that landed (outside a transaction) go by group commit: while one
// INSERT is on its way, the rows of other sends wait and go together in the
// next, so a busy worker writes its timeline in a fraction of the statements
// and an idle one waits for none. Each caller still returns only once its own
// row is written (or failed), before it announces the change.
export class CommsLogHistory {
  private readonly statements = new Map<number, string>();
  private readonly waiting: WaitingRow[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  /** One event of one entry; in `manager`'s transaction when given. */
  async append(entryId: string, event: HistoryEvent, at: Date, manager?: EntityManager): Promise<void> {
    const parameters = this.rowParameters(entryId, event, at);
    if (manager) {
      await manager.query(this.insertSql(1), parameters);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.waiting.push({ parameters, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  // One INSERT at a time; what came meanwhile goes in the next.
  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await this.dataSource.query(this.insertSql(batch.length), batch.flatMap((row) => row.parameters));
          for (const row of batch) row.resolve();
        } catch (error) {
          for (const row of batch) row.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private rowParameters(entryId: string, event: HistoryEvent, at: Date): unknown[] {
    const { driver } = this.dataSource;
    const atColumn = this.dataSource.getMetadata(CommsLogEvent).findColumnWithPropertyName('at')!;
    return [driver.preparePersistentValue(at, atColumn), event.type, event.attempt ?? null, clip(event.code, 40), clip(event.providerStatus, 32), clip(event.detail, 255), entryId];
  }

  /** Many events of entries the caller just wrote, in its transaction: one multi-row INSERT. */
  async appendKnown(manager: EntityManager, events: KnownEntryEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await manager.insert(
      CommsLogEvent,
      events.map((event) => ({
        entryId: event.entryId,
        workspaceId: event.workspaceId,
        at,
        type: event.type,
        attempt: event.attempt ?? null,
        code: clip(event.code, 40),
        providerStatus: clip(event.providerStatus, 32),
        detail: clip(event.detail, 255),
      })),
    );
  }

  // INSERT … SELECT of `rows` rows, one SELECT per row joined by UNION ALL (MySQL, MariaDB and SQLite alike).
  private insertSql(rows: number): string {
    let sql = this.statements.get(rows);
    if (!sql) {
      const { driver } = this.dataSource;
      const events = driver.escape(this.dataSource.getMetadata(CommsLogEvent).tableName);
      const entries = driver.escape(this.dataSource.getMetadata(CommsLogEntry).tableName);
      const columns = ['entryId', 'workspaceId', 'at', 'type', 'attempt', 'code', 'providerStatus', 'detail'].map((c) => driver.escape(c)).join(', ');
      const select = `SELECT e.${driver.escape('id')}, e.${driver.escape('workspaceId')}, ?, ?, ?, ?, ?, ? FROM ${entries} e WHERE e.${driver.escape('id')} = ?`;
      sql = `INSERT INTO ${events} (${columns}) ${Array.from({ length: rows }, () => select).join(' UNION ALL ')}`;
      this.statements.set(rows, sql);
    }
    return sql;
  }
}

function clip(value: string | null | undefined, length: number): string | null {
  return value == null ? null : value.slice(0, length);
}
