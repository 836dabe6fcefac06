import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { In, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, PLATFORM_TOKEN, SUITE_ABUSE_LIMITS, type GraphQLClient } from '../../../test/harness.js';
import { SENDER, SIGNATURE_SECRET } from '../../../test/sending.js';
import { withChallenge } from '../../../test/signup-challenge.js';
import { startVonageStandIn, type VonageStandIn } from '../../../test/vonage-stand-in/vonage-stand-in.js';
import { createApp, type App } from '../../app/create-app.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { loadConfig } from '../../config/config.js';
import type { RunningServer } from '../../http/server.js';
import { startHttpServer } from '../../app/index.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { dayOfUpdateIntent } from '../../studies/booking-messages.js';
import { Booking } from '../../studies/booking.entity.js';
import { StudySession } from '../../studies/study-session.entity.js';
import { INTERRUPTED } from '../delivery/delivery.service.js';
import type { MessageIntent } from '../delivery/message-intent.js';

// The fault suite (L6, S5, O4): real worker processes (`server` with
// TOCK_ROLE=worker) on one MariaDB test database, the Vonage stand-in and a
// Redis of the suite's own in this process. Four workers start together on an
// empty database; then one is stopped with SIGTERM mid-burst, one is killed
// with kill -9 mid-burst, the survivors ride out a storm of KILLs on their
// database connections and a Redis killed and restarted, and race on S5.
// Every entry is checked against what the stand-in saw, and a table is printed.

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const BURST = 150;
// Short, so a dead worker's jobs are taken over quickly; not so short that a
// starved machine's late lock renewals make Agenda give up on running sends.
const LOCK_LIFETIME_MS = 5000;

