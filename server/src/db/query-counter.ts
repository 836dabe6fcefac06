import type { Logger } from 'typeorm';

/** Counts SQL statements, so tests can prove that a page of rows costs a handful of queries (no N+1). */
export class QueryCounter implements Logger {
  count = 0;

  constructor(private readonly quiet = false) {}

  logQuery(): void {
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    if (process.env.TOCK_LOG_SQL_ERRORS) console.error('[sql error]', error, query);
  }
  logQuerySlow(): void {}
  // Migration progress and TypeORM's own warnings are worth seeing (the CLI
  // reports through here too); everything else stays quiet.
  logSchemaBuild(message: string): void {
    if (!this.quiet) console.log(message);
  }
  logMigration(message: string): void {
    if (!this.quiet) console.log(`[migration] ${message}`);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level !== 'log') console.log(`[typeorm] ${String(message)}`);
  }
}
