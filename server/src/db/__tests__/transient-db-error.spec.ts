import { describe, expect, it } from 'vitest';
import { isTransientDbError } from '../transient-db-error.util.js';

// What mysql2 (through TypeORM's QueryFailedError, or bare) and better-sqlite3 throw.
const driver = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'x')), fields);
const wrapped = (fields: Record<string, unknown>) => Object.assign(new Error('Query failed'), { driverError: driver(fields) });

describe('isTransientDbError (L6)', () => {
  it.each([
    ['connection lost', driver({ code: 'PROTOCOL_CONNECTION_LOST', message: 'Connection lost: The server closed the connection.' })],
    ['connection killed (MariaDB)', wrapped({ code: 'ER_CONNECTION_KILLED', errno: 1927 })],
    ['query interrupted by KILL', wrapped({ code: 'ER_QUERY_INTERRUPTED', errno: 1317 })],
    ['deadlock', wrapped({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
    ['lock wait timeout', wrapped({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })],
    ['pool closed', new Error('Pool is closed.')],
    ['a dead connection reused', new Error("Can't add new command when connection is in closed state")],
    ['server refused the connection', driver({ code: 'ECONNREFUSED' })],
    ['SQLite busy', driver({ code: 'SQLITE_BUSY' })],
  ])('L6: %s is transient: the send is retried', (_name, error) => {
    expect(isTransientDbError(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', wrapped({ code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['a syntax error', wrapped({ code: 'ER_PARSE_ERROR', errno: 1064 })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s is not transient', (_name, error) => {
    expect(isTransientDbError(error)).toBe(false);
  });
});
