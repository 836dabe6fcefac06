import type { Logger } from 'typeorm';
import { log } from '../observability/logger.js';
import { isTransientDbError } from './transient-db-error.util.js';
import { isUniqueViolation } from './unique-violation.util.js';

/** Counts SQL statements, so tests can prove that a page of rows costs a handful of queries (no N+1). */
export class QueryCounter implements Logger {
  count = 0;

  constructor(private readonly quiet = false) {}

  logQuery(): void {
    this.count += 1;
  }
  // O1: the statement with its placeholders, never the parameter values (phones,
  // key hashes). A duplicate key is a race the caller handles (L2), and a deadlock
  // or lost connection one it retries (L6, K8): neither is an error by itself.
  logQueryError(error: string | Error, query: string): void {
    const expected = isUniqueViolation(error) || isTransientDbError(error);
    log[expected ? 'debug' : 'error']({ err: error, query }, 'SQL statement failed');
  }
  logQuerySlow(): void {}
  // Migration progress and TypeORM's own warnings are worth seeing (the CLI
  // reports through here too); everything else stays quiet.
  logSchemaBuild(message: string): void {
    if (!this.quiet) log.info({ component: 'typeorm' }, message);
  }
  logMigration(message: string): void {
    if (!this.quiet) log.info({ component: 'migrations' }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level !== 'log') log[level]({ component: 'typeorm' }, String(message));
  }
}
