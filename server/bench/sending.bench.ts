import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Agenda } from 'agenda';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import type { CommsLogEntry } from '../src/comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../src/comms-log/comms-log.enums.js';
import { loadConfig, type Config } from '../src/config/config.js';
import { newId } from '../src/db/id.util.js';
import { createAgenda } from '../src/jobs/agenda.factory.js';
import { createJobBackend } from '../src/jobs/job-backend.js';
import type { MessageIntent } from '../src/messaging/delivery/message-intent.js';
import { plainLateness } from '../src/messaging/delivery/send-plan.js';
import { ratePlan } from '../src/messaging/rate-limit/create-rate-limiter.js';
import { rateSteps } from '../src/messaging/rate-limit/rate-plan.js';
import { Booking } from '../src/studies/booking.entity.js';
import { REMINDER_LEAD_MS, reminderIntent } from '../src/studies/booking-messages.js';
import { StudySession } from '../src/studies/study-session.entity.js';
import { startVonageStandIn, type VonageStandIn } from '../test/vonage-stand-in/vonage-stand-in.js';
import { median } from './measure.util.js';

// The send pipeline on Tock's own job store over MariaDB: its throughput
// against Agenda no-op jobs on the same store, and how late 10,000 reminders
// due in the same minute go out.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SENDS = Number(process.env.TOCK_BENCH_SENDS ?? 3000);
// L8: reminders for sessions starting within one due window, at a provider
// cap. 10,000 in one minute at Vonage's 30/s needs 333 s of sending, 5.6x its
// window. The default keeps that shape (the same burst/window ratio) at a
// lower cap, 500 reminders at 5/s due within 18 s (100 s of sending), so that
// the send pipeline itself stays above the cap on a shared, loaded machine and
// the bench takes minutes; TOCK_BENCH_BURST_CAP=30 TOCK_BENCH_REMINDERS=10000
// runs the full figure.
const REMINDERS = Number(process.env.TOCK_BENCH_REMINDERS ?? 500);
const PROCESS_EVERY_MS = Number(process.env.TOCK_BENCH_PROCESS_EVERY_MS ?? 1000);
const CONCURRENCY = Number(process.env.TOCK_BENCH_CONCURRENCY ?? 20);
const BURST_CAP = Number(process.env.TOCK_BENCH_BURST_CAP ?? 5);
// 10,000 reminders at 30/s need 333 s, 5.6 times their 60 s window.
const BURST_OVER_WINDOW = 10_000 / 30 / 60;
const DUE_WINDOW_MS = Number(process.env.TOCK_BENCH_DUE_WINDOW_MS ?? Math.round(((REMINDERS / BURST_CAP) * 1000) / BURST_OVER_WINDOW));

export interface SendingReport {
  sends: number;
  noopPerSecond: number;
  /** Agenda jobs that only hand a text to the stand-in through the Vonage SDK: what any pipeline pays before Tock's own work. */
  providerOnlyPerSecond: number;
  sendsPerSecond: number;
  ratio: number;
  /** CPU time of this process (worker, API and stand-in) per job, in ms: the load-robust figure. */
  cpuMsPerJob: { noop: number; providerOnly: number; send: number };
  /** SQL statements the app ran per send (its own and its job store's). */
  statementsPerSend: number;
  /** The L8 burst; null when TOCK_BENCH_REMINDERS=0. */
  burst: BurstReport | null;
  /** The bench process's peak resident memory so far (API, worker and stand-in share it). */
  peakRssMb: number;
}

