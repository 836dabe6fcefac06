import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import type { RunningServer } from '../src/http/server.js';
import { startHttpServer } from '../src/app/index.js';
import { mb, measure, median } from './measure.util.js';

// Importing a team of 10,000 (half opted in) through upsertEmployees over HTTP,
// in calls of 1,000, against a hand-written mysql2 import of the same rows on
// the same database, in the same process.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const EMPLOYEES = Number(process.env.TOCK_BENCH_IMPORT ?? 10_000);
const CALL = 1_000;
const RUNS = 2;
export const IMPORT_TARGET_MS = 10_000;
const ATTESTATION = 'Signed SMS consent forms collected at onboarding (benchmark)';

export interface ImportReport {
  employees: number;
  tockMs: number[];
  reimportMs: number[];
  baselineMs: number[];
  ratio: number;
  peakRssMb: number;
}

const rowsFor = (run: number) =>
  Array.from({ length: EMPLOYEES }, (_, i) => ({
    name: `Employee ${String(i).padStart(6, '0')}`,
    email: `employee${i}.run${run}@example.com`,
    phone: `+1415${2_000_000 + i}`,
    smsOptIn: i % 2 === 0,
  }));

async function tockImport(url: string, secret: string, rows: ReturnType<typeof rowsFor>): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += CALL) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation($input: UpsertEmployeesInput!) { upsertEmployees(input: $input) { created updated unchanged failed } }`,
        variables: { input: { employees: rows.slice(i, i + CALL), attestation: ATTESTATION, idempotencyKey: randomBytes(8).toString('hex') } },
      }),
    });
    const body = (await response.json()) as { data?: { upsertEmployees: { created: number; failed: number } }; errors?: unknown };
    if (!body.data || body.data.upsertEmployees.failed) throw new Error(`Import call failed: ${JSON.stringify(body.errors ?? body.data)}`);
    created += body.data.upsertEmployees.created;
  }
  return created;
}

// What a careful hand-written import would do per 1,000 rows: one transaction,
// one multi-row INSERT of the employees and one of the opted-in ones' consent records.
async function baseline(db: mysql.Connection, workspaceId: string, rows: ReturnType<typeof rowsFor>): Promise<void> {
  for (let i = 0; i < rows.length; i += CALL) {
    const chunk = rows.slice(i, i + CALL).map((row) => ({ ...row, id: newId() }));
    await db.beginTransaction();
    await db.query('INSERT INTO employees (id, workspaceId, name, email, phone, smsOptIn, carrierLookupStatus) VALUES ?', [
      chunk.map((r) => [r.id, workspaceId, r.name, r.email, r.phone, r.smsOptIn ? 1 : 0, 'PENDING']),
    ]);
    const now = new Date();
    await db.query('INSERT INTO consent_records (workspaceId, subjectType, subjectId, phone, action, source, attestation, createdAt) VALUES ?', [
      chunk.filter((r) => r.smsOptIn).map((r) => [workspaceId, 'EMPLOYEE', r.id, r.phone, 'GRANTED', 'BULK', ATTESTATION, now]),
    ]);
    await db.commit();
  }
}

export async function runImportBench(log: (line: string) => void = console.log): Promise<ImportReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: App | null = null;
  let running: RunningServer | null = null;
  let db: mysql.Connection | null = null;
  try {
    app = await createApp(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`, DEMO_SEED: 'false', GRAPHQL_INTROSPECTION: 'false' }),
    );
    running = await startHttpServer(app, 0, '127.0.0.1');
    db = await mysql.createConnection({ uri: `${MYSQL_URL}/${name}`, timezone: 'Z' });
    const report: ImportReport = { employees: EMPLOYEES, tockMs: [], reimportMs: [], baselineMs: [], ratio: 0, peakRssMb: 0 };
    let peak = 0;
    // Warm-up (JIT, pools, prepared query shapes) for both sides, not measured.
    const warm = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, 'Warm-up'));
    await tockImport(running.url, warm.adminKey.secret, rowsFor(0).slice(0, CALL));
    await baseline(db, warm.workspace.id, rowsFor(-1).slice(0, CALL));
    // Interleaved, each run in fresh workspaces, so that a slow moment of the machine hurts both sides alike.
    for (let run = 1; run <= RUNS; run++) {
      const tockSpace = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, `Import ${run}`));
      const rows = rowsFor(run);
      const tock = await measure(() => tockImport(running!.url, tockSpace.adminKey.secret, rows));
      if (tock.result !== EMPLOYEES) throw new Error(`Tock run ${run} created ${tock.result}`);
      // The same file again: every row matches by email and nothing changes.
      const again = await measure(() => tockImport(running!.url, tockSpace.adminKey.secret, rows));
      const baseSpace = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, `Baseline ${run}`));
      const base = await measure(() => baseline(db!, baseSpace.workspace.id, rowsFor(run + 100)));
      report.tockMs.push(tock.ms);
      report.reimportMs.push(again.ms);
      report.baselineMs.push(base.ms);
      peak = Math.max(peak, tock.peakRss, again.peakRss, base.peakRss);
      log(`  run ${run}: tock ${Math.round(tock.ms)} ms, re-import ${Math.round(again.ms)} ms, baseline ${Math.round(base.ms)} ms`);
    }
    report.ratio = median(report.tockMs) / median(report.baselineMs);
    report.peakRssMb = mb(peak);
    return report;
  } finally {
    await db?.end();
    await running?.stop();
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
