import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { MessageKind } from '../src/comms-log/comms-log.enums.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import type { WorkspaceActor } from '../src/common/actor.js';
import { reminderIntent, REMINDER_LEAD_MS } from '../src/studies/booking-messages.js';
import { Role } from '../src/common/role.enum.js';
import { startVonageStandIn, type VonageStandIn } from '../test/vonage-stand-in/vonage-stand-in.js';
import { median } from './measure.util.js';
import { recordAndSchedule, seedBookings, sentCount } from './sending.bench.js';

// K9: reminder lateness while a 100,000-employee bulk opt-in's confirmations
// wait in their low-priority lane, against the same reminders with no bulk
// opt-in, in the same process, on the same worker and store.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const EMPLOYEES = Number(process.env.TOCK_BENCH_EMPLOYEES ?? 100_000);
const REMINDERS = Number(process.env.TOCK_BENCH_LANE_REMINDERS ?? 2_000);
const PROCESS_EVERY_MS = Number(process.env.TOCK_BENCH_PROCESS_EVERY_MS ?? 1000);
const HEAD_START_MS = 30_000;

export interface Lateness {
  p50: number;
  p99: number;
  max: number;
}

export interface OptInLaneReport {
  employees: number;
  reminders: number;
  bulkMs: number;
  without: Lateness;
  during: Lateness;
  /** Confirmations the lane sent while the reminders were due (it stands aside), and by the end. */
  confirmationsSentDuringWindow: number;
  confirmationsSentByEnd: number;
  processEveryMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function seedEmployees(db: mysql.Connection, workspaceId: string): Promise<void> {
  for (let start = 0; start < EMPLOYEES; start += 5000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(start + 5000, EMPLOYEES); i++) rows.push([newId(), workspaceId, `Employee ${i}`, `+1628${2_000_000 + i}`, 0]);
    await db.query('INSERT INTO employees (id, workspaceId, name, phone, smsOptIn) VALUES ?', [rows]);
  }
}

// `before` runs first (the bulk opt-in), then the reminders are set up to fall due 30 s later, while its confirmations wait.
async function remindersLateness(app: App, db: mysql.Connection, workspaceId: string, studyTag: string, before?: () => Promise<void>): Promise<Lateness> {
  if (before) await before();
  const dueFrom = Date.now() + HEAD_START_MS;
  const booked = await seedBookings(db, workspaceId, dueFrom + REMINDER_LEAD_MS, REMINDERS);
  const bookingIds = booked.map(({ booking }) => booking.id);
  await recordAndSchedule(app, booked.map(({ booking, session }) => reminderIntent(booking, session)));
  if (Date.now() > dueFrom) throw new Error(`${studyTag}: setting up took longer than the ${HEAD_START_MS} ms head start`);
  await sentCount(app, REMINDERS, (kind) => kind === MessageKind.REMINDER);
  const [rows] = await db.query(
    `SELECT TIMESTAMPDIFF(MICROSECOND, scheduledFor, sentAt) / 1000 AS lateMs FROM comms_log_entries WHERE kind = 'REMINDER' AND status = 'SENT' AND bookingId IN (?)`,
    [bookingIds],
  );
  const late = (rows as { lateMs: string }[]).map((r) => Number(r.lateMs)).sort((a, b) => a - b);
  return { p50: median(late), p99: percentile(late, 99), max: late.at(-1) ?? 0 };
}

async function confirmationsSent(db: mysql.Connection, workspaceId: string): Promise<number> {
  const [[row]] = (await db.query(`SELECT COUNT(*) AS n FROM comms_log_entries WHERE workspaceId = ? AND kind = 'OPT_IN_CONFIRMATION' AND status = 'SENT'`, [workspaceId])) as [
    { n: number }[],
    unknown,
  ];
  return Number(row.n);
}

export async function runOptInLaneBench(log: (line: string) => void = console.log): Promise<OptInLaneReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let standIn: VonageStandIn | null = null;
  let app: App | null = null;
  let db: mysql.Connection | null = null;
  try {
    standIn = await startVonageStandIn({ apiKey: 'bench', apiSecret: 'bench-secret' });
    app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`,
        DEMO_SEED: 'false',
        JOBS_PROCESS_EVERY_MS: String(PROCESS_EVERY_MS),
        VONAGE_API_KEY: 'bench',
        VONAGE_API_SECRET: 'bench-secret',
        VONAGE_FROM: '+13306619491',
        VONAGE_REST_HOST: standIn.url,
        VONAGE_API_HOST: standIn.url,
        VONAGE_RATE_LIMIT_PER_SECOND: '1000',
      }),
    );
    db = await mysql.createConnection({ uri: `${MYSQL_URL}/${name}`, timezone: 'Z' });
    const { workspace, adminKey } = await app.dataSource.transaction((m) => app!.services.workspaces.create(m, 'Bench', '+13306619491'));
    await db.query('UPDATE workspaces SET smsEnabled = 1, quietHoursEnabled = 0 WHERE id = ?', [workspace.id]);
    const actor: WorkspaceActor = { kind: 'apiKey', workspaceId: workspace.id, role: Role.ADMIN, apiKeyId: adminKey.apiKey.id, label: 'bench' };
    log(`Seeding ${EMPLOYEES.toLocaleString('en-US')} employees with phones…`);
    await seedEmployees(db, workspace.id);
    await app.startWorker();

    log(`  ${REMINDERS} reminders due over one minute, no bulk opt-in…`);
    const without = await remindersLateness(app, db, workspace.id, 'without');

    let bulkMs = 0;
    let windowStart = 0;
    log(`  the same right after a bulk opt-in of ${EMPLOYEES.toLocaleString('en-US')}, its confirmations waiting in the lane…`);
    const during = await remindersLateness(app, db, workspace.id, 'during', async () => {
      const started = performance.now();
      const result = await app!.services.bulkSmsOptIn.run(actor, { ip: '127.0.0.1', userAgent: 'bench' }, { filter: {}, optIn: true, attestation: 'Signed SMS consent forms (benchmark)' });
      bulkMs = performance.now() - started;
      if (result.changed !== EMPLOYEES) throw new Error(`bulk opt-in changed ${result.changed}`);
      windowStart = await confirmationsSent(db!, workspace.id);
    });
    const duringWindow = (await confirmationsSent(db, workspace.id)) - windowStart;
    return {
      employees: EMPLOYEES,
      reminders: REMINDERS,
      bulkMs,
      without,
      during,
      confirmationsSentDuringWindow: duringWindow,
      confirmationsSentByEnd: await confirmationsSent(db, workspace.id),
      processEveryMs: PROCESS_EVERY_MS,
    };
  } finally {
    await db?.end();
    await app?.close();
    await standIn?.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
