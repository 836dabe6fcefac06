// L6: errors after which the same statement may well succeed a moment later:
// the connection was lost or killed, the pool was closed or full, a deadlock or
// lock wait timeout (MySQL/MariaDB via mysql2), or a busy SQLite file.
const TRANSIENT_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_INTERRUPTED',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
// 1205 lock wait timeout, 1213 deadlock, 1317 query interrupted, 1927 connection killed (MariaDB), 2006/2013 server gone/lost.
const TRANSIENT_ERRNOS = new Set([1205, 1213, 1317, 1927, 1053, 1040, 2006, 2013]);
const TRANSIENT_MESSAGES = /pool is closed|connection lost|connection is in closed state|cannot enqueue|can't add new command when connection is in closed state|server has gone away|connection was killed/i;

export function isTransientDbError(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string; driverError?: { code?: string; errno?: number; message?: string } };
  if (!e) return false;
  const code = e.driverError?.code ?? e.code;
  const errno = e.driverError?.errno ?? e.errno;
  if (code && TRANSIENT_CODES.has(code)) return true;
  if (typeof errno === 'number' && TRANSIENT_ERRNOS.has(errno)) return true;
  return TRANSIENT_MESSAGES.test(e.driverError?.message ?? '') || TRANSIENT_MESSAGES.test(e.message ?? '');
}
