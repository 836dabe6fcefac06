import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { Config } from '../config/config.js';
import { ConsentRecordGuard } from '../consent/consent-record.guard.js';
import { entities } from './entities.js';
import { mysqlMigrations } from '../db/migrations/mysql/index.js';
import { sqliteMigrations } from '../db/migrations/sqlite/index.js';
import { QueryCounter } from '../db/query-counter.js';

interface TockDataSource {
  dataSource: DataSource;
  queryCounter: QueryCounter;
}

/** `quiet` silences migration progress (test servers start by the dozen). */
export function createDataSource(database: Config['database'], options: { quiet?: boolean } = {}): TockDataSource {
  const queryCounter = new QueryCounter(options.quiet);
  if (database.kind === 'mysql') {
    const dataSource = new DataSource({
      type: database.flavor,
      url: database.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      bigNumberStrings: true,
      entities,
      subscribers: [ConsentRecordGuard],
      migrations: mysqlMigrations,
      migrationsRun: false,
      logger: queryCounter,
      logging: ['query', 'error'],
      // mysql2's promise API would capture a stack for every statement (to show
      // the caller in a failed one's stack): a cost on every query.
      trace: false,
      // TypeORM sends text queries, never prepared statements, yet mysql2 sizes
      // each connection's statement cache for 16,000 (about 512 kB per connection, allocated up front).
      extra: { connectionLimit: 20, maxPreparedStatements: 100 },
    });
    return { dataSource, queryCounter };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    // A second writer waits instead of failing with SQLITE_BUSY.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
    entities,
    subscribers: [ConsentRecordGuard],
    migrations: sqliteMigrations,
    migrationsRun: false,
    logger: queryCounter,
    logging: ['query', 'error'],
  });
  return { dataSource, queryCounter };
}
