import type { AgendaBackend } from 'agenda';
import type { DataSource } from 'typeorm';
import { SqlJobRepository } from './sql-job.repository.js';

/**
 * Agenda's backend on Tock's own database, used when no JOBS_URL is set. It
 * polls (no notification channel) and borrows the application's DataSource,
 * which it neither opens nor closes.
 */
export class SqlJobBackend implements AgendaBackend {
  readonly name = 'Tock SQL';
  readonly repository: SqlJobRepository;
  readonly ownsConnection = false;

  constructor(dataSource: DataSource) {
    this.repository = new SqlJobRepository(dataSource);
  }

  connect(): Promise<void> {
    return this.repository.connect();
  }

  async disconnect(): Promise<void> {}
}
