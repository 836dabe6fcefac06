import { Column, Entity, Index } from 'typeorm';
import { IdColumn, TimestampColumn } from '../../db/columns.js';

// One event of one job run (Agenda's JobLogEntry: start, success, fail,
// complete, retry, …), when jobs live in the application database. Ids are
// time-ordered and given in the order Agenda reports the events, so id order
// is event order even within one millisecond.
@Entity('agenda_job_log')
// A job's history, in order.
@Index('IDX_agenda_job_log_job', ['jobId', 'id'])
// Retention prunes by age; listings by name page by time.
@Index('IDX_agenda_job_log_time', ['timestamp'])
@Index('IDX_agenda_job_log_name', ['jobName', 'timestamp'])
export class AgendaJobLogEntry {
  @IdColumn() id!: string;
  @TimestampColumn() timestamp!: Date;
  @Column({ type: 'varchar', length: 8 }) level!: string;
  @Column({ type: 'varchar', length: 20 }) event!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) jobId!: string | null;
  @Column({ type: 'varchar', length: 200 }) jobName!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'int', nullable: true }) duration!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'int', nullable: true }) failCount!: number | null;
  @Column({ type: 'int', nullable: true }) retryDelay!: number | null;
  @Column({ type: 'int', nullable: true }) retryAttempt!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) agendaName!: string | null;
  // JSON.
  @Column({ type: 'text', nullable: true }) meta!: string | null;
}
