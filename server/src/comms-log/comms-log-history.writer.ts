import type { DataSource, EntityManager } from 'typeorm';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { CommsLogEvent } from './comms-log-event.entity.js';
import type { HistoryEvent } from './history-event-of.util.js';

/** A row for an entry whose workspace the caller holds. */
interface KnownEntryEvent extends HistoryEvent {
  entryId: string;
  workspaceId: string;
}

// C2: appends to the per-entry timeline. One statement per transition
// (INSERT … SELECT takes the workspace from the entry, so callers need only
// its id), its SQL built once: this runs on the hot path of every send.
export class CommsLogHistory {
  private sql: string | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** One event of one entry; in `manager`'s transaction when given. */
  async append(entryId: string, event: HistoryEvent, at: Date, manager?: EntityManager): Promise<void> {
    const { driver } = this.dataSource;
    const atColumn = this.dataSource.getMetadata(CommsLogEvent).findColumnWithPropertyName('at')!;
    const parameters = [driver.preparePersistentValue(at, atColumn), event.type, event.attempt ?? null, clip(event.code, 40), clip(event.providerStatus, 32), clip(event.detail, 255), entryId];
    await (manager ?? this.dataSource).query((this.sql ??= this.compile()), parameters);
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

  private compile(): string {
    const { driver } = this.dataSource;
    const events = driver.escape(this.dataSource.getMetadata(CommsLogEvent).tableName);
    const entries = driver.escape(this.dataSource.getMetadata(CommsLogEntry).tableName);
    const columns = ['entryId', 'workspaceId', 'at', 'type', 'attempt', 'code', 'providerStatus', 'detail'].map((c) => driver.escape(c)).join(', ');
    return `INSERT INTO ${events} (${columns}) SELECT e.${driver.escape('id')}, e.${driver.escape('workspaceId')}, ?, ?, ?, ?, ?, ? FROM ${entries} e WHERE e.${driver.escape('id')} = ?`;
  }
}

function clip(value: string | null | undefined, length: number): string | null {
  return value == null ? null : value.slice(0, length);
}
