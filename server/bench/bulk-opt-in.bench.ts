import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import type { WorkspaceActor } from '../src/common/actor.js';
import { startHttpServer } from '../src/app/index.js';
import { Role } from '../src/common/role.enum.js';
import { mb, measure, median } from './measure.util.js';

// Bulk opt-in of 100,000 employees: Tock's set-based service against a
// hand-written chunked baseline on the same database, in the same process.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const EMPLOYEES = Number(process.env.TOCK_BENCH_EMPLOYEES ?? 100_000);
const RUNS = 3;
const SEED_CHUNK = 5_000;
const BASELINE_CHUNK = 5_000;
const TARGET_RATIO = 1.5;
const ATTESTATION = 'Signed SMS consent forms collected at onboarding (benchmark)';
const REQUEST = { ip: '127.0.0.1', userAgent: 'tock-bench' };

export interface BenchRow {
  name: string;
  runsMs: number[];
  medianMs: number;
  peakRssMb: number;
}

export interface BulkOptInReport {
  employees: number;
  rows: BenchRow[];
  ratio: number;
  targetRatio: number;
  peakRssMb: number;
}

async function seed(db: mysql.Connection, workspaceId: string): Promise<void> {
  for (let start = 0; start < EMPLOYEES; start += SEED_CHUNK) {
    const employees: unknown[][] = [];
    const weeks: unknown[][] = [];
    for (let i = start; i < Math.min(start + SEED_CHUNK, EMPLOYEES); i++) {
      const id = newId();
      employees.push([id, workspaceId, `Employee ${String(i).padStart(6, '0')}`, `+1415${2_000_000 + i}`, 0]);
      weeks.push([newId(), workspaceId, id, '2026-03-02', 0]);
    }
    await db.query('INSERT INTO employees (id, workspaceId, name, phone, smsOptIn) VALUES ?', [employees]);
    await db.query('INSERT INTO schedule_weeks (id, workspaceId, employeeId, weekStart, sendSmsAlert) VALUES ?', [weeks]);
  }
}

// Bench only: put everyone back to opted out, weeks off, and no consent
// records, with raw SQL that Tock itself never runs (K5).
async function reset(db: mysql.Connection, workspaceId: string): Promise<void> {
  await db.query('UPDATE employees SET smsOptIn = 0 WHERE workspaceId = ?', [workspaceId]);
  await db.query('UPDATE schedule_weeks SET sendSmsAlert = 0 WHERE workspaceId = ?', [workspaceId]);
  await db.query('DELETE FROM consent_records WHERE workspaceId = ?', [workspaceId]);
}

async function countOptedIn(db: mysql.Connection, workspaceId: string): Promise<{ employees: number; records: number }> {
  const [[employees]] = (await db.query('SELECT COUNT(*) AS n FROM employees WHERE workspaceId = ? AND smsOptIn = 1', [workspaceId])) as [{ n: number }[], unknown];
  const [[records]] = (await db.query('SELECT COUNT(*) AS n FROM consent_records WHERE workspaceId = ?', [workspaceId])) as [{ n: number }[], unknown];
  return { employees: Number(employees.n), records: Number(records.n) };
}

// What a careful hand-written job would do: read who changes, then per chunk
// one UPDATE and one multi-row INSERT of their consent records, in one
// transaction.
async function baseline(db: mysql.Connection, actor: WorkspaceActor): Promise<number> {
  await db.beginTransaction();
  try {
    const [rows] = (await db.query('SELECT id, phone FROM employees WHERE workspaceId = ? AND smsOptIn = 0 AND phone IS NOT NULL', [
      actor.workspaceId,
    ])) as [{ id: string; phone: string }[], unknown];
    const now = new Date();
    for (let i = 0; i < rows.length; i += BASELINE_CHUNK) {
      const chunk = rows.slice(i, i + BASELINE_CHUNK);
      await db.query('UPDATE employees SET smsOptIn = 1 WHERE id IN (?)', [chunk.map((r) => r.id)]);
      await db.query(
        'INSERT INTO consent_records (workspaceId, subjectType, subjectId, phone, action, source, ipAddress, userAgent, actorApiKeyId, actorLabel, attestation, createdAt) VALUES ?',
        [
          chunk.map((r) => [
            actor.workspaceId,
            'EMPLOYEE',
            r.id,
            r.phone,
            'GRANTED',
            'BULK',
            REQUEST.ip,
            REQUEST.userAgent,
            actor.apiKeyId,
            actor.label,
            ATTESTATION,
            now,
          ]),
        ],
      );
    }
    await db.commit();
    return rows.length;
  } catch (error) {
    await db.rollback();
    throw error;
  }
}

