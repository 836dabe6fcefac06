import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import type { CommsLogFilter } from '../src/comms-log/dtos/comms-log.filter.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import { median } from './measure.util.js';

// C2 at scale: the message-history filters over 1,000,000 log entries of one
// workspace (plus another workspace's), each with its query plan and the
// time of a first page of 25.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const ENTRIES = Number(process.env.TOCK_BENCH_LOG_ENTRIES ?? 1_000_000);
const PEOPLE = 20_000;
const RUNS = 5;

export interface HistoryRow {
  filter: string;
  plan: string;
  rowsExamined: number;
  medianMs: number;
  found: number;
}

export interface HistoryReport {
  entries: number;
  rows: HistoryRow[];
  /** Filters whose plan reads the whole table or the workspace's whole range. */
  fullScans: string[];
}

async function seed(db: mysql.Connection, workspaceId: string, otherWorkspaceId: string): Promise<{ participantId: string; studyId: string; sessionId: string }> {
  const participants: unknown[][] = [];
  const employees: unknown[][] = [];
  for (let i = 0; i < PEOPLE; i++) {
    participants.push([newId(), workspaceId, `Participant ${i}`, `participant${i}@example.com`, `+1415${3_000_000 + i}`, 0]);
    employees.push([newId(), workspaceId, `Employee ${i}`, `employee${i}@example.com`, `+1415${4_000_000 + i}`, 0]);
  }
  await db.query('INSERT INTO participants (id, workspaceId, name, email, phone, smsConsent) VALUES ?', [participants]);
  await db.query('INSERT INTO employees (id, workspaceId, name, email, phone, smsOptIn) VALUES ?', [employees]);
  const studies = Array.from({ length: 50 }, () => newId());
  const sessions = Array.from({ length: 500 }, () => newId());
  const kinds = ['CONFIRMATION', 'REMINDER', 'SHIFT_ALERT', 'SCHEDULE_PUBLISHED'];
  const statuses = ['DELIVERED', 'DELIVERED', 'DELIVERED', 'SENT', 'FAILED', 'SKIPPED'];
  // 10,000 distinct rows, then doubled by INSERT … SELECT until the target.
  const base: unknown[][] = [];
  const start = Date.now() - 90 * 86_400_000;
  for (let i = 0; i < 10_000; i++) {
    const participant = i % 2 === 0;
    const person = participant ? participants[i % PEOPLE] : employees[i % PEOPLE];
    const status = statuses[i % statuses.length];
    base.push([
      workspaceId,
      'OUTBOUND',
      participant ? kinds[i % 2] : kinds[2 + (i % 2)],
      status,
      status === 'SKIPPED' ? 'NOT_OPTED_IN' : null,
      person[4],
      participant ? person[0] : null,
      participant ? null : person[0],
      participant ? studies[i % studies.length] : null,
      participant ? sessions[i % sessions.length] : null,
      new Date(start + i * 777_000),
      new Date(start + i * 777_000),
    ]);
  }
  const columns = 'workspaceId, direction, kind, status, skipReason, recipientPhone, participantId, employeeId, studyId, sessionId, createdAt, updatedAt';
  await db.query(`INSERT INTO comms_log_entries (${columns}) VALUES ?`, [base]);
  let count = base.length;
  while (count < ENTRIES) {
    const take = Math.min(count, ENTRIES - count);
    // Later copies are later in time, so the history spans a long range.
    await db.query(
      `INSERT INTO comms_log_entries (${columns}) SELECT ${columns.replace('createdAt, updatedAt', 'DATE_ADD(createdAt, INTERVAL 90 DAY), updatedAt')} FROM comms_log_entries WHERE workspaceId = ? ORDER BY id LIMIT ?`,
      [workspaceId, take],
    );
    count += take;
  }
  // Another workspace's rows in the same table, texting the same numbers (K6).
  await db.query(
    `INSERT INTO comms_log_entries (${columns}) SELECT ?, direction, kind, status, skipReason, recipientPhone, NULL, NULL, NULL, NULL, createdAt, updatedAt FROM comms_log_entries WHERE workspaceId = ? ORDER BY id LIMIT 100000`,
    [otherWorkspaceId, workspaceId],
  );
  await db.query('ANALYZE TABLE comms_log_entries, participants, employees');
  return { participantId: String(participants[8][0]), studyId: studies[3], sessionId: sessions[42] };
}

export async function runCommsHistoryBench(log: (line: string) => void = console.log): Promise<HistoryReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: App | null = null;
  let db: mysql.Connection | null = null;
  try {
    app = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`, DEMO_SEED: 'false' }));
    db = await mysql.createConnection({ uri: `${MYSQL_URL}/${name}`, timezone: 'Z' });
    const { workspace } = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, 'History Co'));
    const { workspace: other } = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, 'Other Co'));
    log(`Seeding ${ENTRIES.toLocaleString('en-US')} log entries…`);
    const started = Date.now();
    const ids = await seed(db, workspace.id, other.id);
    log(`  seeded in ${Math.round((Date.now() - started) / 1000)} s`);

    const now = Date.now();
    const filters: [string, CommsLogFilter][] = [
      ['none (newest page)', {}],
      ['search: phone "(415) 300-0008"', { search: '(415) 300-0008' }],
      ['search: name "participant 77"', { search: 'participant 77' }],
      ['search: email "employee123@"', { search: 'employee123@' }],
      ['status FAILED', { status: 'FAILED' as CommsLogFilter['status'] }],
      ['kind SHIFT_ALERT + status SKIPPED', { kind: 'SHIFT_ALERT' as CommsLogFilter['kind'], status: 'SKIPPED' as CommsLogFilter['status'] }],
      ['skip reason NOT_OPTED_IN', { skipReason: 'NOT_OPTED_IN' as CommsLogFilter['skipReason'] }],
      ['last 7 days', { from: new Date(now - 7 * 86_400_000) }],
      ['a participant', { participantId: ids.participantId }],
      ['a study', { studyId: ids.studyId }],
      ['a session', { sessionId: ids.sessionId }],
    ];
    const rows: HistoryRow[] = [];
    const fullScans: string[] = [];
    for (const [label, filter] of filters) {
      const [sql, params] = (await app.services.commsLog.query(workspace.id, filter)).orderBy('e.id', 'DESC').limit(26).getQueryAndParameters();
      const plan: { table: string; type: string; key: string | null; rows: number }[] = await app.dataSource.query(`EXPLAIN ${sql}`, params);
      const main = plan.find((step) => step.table === 'e') ?? plan[0];
      if (plan.some((step) => step.type === 'ALL' && step.table === 'e')) fullScans.push(label);
      const runs: number[] = [];
      let found = 0;
      for (let run = 0; run < RUNS; run++) {
        const begun = performance.now();
        const page = await app.services.commsLog.list(workspace.id, filter, { first: 25 });
        runs.push(performance.now() - begun);
        found = page.edges.length;
      }
      rows.push({
        filter: label,
        plan: plan.map((step) => `${step.table}:${step.type}${step.key ? `(${step.key})` : ''}`).join(' → '),
        rowsExamined: Number(main.rows),
        medianMs: median(runs),
        found,
      });
    }
    return { entries: ENTRIES, rows, fullScans };
  } finally {
    await db?.end();
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
