import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import type { Env } from '../../config/config.js';
import { newId } from '../../db/id.util.js';
import { createTestWorkspace, PLATFORM_TOKEN, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { recordAndSchedule, SENDER } from '../../../test/sending.js';
import { startTockProcess, type TockProcess } from '../../../test/tock-process.js';
import { startVonageStandIn, type VonageStandIn } from '../../../test/vonage-stand-in/vonage-stand-in.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CAP = 30;
const TEXTS = Number(process.env.TOCK_TEST_RATE_TEXTS ?? 120);

// L7 at the provider: a burst far above the cap, sent by two workers that share
// the limiter through Redis, against a stand-in that throttles (status 1) any
// request past the cap in a rolling second. The workers are real processes, so
// the stand-in here hears them as Vonage would, not through their event loop.
describe('provider rate across workers (MariaDB, Redis)', () => {
  let standIn: VonageStandIn;
  let server: TestServer;
  const workers: TockProcess[] = [];
  let ws: TestWorkspace;
  // Its own API key: its own rate-limit key on the shared Redis.
  const apiKey = `rate-${randomUUID()}`;
  const env = (): Env => ({
    VONAGE_API_KEY: apiKey,
    VONAGE_API_SECRET: 'rate-secret',
    VONAGE_FROM: SENDER,
    VONAGE_REST_HOST: standIn.url,
    VONAGE_API_HOST: standIn.url,
    VONAGE_RATE_LIMIT_PER_SECOND: String(CAP),
    REDIS_URL,
  });

  beforeAll(async () => {
    standIn = await startVonageStandIn({ apiKey, apiSecret: 'rate-secret', rateLimit: { perSecond: CAP } });
    // This process only records the texts; two worker processes send them.
    server = await startTestServer({ env: env(), worker: false });
    ws = await createTestWorkspace(server, 'Rate Co', { smsEnabled: true });
    // Started together (tsx compiles each on start: slow on a loaded machine).
    workers.push(
      ...(await Promise.all(
        [1, 2].map(() => startTockProcess({ NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, PLATFORM_TOKEN, JOBS_PROCESS_EVERY_MS: '100', TOCK_ROLE: 'worker', LOG_LEVEL: 'info', ...env() })),
      )),
    );
  }, 240_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await server?.stop();
    await standIn?.stop();
  });

  it('L7: the stand-in throttles past the cap in a rolling second', async () => {
    const probe = await startVonageStandIn({ apiKey: 'k', apiSecret: 's', rateLimit: { perSecond: 3 } });
    try {
      const answers: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${probe.url}/sms/json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ api_key: 'k', api_secret: 's', from: 'TOCK', to: '14155550100', text: 'hi' }),
        });
        const body = (await res.json()) as { messages: { status: string }[] };
        answers.push(body.messages[0].status);
      }
      expect(answers).toEqual(['0', '0', '0', '1']);
    } finally {
      await probe.stop();
    }
  });

  it(`L7: ${TEXTS} texts at once on two workers: no rolling second above ${CAP}, no throttles, each sent once`, async () => {
    const db = server.app.dataSource;
    const intents = [];
    for (let i = 0; i < TEXTS; i++) {
      const employeeId = newId();
      const requestId = newId();
      await db.query('INSERT INTO employees (id, workspaceId, name, phone, smsOptIn) VALUES (?, ?, ?, ?, 1)', [employeeId, ws.id, `E ${i}`, `+1415557${String(i).padStart(4, '0')}`]);
      await db.query("INSERT INTO time_off_requests (id, workspaceId, employeeId, startsOn, endsOn, status) VALUES (?, ?, ?, '2027-01-04', '2027-01-05', 'DENIED')", [
        requestId,
        ws.id,
        employeeId,
      ]);
      intents.push({ workspaceId: ws.id, kind: MessageKind.TIME_OFF_RESPONSE, employeeId, timeOffRequestId: requestId, sendAt: new Date(), idempotencyKey: `rate-${randomBytes(6).toString('hex')}` });
    }
    await recordAndSchedule(server, intents);
    const sent = async () => {
      const [row] = await db.query<{ n: string }[]>("SELECT COUNT(*) AS n FROM comms_log_entries WHERE workspaceId = ? AND kind = 'TIME_OFF_RESPONSE' AND status = 'SENT'", [ws.id]);
      return Number(row.n);
    };
    await expect.poll(sent, { timeout: TEXTS * 500, interval: 250 }).toBe(TEXTS);
    expect(standIn.smsRequests.filter((r) => r.answer === '1')).toHaveLength(0);
    expect(standIn.busiestWindow(1000)).toBeLessThanOrEqual(CAP);
    // Each text reached the provider once.
    expect(new Set(standIn.messages.map((m) => m.to)).size).toBe(TEXTS);
    expect(standIn.messages).toHaveLength(TEXTS);
  }, TEXTS * 500 + 30_000);
});
