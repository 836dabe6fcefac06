import type { Logger } from 'typeorm';

/** Counts SQL statements, so tests can prove that a page of rows costs a handful of queries (no N+1). */
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    if (process.env.TOCK_LOG_SQL_ERRORS) console.error('[sql error]', error, query);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
