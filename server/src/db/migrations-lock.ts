import type { DataSource, Migration } from 'typeorm';

// How long a process waits for another one's migrations before giving up.
const MIGRATION_LOCK_WAIT_SECONDS = 300;

/**
 * O4: runs pending migrations with many processes starting at once. On
 * MySQL/MariaDB a named lock (GET_LOCK, one per database) lets one process
 * migrate while the others wait, then find nothing left to do. SQLite is one
 * process's file and needs no lock.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type === 'better-sqlite3') return dataSource.runMigrations({ transaction: 'each' });
  // The lock belongs to this connection's session: it is held here while the migrations run on others.
  const session = dataSource.createQueryRunner();
  try {
    const [{ locked }] = await session.query(`SELECT GET_LOCK(CONCAT('tock_migrations:', DATABASE()), ?) AS locked`, [MIGRATION_LOCK_WAIT_SECONDS]);
    if (Number(locked) !== 1) throw new Error(`Another process held the migration lock for ${MIGRATION_LOCK_WAIT_SECONDS} s`);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await session.query(`SELECT RELEASE_LOCK(CONCAT('tock_migrations:', DATABASE()))`);
    }
  } finally {
    await session.release();
  }
}