interface WorkerProcess {
  name: string;
  child: ChildProcess;
  output: string;
  healthUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface Row {
  scenario: string;
  texts: number;
  sent: number;
  retried: number;
  interrupted: number;
  skipped: number;
  lost: number;
  duplicates: number;
  notes: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('the fault suite: delivery guarantees with real worker processes (MariaDB, Redis)', () => {
  const suffix = `${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const database = `tock_test_${suffix}`;
  const workerUser = `tock_w_${randomBytes(4).toString('hex')}`;
  const workerPassword = randomBytes(12).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'tock-faults-'));
  const rows: Row[] = [];
  const workers: WorkerProcess[] = [];
  let admin: mysql.Connection;
  let standIn: VonageStandIn;
  let redis: ChildProcess | null = null;
  let redisPort = 0;
  let app: App | null = null;
  let http: RunningServer | null = null;
  let api: GraphQLClient;
  let workspaceId = '';
  let adminKey = '';

  const workerEnv = (): Record<string, string> => ({
    ...(SUITE_ABUSE_LIMITS as Record<string, string>),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    TOCK_ROLE: 'worker',
    // Each job's lines, for what explainStuck prints when an entry is stuck.
    LOG_LEVEL: 'debug',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `mariadb://${workerUser}:${workerPassword}@127.0.0.1:3306/${database}`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    PLATFORM_TOKEN,
    DEMO_SEED: 'false',
    PUBLIC_URL: 'http://tock.test',
    DATA_DIR: dataDir,
    JOBS_PROCESS_EVERY_MS: '200',
    JOBS_LOCK_LIFETIME_MS: String(LOCK_LIFETIME_MS),
    SHUTDOWN_TIMEOUT_MS: '6000',
    SEND_CONCURRENCY: '10',
    SEND_RETRY_BASE_MS: '50',
    SEND_RETRY_MAX_DELAY_MS: '500',
    VONAGE_RATE_LIMIT_PER_SECOND: '100',
    VONAGE_API_KEY: 'test-key',
    VONAGE_API_SECRET: 'test-secret',
    VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
    VONAGE_FROM: SENDER,
    VONAGE_REST_HOST: standIn.url,
    VONAGE_API_HOST: standIn.url,
  });

  function spawnWorker(name: string): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: REPO_ROOT, env: workerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const worker: WorkerProcess = {
      name,
      child,
      output: '',
      healthUrl: '',
      exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    };
    workers.push(worker);
    return new Promise((resolve, reject) => {
      const read = (chunk: Buffer) => {
        worker.output += chunk.toString();
        const health = /Health:\s+(\S+)\/healthz/.exec(worker.output);
        if (health && !worker.healthUrl) {
          worker.healthUrl = health[1];
          resolve(worker);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      void worker.exited.then(({ code }) => reject(new Error(`${name} exited with ${code} before it was ready:\n${worker.output}`)));
    });
  }

  const alive = () => workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  const entries = () => app!.dataSource.getRepository(CommsLogEntry);

  function startRedis(): Promise<void> {
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
    return new Promise((resolve) => {
      redis!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
    });
  }

  // Recorded in one transaction, then scheduled once it committed, as every caller of the delivery service does.
  async function recordAndSchedule(intents: MessageIntent[]): Promise<CommsLogEntry[]> {
    const created = await app!.dataSource.transaction((manager) => app!.services.delivery.record(manager, intents));
    await app!.services.delivery.schedule(created);
    return created;
  }

  // A burst of texts, recorded and scheduled at once as any fan-out does (keyword-reply
  // texts: a fixed body and a bare number, so nothing but the fault decides their fate).
  async function burst(tag: string, area: number, count: number): Promise<string[]> {
    const now = new Date();
    const created = await recordAndSchedule(
      Array.from({ length: count }, (_, i) => ({
        workspaceId,
        kind: MessageKind.KEYWORD_REPLY,
        idempotencyKey: `fault:${suffix}:${tag}:${i}`,
        sendAt: now,
        recipientPhone: `+1415${area}${String(i).padStart(6, '0')}`,
        senderPhone: SENDER,
        body: `Tock fault suite ${tag} #${i}`,
      })),
    );
    return created.map((entry) => String(entry.id));
  }

  const unsettled = async (ids: string[]) => entries().countBy({ id: In(ids), status: In([MessageStatus.QUEUED, MessageStatus.SENDING]) });
  const requestsFor = (ids: string[]) => {
    const mine = new Set(ids);
    return standIn.smsRequests.filter((r) => r.clientRef && mine.has(r.clientRef)).length;
  };

  // Vonage sends a receipt for every text it accepted; the ones whose worker died before it could write SENT need it.
  async function deliverReceipts(ids: string[]): Promise<number> {
    const open = await entries().find({ where: { id: In(ids), status: In([MessageStatus.SENDING, MessageStatus.FAILED]) } });
    let delivered = 0;
    for (const entry of open) {
      const accepted = standIn.messages.find((m) => m.clientRef === String(entry.id));
      if (!accepted) continue;
      const answer = await standIn.deliverReceipt(http!.url, accepted.messageId, { status: 'delivered', errCode: '0' });
      expect(answer.status).toBe(200);
      delivered += 1;
    }
    return delivered;
  }

  // Every entry against what the stand-in saw: at most one request each, and a final state that tells the truth.
  async function audit(scenario: string, ids: string[], notes: string): Promise<Row> {
    const all = await entries().findBy({ id: In(ids) });
    const requests = new Map<string, number>();
    for (const request of standIn.smsRequests) if (request.clientRef) requests.set(request.clientRef, (requests.get(request.clientRef) ?? 0) + 1);
    const accepted = new Map(standIn.messages.map((m) => [m.clientRef ?? '', m]));
    const row: Row = { scenario, texts: ids.length, sent: 0, retried: 0, interrupted: 0, skipped: 0, lost: 0, duplicates: 0, notes };
    for (const entry of all) {
      const id = String(entry.id);
      const seen = requests.get(id) ?? 0;
      if (seen > 1) row.duplicates += 1;
      if (entry.attempts > 1) row.retried += 1;
      const went = accepted.get(id);
      if (entry.status === MessageStatus.SENT || entry.status === MessageStatus.DELIVERED) {
        row.sent += 1;
        // Says sent: the stand-in accepted it, under this id.
        expect(went?.messageId, `entry ${id}`).toBe(entry.providerMessageId);
      } else if (entry.status === MessageStatus.SKIPPED) {
        row.skipped += 1;
        expect(went, `entry ${id}`).toBeUndefined();
      } else if (entry.status === MessageStatus.FAILED && entry.errorCode === INTERRUPTED) {
        row.interrupted += 1;
        // Interrupted, after every receipt came: it never reached the provider.
        expect(went, `entry ${id}`).toBeUndefined();
      } else {
        row.lost += 1;
      }
    }
    rows.push(row);
    return row;
  }

  async function settle(ids: string[], timeoutMs: number): Promise<number> {
    const from = Date.now();
    try {
      await expect.poll(() => unsettled(ids), { timeout: timeoutMs, interval: 100 }).toBe(0);
    } catch (error) {
      await explainStuck(ids, { status: In([MessageStatus.QUEUED, MessageStatus.SENDING]) });
      throw error;
    }
    return Date.now() - from;
  }

  // What is stuck, what the stand-in saw of it and what the workers said about it, to find out why.
  async function explainStuck(ids: string[], where: FindOptionsWhere<CommsLogEntry>): Promise<void> {
    const stuck = await entries().find({ where: { id: In(ids), ...where } });
    for (const entry of stuck) {
      const id = String(entry.id);
      const [jobs] = await admin.query(`SELECT nextRunAt, lockedAt, lastRunAt, lastFinishedAt, failCount, failReason FROM \`${database}\`.agenda_jobs WHERE data LIKE ?`, [`%"${id}"%`]);
      const seen = standIn.smsRequests.filter((r) => r.clientRef === id).map((r) => `${r.at.toISOString()} ${r.answer}${r.callerGone ? ' (caller gone)' : ''}`);
      const said = workers.flatMap((w) => w.output.split('\n').filter((line) => line.includes(`"entryId":"${id}"`)).map((line) => `${w.name}: ${line.slice(0, 400)}`));
      console.error(`stuck entry ${id}: ${entry.status} attempts ${entry.attempts} ${entry.errorCode ?? ''} updated ${entry.updatedAt.toISOString()}; jobs ${JSON.stringify(jobs)}; stand-in saw ${JSON.stringify(seen)}\n${said.join('\n')}`);
    }
  }

  beforeAll(async () => {
    admin = await mysql.createConnection(MYSQL_URL);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    // The workers log in as a user of their own, so the storm can KILL exactly their connections.
    await admin.query(`CREATE USER '${workerUser}'@'%' IDENTIFIED BY '${workerPassword}'`);
    await admin.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${workerUser}'@'%'`);
    standIn = await startVonageStandIn({ apiKey: 'test-key', apiSecret: 'test-secret', signatureSecret: SIGNATURE_SECRET });
    redisPort = await freePort();
    await startRedis();
  }, 60_000);

  afterAll(async () => {
    for (const worker of alive()) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await http?.stop();
    await app?.close();
    redis?.kill('SIGKILL');
    await standIn?.stop();
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(`DROP USER IF EXISTS '${workerUser}'@'%'`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (rows.length) {
      console.log('\nFault suite (each entry checked against the stand-in):');
      console.table(rows);
    }
  }, 60_000);

  it('O4: four worker processes started together on an empty database all come up, and every migration ran once', async () => {
    const from = Date.now();
    const started = await Promise.all(['W1', 'W2', 'W3', 'W4'].map(spawnWorker));
    const seconds = ((Date.now() - from) / 1000).toFixed(1);
    for (const worker of started) expect((await fetch(`${worker.healthUrl}/readyz`)).status).toBe(200);
    const [ran] = await admin.query(`SELECT name, COUNT(*) AS times FROM \`${database}\`.migrations GROUP BY name HAVING times > 1`);
    expect(ran).toEqual([]);

    // The API in this process, on the migrated database, with no worker of its own.
    app = await createApp(
      loadConfig({
        ...SUITE_ABUSE_LIMITS,
        NODE_ENV: 'test',
        DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${database}`,
        DATA_DIR: dataDir,
        PLATFORM_TOKEN,
        DEMO_SEED: 'false',
        PUBLIC_URL: 'http://tock.test',
        SEND_INTERRUPTED_AFTER_MS: '1000',
        VONAGE_API_KEY: 'test-key',
        VONAGE_API_SECRET: 'test-secret',
        VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
        VONAGE_FROM: SENDER,
        VONAGE_REST_HOST: standIn.url,
        VONAGE_API_HOST: standIn.url,
      }),
    );
    http = await startHttpServer(app, 0, '127.0.0.1');
    api = graphqlClient(http.url);
    const created = await api.ok(
      `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } adminKey { secret } } }`,
      { input: { name: 'Fault Co', senderNumber: SENDER } },
      PLATFORM_TOKEN,
    );
    workspaceId = created.createWorkspace.workspace.id;
    adminKey = created.createWorkspace.adminKey.secret;
    await api.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, adminKey);
    rows.push({ scenario: 'four processes start on an empty database', texts: 0, sent: 0, retried: 0, interrupted: 0, skipped: 0, lost: 0, duplicates: 0, notes: `4 of 4 ready in ${seconds} s` });
  }, 180_000);

  it('L6: SIGTERM mid-burst: /readyz answers 503 at once, running sends finish, held jobs go to the other workers at once, nothing is left SENDING or sent twice', async () => {
    const [w1] = workers;
    standIn.setFault('sms', { latencyMs: 150 });
    const ids = await burst('term', 2, BURST);
    await expect.poll(() => requestsFor(ids), { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(30);
    const signalledAt = Date.now();
    w1.child.kill('SIGTERM');
    // A worker with nothing of its own in flight drains at once and may have
    // closed its port before the first look; its report must then say so (below).
    let seen: number | 'closed' = 0;
    const readiness = async () => (seen = await fetch(`${w1.healthUrl}/readyz`).then((r) => r.status, () => 'closed' as const));
    await expect.poll(readiness, { timeout: 2000, interval: 20 }).toSatisfy((status) => status === 503 || status === 'closed');
    const { code } = await w1.exited;
    expect(code).toBe(0);
    const stoppedInMs = Date.now() - signalledAt;
    await settle(ids, 90_000);
    const restMs = Date.now() - signalledAt;
    standIn.clearFaults();
    const report = /jobs handed back (\d+), finished (\d+), still running (\d+)/.exec(w1.output);
    expect(report, w1.output).not.toBeNull();
    expect(Number(report![3])).toBe(0);
    if (seen !== 503) expect(Number(report![2]), 'gone before /readyz was seen 503 although sends were running').toBe(0);
    const row = await audit('SIGTERM mid-burst', ids, `stopped in ${stoppedInMs} ms; handed back ${report![1]}, finished ${report![2]}; all sent ${(restMs / 1000).toFixed(1)} s after the signal`);
    expect(row).toMatchObject({ sent: BURST, interrupted: 0, lost: 0, duplicates: 0 });
  }, 150_000);

  it('L6: kill -9 mid-burst: no text sent twice, interrupted texts no more than the provider calls in flight, the rest sent by the other workers', async () => {
    const w2 = workers[1];
    standIn.setFault('sms', { latencyMs: 150 });
    const ids = await burst('kill', 3, BURST);
    await expect.poll(() => requestsFor(ids), { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(30);
    w2.child.kill('SIGKILL');
    const killedAt = Date.now();
    await w2.exited;
    // Everything but the dead worker's in-flight texts goes out through the others.
    await expect.poll(() => entries().countBy({ id: In(ids), status: MessageStatus.QUEUED }), { timeout: 60_000, interval: 100 }).toBe(0);
    await expect.poll(() => standIn.smsInFlight, { timeout: 5000, interval: 20 }).toBe(0);
    const restMs = Date.now() - killedAt;
    standIn.clearFaults();
    // The survivors' sends claimed after the kill are all written by now; what is
    // still SENDING from before the kill is what the dead worker had claimed: its
    // provider calls in flight.
    const claimedSinceKill = { status: MessageStatus.SENDING, updatedAt: MoreThanOrEqual(new Date(killedAt)) };
    try {
      await expect.poll(() => entries().countBy({ id: In(ids), ...claimedSinceKill }), { timeout: 5000, interval: 50 }).toBe(0);
    } catch (error) {
      await explainStuck(ids, claimedSinceKill);
      throw error;
    }
    const orphans = await entries().countBy({ id: In(ids), status: MessageStatus.SENDING });
    const callerGone = standIn.smsRequests.filter((r) => r.callerGone && r.clientRef && ids.includes(r.clientRef)).length;
    const receipts = await deliverReceipts(ids);
    // What no receipt settles is marked for review (SEND_INTERRUPTED_AFTER_MS is 1 s here; "now" is 2 s on).
    await app!.services.reconciler.run(new Date(Date.now() + 2000));
    const row = await audit(
      'kill -9 mid-burst',
      ids,
      `in flight at the kill: ${orphans} claimed sends (${callerGone} reached the stand-in, whose answer never came back); ${receipts} settled by their receipt; the rest sent ${(restMs / 1000).toFixed(1)} s after the kill`,
    );
    expect(row.duplicates).toBe(0);
    expect(row.lost).toBe(0);
    // At most the dead worker's concurrency (SEND_CONCURRENCY=10) was in flight, and only those can be interrupted.
    expect(orphans).toBeLessThanOrEqual(10);
    expect(row.interrupted).toBe(orphans - receipts);
    expect(row.sent + row.interrupted).toBe(BURST);
    // How soon the rest went (the issue asks within 15 s) is a figure in the table, not a timing assertion.
  }, 120_000);

  it('L6: a storm of KILLs on the workers’ database connections fails no text for good and sends none twice', async () => {
    standIn.setFault('sms', { latencyMs: 20 });
    const ids = await burst('storm', 4, BURST);
    let killed = 0;
    for (const threshold of [15, 50, 90]) {
      await expect.poll(() => requestsFor(ids), { timeout: 30_000, interval: 10 }).toBeGreaterThanOrEqual(threshold);
      const [connections] = await admin.query('SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND DB = ?', [workerUser, database]);
      for (const { ID } of connections as { ID: number }[]) {
        await admin.query(`KILL ${Number(ID)}`).catch(() => undefined);
        killed += 1;
      }
    }
    // The reconciler runs every minute in production; here its lost-job pass runs every second, with a 5 s grace.
    let requeued = 0;
    const repair = setInterval(() => {
      void app!.services.reconciler.requeueLost(new Date(Date.now() - 5000)).then((n) => (requeued += n), () => undefined);
    }, 1000);
    try {
      await settle(ids, 90_000);
    } finally {
      clearInterval(repair);
    }
    standIn.clearFaults();
    for (const worker of workers.slice(2)) expect(worker.child.exitCode).toBeNull();
    const failed = await entries().countBy({ id: In(ids), status: MessageStatus.FAILED });
    const row = await audit('KILL storm on DB connections (3 rounds)', ids, `${killed} connections killed; ${failed} permanently failed; ${requeued} jobs re-queued by the reconciler`);
    expect(failed).toBe(0);
    expect(row).toMatchObject({ sent: BURST, lost: 0, duplicates: 0 });
  }, 150_000);

  it('L6: the suite’s own Redis killed and restarted mid-burst: the workers ride it out, nothing lost or sent twice', async () => {
    standIn.setFault('sms', { latencyMs: 20 });
    const ids = await burst('redis', 5, BURST);
    await expect.poll(() => requestsFor(ids), { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(30);
    const down = new Promise((resolve) => redis!.once('exit', resolve));
    redis!.kill('SIGKILL');
    await down;
    // Down until the workers have noticed: texts held back because the shared limiter is out of reach
    // (none are if a provider wrapper drops awaitTurn: sends then skip the limiter altogether).
    await expect.poll(() => entries().countBy({ id: In(ids), errorCode: 'RATE_LIMITER' }), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const heldBack = await entries().countBy({ id: In(ids), errorCode: 'RATE_LIMITER' });
    await startRedis();
    const settledMs = await settle(ids, 60_000);
    standIn.clearFaults();
    for (const worker of workers.slice(2)) expect(worker.child.exitCode, worker.output).toBeNull();
    const row = await audit('Redis killed and restarted', ids, `${heldBack} held back while it was down; all sent ${(settledMs / 1000).toFixed(1)} s after the restart; 2 of 2 workers alive`);
    expect(row).toMatchObject({ sent: BURST, lost: 0, duplicates: 0, interrupted: 0 });
  }, 90_000);

  it('S5: two workers racing on six day-of updates for a booking that had its confirmation never send a 7th text (20 trials)', async () => {
    expect(alive()).toHaveLength(2);
    const trials = 20;
    const { createStudy } = await api.ok(`mutation { createStudy(input: { name: "Race study" }) { id inviteUrl } }`, {}, adminKey);
    const { createSession } = await api.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 30 } },
      adminKey,
    );
    const phones = Array.from({ length: trials }, (_, i) => `+1415557${String(i).padStart(4, '0')}`);
    for (const [i, phone] of phones.entries()) {
      const input = { inviteToken: createStudy.inviteUrl.split('/').pop(), sessionId: createSession.id, name: `Racer ${i}`, email: `racer${i}.${suffix}@example.com`, phone, smsConsent: true };
      await api.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`, { input: await withChallenge(api, input) });
    }
    const bookings = await app!.dataSource.getRepository(Booking).findBy({ sessionId: createSession.id });
    const confirmations = () => entries().countBy({ sessionId: createSession.id, kind: MessageKind.CONFIRMATION, status: MessageStatus.SENT });
    await expect.poll(confirmations, { timeout: 60_000, interval: 100 }).toBe(trials);

    // Six updates per booking, all due at the same instant, recorded round-robin so both workers hold some of each booking's.
    const session = await app!.dataSource.getRepository(StudySession).findOneByOrFail({ id: createSession.id });
    const due = new Date(Date.now() + 1500);
    const intents = Array.from({ length: 6 }, (_, k) => bookings.map((booking) => dayOfUpdateIntent(booking, session, `Race update ${k + 1}`, `race-${k}`, due))).flat();
    const created = await recordAndSchedule(intents);
    const ids = created.map((entry) => String(entry.id));
    await settle(ids, 60_000);

    let seventh = 0;
    for (const booking of bookings) {
      const texts = await entries().findBy({ bookingId: booking.id });
      const counted = texts.filter((t) => [MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED].includes(t.status));
      const capped = texts.filter((t) => t.skipReason === SkipReason.EVENT_CAP_REACHED);
      const atStandIn = standIn.messages.filter((m) => texts.some((t) => String(t.id) === m.clientRef));
      if (counted.length > 6 || atStandIn.length > 6) seventh += 1;
      expect(counted).toHaveLength(6);
      expect(atStandIn).toHaveLength(6);
      expect(capped).toHaveLength(1);
    }
    const row = await audit('S5 race, 2 workers', ids, `${trials} trials, ${seventh} with a 7th text`);
    expect(seventh).toBe(0);
    // Each booking: the confirmation and five updates sent, the sixth update capped; none lost or doubled.
    expect(row).toMatchObject({ sent: trials * 5, skipped: trials, lost: 0, duplicates: 0 });
  }, 90_000);
});
