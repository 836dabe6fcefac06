import mysql from 'mysql2/promise';

// Databases older than this were left by an interrupted run; younger ones may
// belong to a run going on beside this one.
const STALE_AFTER_SECONDS = 3 * 60 * 60;

// Fails fast, with a useful message, when the MariaDB the integration tests
// need is not there; and sweeps databases left by interrupted earlier runs.
export default async function globalSetup(): Promise<void> {
  const url = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  let connection;
  try {
    connection = await mysql.createConnection(url);
  } catch (error) {
    throw new Error(`The tests need MariaDB/MySQL at ${url} (set TOCK_TEST_MYSQL_URL): ${(error as Error).message}`, { cause: error });
  }
  const [rows] = await connection.query("SHOW DATABASES LIKE 'tock\\_test\\_%'");
  const now = Math.floor(Date.now() / 1000);
  for (const row of rows as Record<string, string>[]) {
    const name = Object.values(row)[0];
    const createdAt = Number(/^tock_test_(\d+)_/.exec(name)?.[1] ?? 0);
    if (now - createdAt > STALE_AFTER_SECONDS) await connection.query(`DROP DATABASE \`${name}\``);
  }
  await connection.end();
}
