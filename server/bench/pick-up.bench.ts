import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { createTestWorkspace, PLATFORM_TOKEN, type TestServer, type TestWorkspace } from '../test/harness.js';
import { startPrivateRedis, type PrivateRedis } from '../test/private-redis.js';
import { SENDER, SIGNATURE_SECRET, startSendingServer, type SendingServer } from '../test/sending.js';
import { withChallenge } from '../test/signup-challenge.js';

// How soon a booking confirmation leaves: from a signUp answering on an API
// process to the text reaching the Vonage stand-in from a worker process, with
// the worker polling every JOBS_PROCESS_EVERY_MS, and with Redis announcing
// each saved job (the notification channel). MariaDB, one worker.

const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const SIGNUPS = Number(process.env.TOCK_BENCH_PICKUP_SIGNUPS ?? 40);
const WARM_UP = 3;
const PROCESS_EVERY_MS = Number(process.env.TOCK_BENCH_PROCESS_EVERY_MS ?? 1000);

export interface PickUpRow {
  name: string;
  p50: number;
  p99: number;
  max: number;
}

export interface PickUpReport {
  signups: number;
  processEveryMs: number;
  polling: PickUpRow;
  notified: PickUpRow;
  /** The machine's 1-minute load average before and after: the figures depend on it. */
  load: [number, number];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function startWorkerProcess(sending: SendingServer, redisUrl: string | undefined): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      TOCK_ROLE: 'worker',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: sending.server.databaseUrl,
      PLATFORM_TOKEN,
      DEMO_SEED: 'false',
      DATA_DIR: '/tmp',
      PUBLIC_URL: 'http://tock.test',
      JOBS_PROCESS_EVERY_MS: String(PROCESS_EVERY_MS),
      VONAGE_API_KEY: 'test-key',
      VONAGE_API_SECRET: 'test-secret',
      VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
      VONAGE_FROM: SENDER,
      VONAGE_REST_HOST: sending.standIn.url,
      VONAGE_API_HOST: sending.standIn.url,
      ...(redisUrl && { REDIS_URL: redisUrl }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Tock is running') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stdout!.resume();
  return child;
}

async function signUpAndTime(server: TestServer, sending: SendingServer, ws: TestWorkspace, n: number): Promise<number> {
  const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Pick-up ${n}" }) { id inviteUrl } }`, {}, ws.adminKey);
  const { createSession } = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 30 } },
    ws.adminKey,
  );
  const phone = `+1415557${String(n).padStart(4, '0')}`;
  const arrived = sending.standIn.waitForMessage((m) => m.to.replace(/^\+/, '') === phone.slice(1)).then(() => performance.now());
  // The browser solves the signup challenge before it books; the clock starts at the booking.
  const input = await withChallenge(server, { inviteToken: createStudy.inviteUrl.split('/').pop()!, sessionId: createSession.id, name: 'Pat', email: `pickup${n}@example.com`, phone, smsConsent: true });
  await server.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`, { input });
  const answered = performance.now();
  return Math.max(0, (await arrived) - answered);
}

async function measureConfiguration(name: string, redis: PrivateRedis | undefined): Promise<PickUpRow> {
  // The API process is this one (it takes no jobs); the worker is a child process.
  const sending = await startSendingServer({
    database: 'mariadb',
    worker: false,
    env: { JOBS_PROCESS_EVERY_MS: String(PROCESS_EVERY_MS), ...(redis && { REDIS_URL: redis.url }) },
  });
  const worker = await startWorkerProcess(sending, redis?.url);

  try {
    const ws = await createTestWorkspace(sending.server, `Pick-up ${name}`, { smsEnabled: true });
    const samples: number[] = [];
    for (let n = 0; n < SIGNUPS + WARM_UP; n++) {
      const ms = await signUpAndTime(sending.server, sending, ws, n);
      if (n >= WARM_UP) samples.push(ms);
    }
    const sorted = samples.sort((a, b) => a - b);
    return { name, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
  } finally {
    const exited = once(worker, 'exit');
    worker.kill('SIGTERM');
    await exited;
    await sending.stop();
  }
}

export async function runPickUpBench(): Promise<PickUpReport> {
  const loadBefore = loadavg()[0];
  const polling = await measureConfiguration('polling only (no REDIS_URL)', undefined);
  const redis = await startPrivateRedis();
  try {
    const notified = await measureConfiguration('Redis notification channel (REDIS_URL)', redis);
    return { signups: SIGNUPS, processEveryMs: PROCESS_EVERY_MS, polling, notified, load: [loadBefore, loadavg()[0]] };
  } finally {
    await redis.stop();
  }
}
