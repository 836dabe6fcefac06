import { Column, Entity, Index } from 'typeorm';
import { IdColumn, TimestampColumn } from '../../db/columns.js';

/** `dedupeKey` of the one row an `every()` job keeps per name. */
export const SINGLE_JOB_KEY = 'single';

// One Agenda job, when jobs live in the application database (no JOBS_URL).
// Columns mirror Agenda's JobParameters; JSON values are stored as text so the
// same table works on MySQL/MariaDB and SQLite.
@Entity('agenda_jobs')
// The poll: due jobs of one name, earliest first.
// The real index is (name, nextRunAt, priority DESC), made by the
// AgendaDueIndexDescending migration: it matches the fetch's ORDER BY, so
// finding the next job reads the index instead of sorting every due job.
@Index('IDX_agenda_jobs_due', { synchronize: false })
// Recovery: locks older than a job's lock lifetime.
@Index('IDX_agenda_jobs_locked', ['lockedAt'])
// The console's job queue (C2): jobs that failed lately.
@Index('IDX_agenda_jobs_failed', ['failedAt'])
// One row per every() job name and per unique() key, even when several workers save at once (L2).
@Index('UQ_agenda_jobs_dedupe', ['name', 'dedupeKey'], { unique: true })
export class AgendaJob {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'int' }) priority!: number;
  @TimestampColumn({ nullable: true }) nextRunAt!: Date | null;
  @Column({ type: 'varchar', length: 10 }) type!: 'normal' | 'single';
  // SINGLE_JOB_KEY for every() jobs, a hash of the unique() query for unique jobs, else NULL.
  @Column({ type: 'varchar', length: 64, nullable: true }) dedupeKey!: string | null;
  // The unique() query as JSON, kept for people reading the table.
  @Column({ type: 'text', nullable: true }) uniqueQuery!: string | null;
  @Column({ type: 'text' }) data!: string;
  @Column({ type: 'boolean' }) disabled!: boolean;
  @TimestampColumn({ nullable: true }) lockedAt!: Date | null;
  @TimestampColumn({ nullable: true }) lastRunAt!: Date | null;
  @TimestampColumn({ nullable: true }) lastFinishedAt!: Date | null;
  @TimestampColumn({ nullable: true }) failedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) failCount!: number | null;
  @Column({ type: 'text', nullable: true }) failReason!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) repeatInterval!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) repeatTimezone!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) repeatAt!: string | null;
  @TimestampColumn({ nullable: true }) startDate!: Date | null;
  @TimestampColumn({ nullable: true }) endDate!: Date | null;
  // JSON array of weekdays (0 = Sunday).
  @Column({ type: 'varchar', length: 40, nullable: true }) skipDays!: string | null;
  @TimestampColumn({ nullable: true }) debounceStartedAt!: Date | null;
  @Column({ type: 'double', nullable: true }) progress!: number | null;
  @Column({ type: 'boolean' }) fork!: boolean;
  @Column({ type: 'varchar', length: 200, nullable: true }) lastModifiedBy!: string | null;
}
