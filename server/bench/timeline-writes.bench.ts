import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { CommsLogEntry } from '../src/comms-log/comms-log-entry.entity.js';
import { CommsLogHistory } from '../src/comms-log/comms-log-history.writer.js';
import { MessageDirection, MessageKind, MessageStatus } from '../src/comms-log/comms-log.enums.js';
import { historyEventOf } from '../src/comms-log/history-event-of.util.js';
import { loadConfig } from '../src/config/config.js';
import { FixedUpdateStatement } from '../src/db/fixed-update.statement.js';
import { median } from './measure.util.js';

// C2: what the per-entry timeline costs a send. A send's hot path makes two
// status transitions (QUEUED -> SENDING, SENDING -> SENT), each one
// conditional UPDATE; the timeline adds one INSERT … SELECT to each. Both
// variants run in the same process on the same table, alternating, so the
// ratio is not skewed by a busy machine.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const TEXTS = Number(process.env.TOCK_BENCH_TIMELINE_TEXTS ?? 2000);
const RUNS = 5;

type Variant = 'updates' | 'after' | 'transaction';

export interface TimelineWritesReport {
  texts: number;
  updatesOnlyMs: number;
  /** Each UPDATE, then its timeline INSERT, each committed on its own. */
  withTimelineMs: number;
  /** Both in one transaction (one commit). */
  inTransactionMs: number;
  ratio: number;
  transactionRatio: number;
}

export async function runTimelineWritesBench(log: (line: string) => void = console.log): Promise<TimelineWritesReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: App | null = null;
  try {
    app = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`, DEMO_SEED: 'false' }));
    const { dataSource } = app;
    const { workspace } = await dataSource.transaction((manager) => app!.services.workspaces.create(manager, 'Timeline Co'));
    const claim = new FixedUpdateStatement(dataSource, CommsLogEntry, ['status', 'attempts', 'updatedAt'], ['id', 'status']);
    const sent = new FixedUpdateStatement(dataSource, CommsLogEntry, ['status', 'providerMessageId', 'sentAt', 'updatedAt'], ['id', 'status']);
    const history = new CommsLogHistory(dataSource);

    const freshEntries = async (): Promise<string[]> => {
      const now = new Date();
      const rows = Array.from({ length: TEXTS }, (_, i) => ({
        workspaceId: workspace.id,
        direction: MessageDirection.OUTBOUND,
        kind: MessageKind.SHIFT_ALERT,
        status: MessageStatus.QUEUED,
        idempotencyKey: `${name}:${randomBytes(8).toString('hex')}:${i}`,
        createdAt: now,
        updatedAt: now,
      }));
      const result = await dataSource.getRepository(CommsLogEntry).insert(rows);
      return result.identifiers.map((row) => String(row.id));
    };
    // One text's two transitions, as DeliveryService.transition makes them.
    const send = async (id: string, variant: Variant) => {
      const claimed = { status: MessageStatus.SENDING, attempts: 1, updatedAt: new Date() };
      const done = { status: MessageStatus.SENT, providerMessageId: `p-${id}`, sentAt: new Date(), updatedAt: new Date() };
      const steps: [FixedUpdateStatement<CommsLogEntry>, Partial<CommsLogEntry>, MessageStatus, number][] = [
        [claim, claimed, MessageStatus.QUEUED, 0],
        [sent, done, MessageStatus.SENDING, 1],
      ];
      for (const [statement, patch, from, attempts] of steps) {
        if (variant === 'updates') await statement.run(patch, { id, status: from });
        else if (variant === 'after') {
          await statement.run(patch, { id, status: from });
          await history.append(id, historyEventOf(from, patch, attempts)!, patch.updatedAt!);
        } else {
          await dataSource.transaction(async (manager) => {
            await statement.run(patch, { id, status: from }, manager.queryRunner);
            await history.append(id, historyEventOf(from, patch, attempts)!, patch.updatedAt!, manager);
          });
        }
      }
    };
    // Twenty texts at a time, like a worker's send concurrency.
    const run = async (variant: Variant): Promise<number> => {
      const ids = await freshEntries();
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          for (let id = ids[next++]; id; id = ids[next++]) await send(id, variant);
        }),
      );
      return performance.now() - started;
    };
    await run('after');
    const plain: number[] = [];
    const after: number[] = [];
    const together: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      plain.push(await run('updates'));
      after.push(await run('after'));
      together.push(await run('transaction'));
      log(`  run ${i + 1}: updates only ${Math.round(plain[i])} ms, timeline after ${Math.round(after[i])} ms, in one transaction ${Math.round(together[i])} ms`);
    }
    const updatesOnlyMs = median(plain);
    return {
      texts: TEXTS,
      updatesOnlyMs,
      withTimelineMs: median(after),
      inTransactionMs: median(together),
      ratio: median(after) / updatesOnlyMs,
      transactionRatio: median(together) / updatesOnlyMs,
    };
  } finally {
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
