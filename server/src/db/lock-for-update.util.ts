import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

// SELECT … FOR UPDATE on MySQL/MariaDB. SQLite has no row locks and needs none:
// it runs one write transaction at a time.
export function lockForUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'better-sqlite3' ? qb : qb.setLock('pessimistic_write');
}
