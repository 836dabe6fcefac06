import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app.js';
import { MessageKind, MessageStatus } from '../src/comms-log/comms-log.enums.js';
import { loadConfig } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import { createAgenda } from '../src/jobs/agenda.factory.js';
import { createJobBackend } from '../src/jobs/job-backend.js';
import type { MessageIntent } from '../src/messaging/delivery/message-intent.js';
import { REMINDER_LEAD_MS } from '../src/studies/booking-messages.js';
import { startVonageStandIn, type VonageStandIn } from '../test/vonage-stand-in/vonage-stand-in.js';
import { median } from './measure.util.js';

// The send pipeline on Tock's own job store over MariaDB: its throughput
// against Agenda no-op jobs on the same store, and how late 10,000 reminders
// due in the same minute go out.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SENDS = Number(process.env.TOCK_BENCH_SENDS ?? 3000);
const REMINDERS = Number(process.env.TOCK_BENCH_REMINDERS ?? 10_000);
const PROCESS_EVERY_MS = Number(process.env.TOCK_BENCH_PROCESS_EVERY_MS ?? 1000);
const CONCURRENCY = Number(process.env.TOCK_BENCH_CONCURRENCY ?? 20);

export interface SendingReport {
  sends: number;
  noopPerSecond: number;
  sendsPerSecond: number;
  ratio: number;
  reminders: number;
  processEveryMs: number;
  latenessMs: { p50: number; p99: number; max: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Resolves when `count` events named `event` have fired on the agenda. */
function completions(app: App | { agenda: App['agenda'] }, event: `complete:${string}`, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onComplete = () => {
      seen += 1;
      if (seen === count) {
        app.agenda.off(event, onComplete);
        resolve();
      }
    };
    app.agenda.on(event, onComplete);
  });
}

function sentCount(app: App, count: number, match: (kind: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const unsubscribe = app.services.events.subscribe(({ entry }) => {
      if (entry.status === MessageStatus.SENT && match(entry.kind)) {
        seen += 1;
        if (seen === count) {
          unsubscribe();
          resolve();
        }
      }
    });
  });
}

async function seedTexts(db: mysql.Connection, workspaceId: string): Promise<{ employeeId: string; requestId: string }> {
  const employeeId = newId();
  const requestId = newId();
  await db.query('INSERT INTO employees (id, workspaceId, name, phone, smsOptIn) VALUES (?, ?, ?, ?, 1)', [employeeId, workspaceId, 'Bench', '+14155557000']);
  await db.query("INSERT INTO time_off_requests (id, workspaceId, employeeId, startsOn, endsOn, status) VALUES (?, ?, ?, '2027-01-04', '2027-01-05', 'DENIED')", [
    requestId,
    workspaceId,
    employeeId,
  ]);
  return { employeeId, requestId };
}

// One session with REMINDERS bookings, each of its own participant (S5 caps texts per booking).
async function seedBookings(db: mysql.Connection, workspaceId: string, startsAt: Date) {
  const studyId = newId();
  const sessionId = newId();
  await db.query('INSERT INTO studies (id, workspaceId, name, smsRemindersEnabled, inviteToken) VALUES (?, ?, ?, 1, ?)', [studyId, workspaceId, 'Bench study', randomBytes(16).toString('hex')]);
  await db.query("INSERT INTO study_sessions (id, workspaceId, studyId, startsAt, durationMinutes, status) VALUES (?, ?, ?, ?, 30, 'SCHEDULED')", [sessionId, workspaceId, studyId, startsAt]);
  const bookings: { id: string; participantId: string }[] = [];
  for (let start = 0; start < REMINDERS; start += 2000) {
    const participants: unknown[][] = [];
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(start + 2000, REMINDERS); i++) {
      const participantId = newId();
      const bookingId = newId();
      participants.push([participantId, workspaceId, `P ${i}`, `p${i}@bench.example`, `+1415${3_000_000 + i}`, 1]);
      rows.push([bookingId, workspaceId, sessionId, participantId, 'BOOKED', randomBytes(16).toString('hex')]);
      bookings.push({ id: bookingId, participantId });
    }
    await db.query('INSERT INTO participants (id, workspaceId, name, email, phone, smsConsent) VALUES ?', [participants]);
    await db.query('INSERT INTO bookings (id, workspaceId, sessionId, participantId, status, manageToken) VALUES ?', [rows]);
  }
  return { studyId, sessionId, bookings };
}

async function recordAndSchedule(app: App, intents: MessageIntent[]): Promise<void> {
  const { delivery } = app.services;
  for (let i = 0; i < intents.length; i += 1000) {
    const created = await app.dataSource.transaction((manager) => delivery.record(manager, intents.slice(i, i + 1000)));
    await delivery.schedule(created);
  }
}

