import type { JobLogEntry, JobLogger, JobLogQuery, JobLogQueryResult } from 'agenda';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { newId } from '../../db/id.util.js';
import { AgendaJobLogEntry } from './agenda-job-log-entry.entity.js';

export interface SqlJobLoggerOptions {
  /** How long entries are kept, in ms; older ones are pruned. */
  retentionMs: number;
  /** How often pruning runs at most (it runs as entries are written), in ms. */
  pruneEveryMs?: number;
  /** How long an entry may wait to be written with others, in ms. */
  flushAfterMs?: number;
}

const DEFAULT_LIMIT = 50;
// Rows per INSERT: well under the parameter limits of SQLite and MySQL.
const INSERT_CHUNK = 200;

type Where = { andWhere(where: string, parameters?: ObjectLiteral): unknown };

/**
 * Agenda's JobLogger on the application database (table agenda_job_log). A
 * sending worker reports three events per text, so entries are written in
 * batches a few ms apart rather than one INSERT each; reads write what is
 * waiting first, so a caller always sees its own process's events.
 */
export class SqlJobLogger implements JobLogger {
  private pending: AgendaJobLogEntry[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushed: Promise<void> = Promise.resolve();
  private lastPruneAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SqlJobLoggerOptions,
  ) {}

  log(entry: Omit<JobLogEntry, '_id'>): Promise<void> {
    // The id is taken now: ids are time-ordered, so they keep the order Agenda reported the events in.
    this.pending.push(toRow(newId(), entry));
    const pruneEvery = this.options.pruneEveryMs ?? 60 * 60 * 1000;
    if (Date.now() - this.lastPruneAt >= pruneEvery) {
      this.lastPruneAt = Date.now();
      void this.prune().catch(() => undefined);
    }
    this.flushTimer ??= setTimeout(() => void this.flush().catch(() => undefined), this.options.flushAfterMs ?? 20);
    // Agenda does not wait for log writes; a failed batch costs its entries, never a job.
    return Promise.resolve();
  }

  /** Writes the entries waiting to be written. */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const rows = this.pending;
    this.pending = [];
    // One write after another: a read that waits for `flushed` sees them all.
    this.flushed = this.flushed
      .catch(() => undefined)
      .then(async () => {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await this.dataSource.createQueryBuilder().insert().into(AgendaJobLogEntry).values(rows.slice(i, i + INSERT_CHUNK)).updateEntity(false).execute();
        }
      });
    return this.flushed;
  }

  async getLogs(query: JobLogQuery = {}): Promise<JobLogQueryResult> {
    await this.flush().catch(() => undefined);
    const qb = this.dataSource.getRepository(AgendaJobLogEntry).createQueryBuilder('log');
    applyLogFilter(qb, query, 'log.');
    const total = await qb.clone().getCount();
    const direction = query.sort === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy('log.timestamp', direction)
      .addOrderBy('log.id', direction)
      .offset(query.offset ?? 0)
      .limit(query.limit ?? DEFAULT_LIMIT);
    return { entries: (await qb.getMany()).map(toEntry), total };
  }

  async clearLogs(query: JobLogQuery = {}): Promise<number> {
    await this.flush().catch(() => undefined);
    const qb = this.dataSource.createQueryBuilder().delete().from(AgendaJobLogEntry);
    applyLogFilter(qb, query, '');
    return (await qb.execute()).affected ?? 0;
  }

  /** Removes entries older than the retention time; how many it removed. */
  async prune(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.options.retentionMs);
    const result = await this.dataSource.createQueryBuilder().delete().from(AgendaJobLogEntry).where('timestamp < :before', { before }).execute();
    return result.affected ?? 0;
  }
}

function applyLogFilter(qb: Where, query: JobLogQuery, prefix: string): void {
  const column = (name: string) => `${prefix}${name}`;
  const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  if (query.jobId) qb.andWhere(`${column('jobId')} = :lJobId`, { lJobId: query.jobId });
  if (query.jobName) qb.andWhere(`${column('jobName')} = :lJobName`, { lJobName: query.jobName });
  const levels = list(query.level);
  if (levels.length) qb.andWhere(`${column('level')} IN (:...lLevels)`, { lLevels: levels });
  const events = list(query.event);
  if (events.length) qb.andWhere(`${column('event')} IN (:...lEvents)`, { lEvents: events });
  if (query.from) qb.andWhere(`${column('timestamp')} >= :lFrom`, { lFrom: query.from });
  if (query.to) qb.andWhere(`${column('timestamp')} <= :lTo`, { lTo: query.to });
}

function toRow(id: string, entry: Omit<JobLogEntry, '_id'>): AgendaJobLogEntry {
  const int = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : Math.round(value));
  return {
    id,
    timestamp: entry.timestamp ?? new Date(),
    level: entry.level,
    event: entry.event,
    jobId: entry.jobId ?? null,
    jobName: entry.jobName,
    message: entry.message,
    duration: int(entry.duration),
    error: entry.error ?? null,
    failCount: int(entry.failCount),
    retryDelay: int(entry.retryDelay),
    retryAttempt: int(entry.retryAttempt),
    agendaName: entry.agendaName ?? null,
    meta: entry.meta === undefined ? null : JSON.stringify(entry.meta),
  };
}

function toEntry(row: AgendaJobLogEntry): JobLogEntry {
  return {
    _id: row.id,
    timestamp: row.timestamp,
    level: row.level as JobLogEntry['level'],
    event: row.event as JobLogEntry['event'],
    ...(row.jobId !== null && { jobId: row.jobId }),
    jobName: row.jobName,
    message: row.message,
    ...(row.duration !== null && { duration: row.duration }),
    ...(row.error !== null && { error: row.error }),
    ...(row.failCount !== null && { failCount: row.failCount }),
    ...(row.retryDelay !== null && { retryDelay: row.retryDelay }),
    ...(row.retryAttempt !== null && { retryAttempt: row.retryAttempt }),
    ...(row.agendaName !== null && { agendaName: row.agendaName }),
    ...(row.meta !== null && { meta: JSON.parse(row.meta) as Record<string, unknown> }),
  };
}
