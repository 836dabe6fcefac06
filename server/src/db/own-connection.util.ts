import type { DataSource, QueryRunner } from 'typeorm';
import { log } from '../observability/logger.js';
import { isTransientDbError } from './transient-db-error.util.js';

// How long a caller waits at most for the server to finish a lost connection's statement.
const SETTLE_PATIENCE_MS = 15_000;

/**
 * L6: runs `work` on a connection of its own; when that connection is lost
 * mid-statement, the error reaches the caller only once the server has
 * finished with the statement. A KILL (or a broken link) closes the client's
 * socket at once, but the server thread commits or rolls back what it was
 * running on its own time, so a caller that compensated at once (gave back a
 * claim that seemed not to have landed) could be overtaken by the very write
 * it compensated for. On SQLite nothing runs out of process: no wait.
 */
export async function onOwnConnection<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>, patienceMs = SETTLE_PATIENCE_MS): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let threadId: number | null = null;
  try {
    const connection = (await runner.connect()) as { threadId?: number } | undefined;
    if (dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb') threadId = connection?.threadId ?? null;
    return await work(runner);
  } catch (error) {
    if (threadId !== null && isTransientDbError(error)) await serverFinished(dataSource, threadId, patienceMs);
    throw error;
  } finally {
    await runner.release().catch(() => undefined);
  }
}

// The server is done with a connection's statement once its thread is gone or
// idle ('Sleep': between statements; an open transaction there never commits,
// as nobody is left to send its COMMIT). A user sees its own threads without
// the PROCESS privilege.
async function serverFinished(dataSource: DataSource, threadId: number, patienceMs: number): Promise<void> {
  const giveUpAt = Date.now() + patienceMs;
  for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
    try {
      const [{ busy }] = (await dataSource.query(`SELECT COUNT(*) AS busy FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND <> 'Sleep'`, [threadId])) as { busy: number | string }[];
      if (Number(busy) === 0) return;
    } catch (error) {
      if (!isTransientDbError(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 2 ** attempt)));
  }
  log.warn({ threadId }, 'a lost connection’s statement was still running on the server after the wait; going on without knowing its outcome');
}
