import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCutLinkProxy, type CutLinkProxy } from '../../../test/cut-link.proxy.js';
import { onOwnConnection } from '../own-connection.util.js';
import { isTransientDbError } from '../transient-db-error.util.js';

const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root' };

// L6: a KILL or a broken link ends the client's side of a connection at once,
// while the server finishes the statement it was running. The claim of a text
// is given back after such an error only if it landed, so the caller must hear
// of the error when the outcome is final, not before.
describe('a statement on a connection of its own (L6, MariaDB)', () => {
  const database = `tock_test_own_${randomBytes(4).toString('hex')}`;
  let admin: mysql.Connection;
  let proxy: CutLinkProxy;
  let dataSource: DataSource;

  beforeAll(async () => {
    admin = await mysql.createConnection(MYSQL);
    await admin.query(`CREATE DATABASE \`${database}\``);
    await admin.query(`CREATE TABLE \`${database}\`.claims (id INT PRIMARY KEY, status VARCHAR(10) NOT NULL) ENGINE=InnoDB`);
    proxy = await startCutLinkProxy(MYSQL);
    dataSource = await new DataSource({ type: 'mariadb', host: '127.0.0.1', port: proxy.port, username: 'root', database }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy().catch(() => undefined);
    await proxy?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });

  it('L6: a claim whose link is cut while the server still runs it is reported once it has landed, so giving it back then sees it', async () => {
    await admin.query(`INSERT INTO \`${database}\`.claims VALUES (1, 'QUEUED')`);
    // Another session holds the row, so the claim is still running on the server when its link goes.
    const holder = await mysql.createConnection({ ...MYSQL, database });
    await holder.query('START TRANSACTION');
    await holder.query('SELECT * FROM claims WHERE id = 1 FOR UPDATE');
    let heard = false;
    const outcome = onOwnConnection(dataSource, (runner) => runner.query(`UPDATE claims SET status = 'SENDING' WHERE id = 1 AND status = 'QUEUED'`)).then(
      () => null,
      (error: unknown) => ((heard = true), error),
    );
    const running = async () => {
      const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE 'UPDATE claims%'`, [database]);
      return Number((rows as { n: number }[])[0].n);
    };
    await expect.poll(running, { timeout: 5000, interval: 20 }).toBe(1);
    proxy.cutClients();

    // The client's socket is gone; the server is still waiting to run the claim.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard, 'the caller heard of the lost link while the server still ran its statement').toBe(false);
    expect(await running()).toBe(1);

    await holder.query('COMMIT');
    await holder.end();
    const error = await outcome;
    expect(isTransientDbError(error)).toBe(true);
    // When the caller hears of it, the claim has landed: a give-back now finds it.
    const [rows] = await admin.query(`SELECT status FROM \`${database}\`.claims WHERE id = 1`);
    expect((rows as { status: string }[])[0].status).toBe('SENDING');
  });

  it('a statement that succeeds, or fails for a reason of its own, is answered as it is, at once', async () => {
    await expect(onOwnConnection(dataSource, (runner) => runner.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    await expect(onOwnConnection(dataSource, (runner) => runner.query('SELECT * FROM no_such_table'))).rejects.toMatchObject({ code: 'ER_NO_SUCH_TABLE' });
  });
});