export interface BurstReport {
  reminders: number;
  processEveryMs: number;
  burstCap: number;
  /** The step the send planner gave each text at the end (the cap's, or the pipeline's where slower). */
  planStepMs: number;
  dueWindowMs: number;
  /** L8, measured: sent time minus due time, early texts counting 0. */
  latenessMs: { p50: number; p99: number; max: number };
  /** The plain due-time schedule at the same cap (simulated, at exactly the cap). */
  plainLatenessMs: { p50: number; p99: number; max: number };
  /** How long before the first due time the first text went, and how long the burst needs at the cap. */
  firstLeadMs: number;
  neededLeadMs: number;
  tooLate: number;
  planMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Resolves when `count` events named `event` have fired on the agenda. */
function completions(agenda: Agenda, event: `complete:${string}`, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onComplete = () => {
      seen += 1;
      if (seen === count) {
        agenda.off(event, onComplete);
        resolve();
      }
    };
    agenda.on(event, onComplete);
  });
}

/** Resolves when `count` entries matching `match` have been sent or skipped. */
function settledCount(app: App, count: number, match: (kind: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const unsubscribe = app.services.events.subscribe(({ type, entry }) => {
      if (type === 'updated' && (entry.status === MessageStatus.SENT || entry.status === MessageStatus.SKIPPED) && match(entry.kind)) {
        seen += 1;
        if (seen === count) {
          unsubscribe();
          resolve();
        }
      }
    });
  });
}