async function overHttp(app: App, adminSecret: string): Promise<number> {
  const running = await startHttpServer(app, 0, '127.0.0.1');
  try {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminSecret}` },
      body: JSON.stringify({
        query: `mutation($input: BulkSetEmployeeSmsOptInInput!) { bulkSetEmployeeSmsOptIn(input: $input) { changed } }`,
        variables: { input: { filter: {}, optIn: true, attestation: ATTESTATION } },
      }),
    });
    const body = (await response.json()) as { data?: { bulkSetEmployeeSmsOptIn: { changed: number } }; errors?: unknown };
    if (!body.data) throw new Error(`HTTP run failed: ${JSON.stringify(body.errors)}`);
    return body.data.bulkSetEmployeeSmsOptIn.changed;
  } finally {
    await running.stop();
  }
}

function expectAllOptedIn(label: string, counts: { employees: number; records: number }): void {
  if (counts.employees !== EMPLOYEES || counts.records !== EMPLOYEES) {
    throw new Error(`${label}: expected ${EMPLOYEES} opted in with ${EMPLOYEES} consent records, found ${counts.employees} and ${counts.records}`);
  }
}

export async function runBulkOptInBench(log: (line: string) => void = console.log): Promise<BulkOptInReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let app: App | null = null;
  let db: mysql.Connection | null = null;
  try {
    app = await createApp(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`, DEMO_SEED: 'false', GRAPHQL_INTROSPECTION: 'false' }),
    );
    db = await mysql.createConnection({ uri: `${MYSQL_URL}/${name}`, timezone: 'Z' });
    const { workspace, adminKey } = await app.dataSource.transaction((manager) => app!.services.workspaces.create(manager, 'Bench Co'));
    const actor: WorkspaceActor = {
      kind: 'apiKey',
      workspaceId: workspace.id,
      role: Role.ADMIN,
      apiKeyId: adminKey.apiKey.id,
      label: `api-key:${adminKey.apiKey.name}`,
    };

    log(`Seeding ${EMPLOYEES.toLocaleString('en-US')} employees with phones, one schedule week each…`);
    const seeded = await measure(() => seed(db!, workspace.id));
    log(`  seeded in ${Math.round(seeded.ms)} ms`);

    const rows: BenchRow[] = [];
    const tockRuns: number[] = [];
    const baselineRuns: number[] = [];
    let tockRss = 0;
    let baselineRss = 0;
    // Interleaved, so that a slow moment of the machine hurts both sides alike.
    for (let run = 1; run <= RUNS; run++) {
      await reset(db, workspace.id);
      const tock = await measure(() =>
        app!.services.bulkSmsOptIn.run(actor, REQUEST, { filter: {}, optIn: true, attestation: ATTESTATION }),
      );
      if (tock.result.changed !== EMPLOYEES || tock.result.weeksAlertEnabled !== EMPLOYEES) {
        throw new Error(`Tock run ${run}: unexpected result ${JSON.stringify(tock.result)}`);
      }
      expectAllOptedIn(`Tock run ${run}`, await countOptedIn(db, workspace.id));
      tockRuns.push(tock.ms);
      tockRss = Math.max(tockRss, tock.peakRss);

      await reset(db, workspace.id);
      const base = await measure(() => baseline(db!, actor));
      expectAllOptedIn(`Baseline run ${run}`, await countOptedIn(db, workspace.id));
      baselineRuns.push(base.ms);
      baselineRss = Math.max(baselineRss, base.peakRss);
      log(`  run ${run}: tock ${Math.round(tock.ms)} ms, baseline ${Math.round(base.ms)} ms`);
    }
    rows.push({ name: 'Tock bulkSetEmployeeSmsOptIn (service, by filter)', runsMs: tockRuns, medianMs: median(tockRuns), peakRssMb: mb(tockRss) });
    rows.push({ name: `Baseline mysql2 (${BASELINE_CHUNK.toLocaleString('en-US')}-row chunks)`, runsMs: baselineRuns, medianMs: median(baselineRuns), peakRssMb: mb(baselineRss) });

    await reset(db, workspace.id);
    const http = await measure(() => overHttp(app!, adminKey.secret));
    if (http.result !== EMPLOYEES) throw new Error(`HTTP run changed ${http.result}`);
    rows.push({ name: 'Tock over HTTP /graphql (one run)', runsMs: [http.ms], medianMs: http.ms, peakRssMb: mb(http.peakRss) });

    return {
      employees: EMPLOYEES,
      rows,
      ratio: rows[0].medianMs / rows[1].medianMs,
      targetRatio: TARGET_RATIO,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await db?.end();
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
