import type { AgendaBackend, NotificationChannel } from 'agenda';
import type { DataSource } from 'typeorm';
import { SqlJobLogger, type SqlJobLoggerOptions } from '../run-log/sql-job.logger.js';
import { SqlJobRepository } from './sql-job.repository.js';

interface SqlJobBackendOptions {
  /** Wakes workers when a job is saved (in-process, or Redis pub/sub across processes); without one they poll. */
  notificationChannel?: NotificationChannel;
  /** Run history in the application database (agenda_job_log); Agenda writes it when created with `logging: true`. */
  log?: SqlJobLoggerOptions;
}

/**
 * Agenda's backend on Tock's own database, used when no JOBS_URL is set. It
 * borrows the application's DataSource, which it neither opens nor closes.
 */
export class SqlJobBackend implements AgendaBackend {
  readonly name = 'Tock SQL';
  readonly repository: SqlJobRepository;
  readonly notificationChannel: NotificationChannel | undefined;
  readonly logger: SqlJobLogger | undefined;
  readonly ownsConnection = false;

  constructor(dataSource: DataSource, options: SqlJobBackendOptions = {}) {
    this.repository = new SqlJobRepository(dataSource);
    this.notificationChannel = options.notificationChannel;
    this.logger = options.log ? new SqlJobLogger(dataSource, options.log) : undefined;
  }

  async connect(): Promise<void> {
    await this.repository.connect();
    // Connected here, not only in Agenda's start(): an API process never starts
    // Agenda, but its saves must still be announced to the workers.
    await this.notificationChannel?.connect();
  }

  // Agenda never calls this for a backend that does not own its connection:
  // the application does, before it closes the database.
  async disconnect(): Promise<void> {
    await this.notificationChannel?.disconnect();
    await this.logger?.flush();
  }
}