export function sentCount(app: App, count: number, match: (kind: string) => boolean): Promise<void> {
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

/** This process's CPU time (user and system) since `from`, in ms: unlike wall time, it hardly moves with the machine's load. */
const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** Counts the statements the app's DataSource runs (by their first words) until stopped; per send when stopped. */
function countStatements(app: App): { stop(sends: number): { total: number; top: [string, number][] } } {
  const logger = app.dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const counts = new Map<string, number>();
  logger.logQuery = (query, parameters, runner) => {
    const words = query.replace(/\s+/g, ' ').replace(/`/g, '').slice(0, 48);
    counts.set(words, (counts.get(words) ?? 0) + 1);
    return original(query, parameters, runner);
  };
  return {
    stop(sends) {
      logger.logQuery = original;
      const top = [...counts].sort((a, b) => b[1] - a[1]).map(([sql, n]): [string, number] => [sql, n / sends]);
      return { total: top.reduce((sum, [, n]) => sum + n, 0), top: top.filter(([, n]) => n >= 0.05) };
    },
  };
}

/** How long SENDS jobs of `name`, all due now, take to run on a fresh Agenda over the app's job store. */
async function timeAgendaJobs(config: Config, app: App, name: string, handler: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const agenda = createAgenda(createJobBackend(config, app.dataSource), { processEvery: PROCESS_EVERY_MS, name });
  agenda.maxConcurrency(CONCURRENCY);
  agenda.define(name, handler, { concurrency: CONCURRENCY });
  for (let i = 0; i < SENDS; i++) await agenda.create(name, { i }).schedule(new Date()).save();
  const done = completions(agenda, `complete:${name}`, SENDS);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await agenda.start();
  await done;
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  await agenda.stop(false);
  return { ms, cpuMs };
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

// REMINDERS bookings, each of its own participant (S5 caps texts per booking)
// and its own session, the sessions starting evenly over `spreadMs`.
export async function seedBookings(db: mysql.Connection, workspaceId: string, firstStart: number, count = REMINDERS, spreadMs = 60_000) {
  const studyId = newId();
  await db.query('INSERT INTO studies (id, workspaceId, name, smsRemindersEnabled, inviteToken) VALUES (?, ?, ?, 1, ?)', [studyId, workspaceId, 'Bench study', randomBytes(16).toString('hex')]);
  const booked: { booking: Booking; session: StudySession }[] = [];
  for (let start = 0; start < count; start += 2000) {
    const sessions: unknown[][] = [];
    const participants: unknown[][] = [];
    const bookings: unknown[][] = [];
    for (let i = start; i < Math.min(start + 2000, count); i++) {
      const startsAt = new Date(firstStart + Math.floor((i / count) * spreadMs));
      const session = Object.assign(new StudySession(), { id: newId(), workspaceId, studyId, startsAt });
      const booking = Object.assign(new Booking(), { id: newId(), workspaceId, sessionId: session.id, participantId: newId(), manageToken: randomBytes(16).toString('hex') });
      sessions.push([session.id, workspaceId, studyId, startsAt, 30, 'SCHEDULED']);
      participants.push([booking.participantId, workspaceId, `P ${i}`, `p${i}.${studyId.slice(-6)}@bench.example`, `+1415${3_000_000 + i}`, 1]);
      bookings.push([booking.id, workspaceId, session.id, booking.participantId, 'BOOKED', booking.manageToken]);
      booked.push({ booking, session });
    }
    await db.query('INSERT INTO study_sessions (id, workspaceId, studyId, startsAt, durationMinutes, status) VALUES ?', [sessions]);
    await db.query('INSERT INTO participants (id, workspaceId, name, email, phone, smsConsent) VALUES ?', [participants]);
    await db.query('INSERT INTO bookings (id, workspaceId, sessionId, participantId, status, manageToken) VALUES ?', [bookings]);
  }
  return booked;
}

export async function recordAndSchedule(app: App, intents: MessageIntent[]): Promise<void> {
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
    const env = {
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
    };
    const config = loadConfig(env);
    app = await createApp(config);
    db = await mysql.createConnection(`${MYSQL_URL}/${name}`);
    const { workspace } = await app.dataSource.transaction((m) => app!.services.workspaces.create(m, 'Bench', '+13306619491'));
    // T3: the bench's texts are not about quiet hours; they must go at any hour it runs.
    await db.query('UPDATE workspaces SET smsEnabled = 1, quietHoursEnabled = 0 WHERE id = ?', [workspace.id]);

    // 1. Agenda no-op jobs on the same store, same concurrency.
    const { ms: noopMs, cpuMs: noopCpuMs } = await timeAgendaJobs(config, app, 'bench-noop', async () => {});
    log(`  Agenda no-op: ${SENDS} jobs in ${Math.round(noopMs)} ms`);

    // 1b. Agenda jobs that do nothing but hand one text to the stand-in through
    // the Vonage SDK: the floor under any send pipeline on this machine.
    const sms = app.providers.sms;
    if (!sms) throw new Error('The bench needs the Vonage provider');
    const { ms: providerOnlyMs, cpuMs: providerOnlyCpuMs } = await timeAgendaJobs(config, app, 'bench-provider-only', async () => {
      const result = await sms.send({ to: '+14155557001', from: '+13306619491', text: 'Bench text', clientRef: 'bench' });
      if (result.outcome !== 'sent') throw new Error(`The stand-in refused a bench text: ${JSON.stringify(result)}`);
    });
    log(`  Agenda + Vonage SDK only: ${SENDS} jobs in ${Math.round(providerOnlyMs)} ms`);

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
    const statements = countStatements(app);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await app.startWorker();
    await sendsDone;
    const sendMs = performance.now() - started;
    const sendCpuMs = cpuMsSince(cpu);
    const perSend = statements.stop(SENDS);
    log(`  Tock send pipeline: ${SENDS} texts in ${Math.round(sendMs)} ms (${standIn.messages.length - SENDS} reached the stand-in)`);
    log(`  statements per send (${perSend.total.toFixed(2)}): ${perSend.top.map(([sql, n]) => `${n.toFixed(2)} ${sql}`).join(' | ')}`);

    const throughput = {
      sends: SENDS,
      noopPerSecond: (SENDS / noopMs) * 1000,
      providerOnlyPerSecond: (SENDS / providerOnlyMs) * 1000,
      sendsPerSecond: (SENDS / sendMs) * 1000,
      ratio: noopMs / sendMs,
      cpuMsPerJob: { noop: noopCpuMs / SENDS, providerOnly: providerOnlyCpuMs / SENDS, send: sendCpuMs / SENDS },
      statementsPerSend: perSend.total,
    };
    // TOCK_BENCH_REMINDERS=0: the throughput part alone (to profile it).
    if (REMINDERS === 0) return { ...throughput, burst: null, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };

    // 3. L8: REMINDERS reminders due within DUE_WINDOW_MS, on a worker capped at
    // BURST_CAP per second: far more than the cap carries in the window.
    await app.close();
    app = null;
    const burstConfig = loadConfig({ ...env, VONAGE_RATE_LIMIT_PER_SECOND: String(BURST_CAP) });
    app = await createApp(burstConfig);
    const keyStepMs = rateSteps(ratePlan(burstConfig)).keyMs;
    const neededLeadMs = REMINDERS * keyStepMs;
    // Recorded well ahead of the burst's need: a plan can only start them early if they exist.
    const dueFrom = Date.now() + neededLeadMs * 1.5 + 30_000;
    const booked = await seedBookings(db, workspace.id, dueFrom + REMINDER_LEAD_MS, REMINDERS, DUE_WINDOW_MS);
    // The product's own reminder intents (S4: 15 minutes before each session).
    const intents: MessageIntent[] = booked.map(({ booking, session }) => reminderIntent(booking, session));
    const scheduling = performance.now();
    // Recorded in chunks, then scheduled in one go: the plan sees the whole burst, and each job is saved once, in place.
    const recorded: CommsLogEntry[] = [];
    for (let i = 0; i < intents.length; i += 1000) {
      recorded.push(...(await app.dataSource.transaction((manager) => app!.services.delivery.record(manager, intents.slice(i, i + 1000)))));
    }
    await app.services.delivery.schedule(recorded);
    log(`  recorded and scheduled ${REMINDERS} reminders (planned as they were scheduled) in ${Math.round(performance.now() - scheduling)} ms`);
    // A planner run now finds nothing left to move.
    const planning = performance.now();
    const moved = await app.services.sendPlanner.run();
    const planMs = performance.now() - planning;
    log(`  the send planner pulled ${moved} jobs forward in ${Math.round(planMs)} ms`);
    const [dueRows] = await db.query("SELECT UNIX_TIMESTAMP(scheduledFor) * 1000 AS dueAt, id FROM comms_log_entries WHERE kind = 'REMINDER'");
    const plain = plainLateness(
      (dueRows as { dueAt: string; id: string }[]).map((r) => ({ id: String(r.id), dueAt: Number(r.dueAt) })),
      keyStepMs,
    ).sort((x, y) => x - y);
    const settled = settledCount(app, REMINDERS, (kind) => kind === MessageKind.REMINDER);
    await app.startWorker();
    await settled;
    const [rows] = await db.query(
      "SELECT TIMESTAMPDIFF(MICROSECOND, scheduledFor, sentAt) / 1000 AS lateMs FROM comms_log_entries WHERE kind = 'REMINDER' AND status = 'SENT'",
    );
    const offsets = (rows as { lateMs: string }[]).map((r) => Number(r.lateMs)).sort((x, y) => x - y);
    const lateness = offsets.map((ms) => Math.max(0, ms));
    const [[skipped]] = (await db.query("SELECT COUNT(*) AS n FROM comms_log_entries WHERE kind = 'REMINDER' AND skipReason = 'TOO_LATE'")) as unknown as [[{ n: number }]];
    const [[first]] = (await db.query(
      "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(sentAt), (SELECT MIN(scheduledFor) FROM comms_log_entries WHERE kind = 'REMINDER')) / 1000 AS leadMs FROM comms_log_entries WHERE kind = 'REMINDER' AND status = 'SENT'",
    )) as unknown as [[{ leadMs: string }]];
    const stats = (sorted: number[]) => ({ p50: median(sorted), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 });

    return {
      ...throughput,
      burst: {
        reminders: lateness.length,
        processEveryMs: PROCESS_EVERY_MS,
        burstCap: BURST_CAP,
        planStepMs: app.services.sendPlanner.stepMs(),
        dueWindowMs: DUE_WINDOW_MS,
        latenessMs: stats(lateness),
        plainLatenessMs: stats(plain),
        firstLeadMs: Number(first.leadMs),
        neededLeadMs,
        tooLate: Number(skipped.n),
        planMs,
      },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await db?.end();
    await app?.close();
    await standIn?.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
