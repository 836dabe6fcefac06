import mysql from 'mysql2/promise';

// Fails fast, with a useful message, when the MariaDB the integration tests
// need is not there; and sweeps databases left by an interrupted earlier run.
export default async function globalSetup(): Promise<void> {
  const url = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
  let connection;
  try {
    connection = await mysql.createConnection(url);
  } catch (error) {
    throw new Error(`The tests need MariaDB/MySQL at ${url} (set TOCK_TEST_MYSQL_URL): ${(error as Error).message}`, { cause: error });
  }
  const [rows] = await connection.query("SHOW DATABASES LIKE 'tock\\_test\\_%'");
  for (const row of rows as Record<string, string>[]) {
    await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  }
  await connection.end();
}