export async function runSendingBench(log: (line: string) => void = console.log): Promise<SendingReport> {
  const name = `tock_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let standIn: VonageStandIn | null = null;
  let app: App | null = null;
  let db: mysql.Connection | null = null;
  try {
    standIn = await startVonageStandIn({ apiKey: 'bench', apiSecret: 'bench-secret' });
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`,
      DEMO_SEED: 'false',
      JOBS_PROCESS_EVERY_MS: String(PROCESS_EVERY_MS),
      SEND_CONCURRENCY: String(CONCURRENCY),
      VONAGE_API_KEY: 'bench',
      VONAGE_API_SECRET: 'bench-secret',
      VONAGE_FROM: '+13306619491',
      VONAGE_REST_HOST: standIn.url,
      VONAGE_API_HOST: standIn.url,
      // The stand-in answers at once; lift the provider rate limit out of the way.
      VONAGE_RATE_LIMIT_PER_SECOND: '1000',
    });
    app = await createApp(config);
    db = await mysql.createConnection(`${MYSQL_URL}/${name}`);
    const { workspace } = await app.dataSource.transaction((m) => app!.services.workspaces.create(m, 'Bench', '+13306619491'));
    await db.query('UPDATE workspaces SET smsEnabled = 1 WHERE id = ?', [workspace.id]);

    // 1. Agenda no-op jobs on the same store, same concurrency.
    const noopAgenda = createAgenda(createJobBackend(config, app.dataSource), { processEvery: PROCESS_EVERY_MS, name: 'bench-noop' });
    noopAgenda.maxConcurrency(CONCURRENCY);
    noopAgenda.define('bench-noop', async () => {}, { concurrency: CONCURRENCY });
    for (let i = 0; i < SENDS; i++) await noopAgenda.create('bench-noop', { i }).schedule(new Date()).save();
    const noopsDone = completions({ agenda: noopAgenda }, 'complete:bench-noop', SENDS);
    let started = performance.now();
    await noopAgenda.start();
    await noopsDone;
    const noopMs = performance.now() - started;
    await noopAgenda.stop(false);
    log(`  Agenda no-op: ${SENDS} jobs in ${Math.round(noopMs)} ms`);

    // 2. The full pipeline: load facts, decide, claim, send to the stand-in, mark SENT.
    const { employeeId, requestId } = await seedTexts(db, workspace.id);
    const now = new Date();
    await recordAndSchedule(
      app,
      Array.from({ length: SENDS }, (_, i) => ({
        workspaceId: workspace.id,
        kind: MessageKind.TIME_OFF_RESPONSE,
        employeeId,
        timeOffRequestId: requestId,
        sendAt: now,
        idempotencyKey: `bench-send-${i}`,
      })),
    );
    const sendsDone = sentCount(app, SENDS, (kind) => kind === MessageKind.TIME_OFF_RESPONSE);
    started = performance.now();
    await app.startWorker();
    await sendsDone;
    const sendMs = performance.now() - started;
    log(`  Tock send pipeline: ${SENDS} texts in ${Math.round(sendMs)} ms (${standIn.messages.length} reached the stand-in)`);

    // 3. REMINDERS reminders, all due within one minute starting 30 s from now.
    const dueFrom = Date.now() + 30_000;
    const startsAt = new Date(dueFrom + REMINDER_LEAD_MS + 120_000);
    const { studyId, sessionId, bookings } = await seedBookings(db, workspace.id, startsAt);
    const intents: MessageIntent[] = bookings.map((booking, i) => ({
      workspaceId: workspace.id,
      kind: MessageKind.REMINDER,
      participantId: booking.participantId,
      studyId,
      sessionId,
      bookingId: booking.id,
      eventKey: booking.id,
      subjectStartsAt: startsAt,
      sendAt: new Date(dueFrom + Math.floor((i / REMINDERS) * 60_000)),
      idempotencyKey: `bench-reminder-${booking.id}`,
    }));
    const scheduling = performance.now();
    await recordAndSchedule(app, intents);
    log(`  recorded and scheduled ${REMINDERS} reminders in ${Math.round(performance.now() - scheduling)} ms`);
    if (Date.now() > dueFrom) throw new Error('Scheduling the reminders took longer than the 30 s head start');
    await sentCount(app, REMINDERS, (kind) => kind === MessageKind.REMINDER);
    const [rows] = await db.query("SELECT TIMESTAMPDIFF(MICROSECOND, scheduledFor, sentAt) / 1000 AS lateMs FROM comms_log_entries WHERE kind = 'REMINDER' AND status = 'SENT'");
    const lateness = (rows as { lateMs: string }[]).map((r) => Number(r.lateMs)).sort((a, b) => a - b);

    return {
      sends: SENDS,
      noopPerSecond: (SENDS / noopMs) * 1000,
      sendsPerSecond: (SENDS / sendMs) * 1000,
      ratio: noopMs / sendMs,
      reminders: lateness.length,
      processEveryMs: PROCESS_EVERY_MS,
      latenessMs: { p50: median(lateness), p99: percentile(lateness, 99), max: lateness.at(-1) ?? 0 },
    };
  } finally {
    await db?.end();
    await app?.close();
    await standIn?.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
