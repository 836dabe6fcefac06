import { withChallenge } from '../../../test/signup-challenge.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, graphqlClient, PLATFORM_TOKEN, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { createTestDatabase, startTockProcess, type LogLine, type TockProcess } from '../../../test/tock-process.js';
import { startVonageStandIn, type VonageStandIn } from '../../../test/vonage-stand-in/vonage-stand-in.js';

const SIGNATURE_SECRET = 'logs-signature-secret-0123456789';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const PHONE = '+14155550177';

// O1/O2 as an operator sees them: an API process and a worker process in
// production mode on one MariaDB, texts sent through the Vonage stand-in,
// which posts delivery receipts back to the API.
describe('logs and metrics across an API and a worker process (O1, O2)', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let standIn: VonageStandIn;
  let api: TockProcess;
  let worker: TockProcess;
  let ws: TestWorkspace;
  const env = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PLATFORM_TOKEN,
    METRICS_TOKEN,
    PUBLIC_URL: 'http://tock.test',
    VONAGE_API_KEY: 'logs-key',
    VONAGE_API_SECRET: 'logs-secret-value',
    VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
    VONAGE_FROM: '+13306619491',
    VONAGE_REST_HOST: standIn.url,
    VONAGE_API_HOST: standIn.url,
    JOBS_PROCESS_EVERY_MS: '100',
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    // Receipts go to the API; its URL is known once it listens, so the stand-in learns it after.
    const receipts = { webhookBaseUrl: 'http://127.0.0.1:9', delayMs: 50 };
    standIn = await startVonageStandIn({ apiKey: 'logs-key', apiSecret: 'logs-secret-value', signatureSecret: SIGNATURE_SECRET, autoReceipt: receipts });
    api = await startTockProcess({ ...env(), TOCK_ROLE: 'api' });
    receipts.webhookBaseUrl = api.url;
    worker = await startTockProcess({ ...env(), TOCK_ROLE: 'worker' });
    ws = await createTestWorkspace(graphqlClient(api.url) as TestServer, 'Logs Co', { smsEnabled: true });
  }, 240_000);
  afterAll(async () => {
    if (process.env.TOCK_DUMP_LOGS) (await import('node:fs')).writeFileSync('/tmp/i14-logs.txt', `${api?.output()}\n----\n${worker?.output()}`);
    await Promise.all([api?.stop(), worker?.stop()]);
    await standIn?.stop();
    await database?.drop();
  });

  // A booking by phone: its confirmation is recorded by the API request and sent by the worker.
  async function bookWithRequestId(): Promise<{ requestId: string; bookingId: string }> {
    const client = graphqlClient(api.url);
    const { createStudy } = await client.ok(`mutation { createStudy(input: { name: "Logs study" }) { id inviteUrl } }`, {}, ws.adminKey);
    const { createSession } = await client.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 30 } },
      ws.adminKey,
    );
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation Book($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`,
        variables: {
          // A8: solved for real, as the signup page does.
          input: await withChallenge(client, { inviteToken: createStudy.inviteUrl.split('/').pop() as string, sessionId: createSession.id, name: 'Lee', email: 'lee@example.com', phone: PHONE, smsConsent: true }),
        },
      }),
    });
    const body = (await response.json()) as { data: { signUp: { booking: { id: string } } } };
    return { requestId: response.headers.get('x-request-id')!, bookingId: body.data.signUp.booking.id };
  }

  it('O1: one text is followed by its request id from the API call through the worker to the provider, and back by its entry id', async () => {
    const { requestId } = await bookWithRequestId();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    // API: the access line and the text it recorded, both under the request id.
    const access = await api.waitForLine((l) => l.requestId === requestId && /^POST \/graphql 200/.test(l.msg));
    expect(access).toMatchObject({ level: 'info', req: { method: 'POST', path: '/graphql' }, res: { status: 200 } });
    const queued = await api.waitForLine((l) => l.requestId === requestId && l.msg === 'text queued' && l.kind === 'CONFIRMATION');
    const entryId = queued.entryId as string;
    expect(entryId).toBeTruthy();

    // Worker: the send job carries the same request id, its job name and the entry id.
    const sent = await worker.waitForLine((l) => l.entryId === entryId && l.msg === 'text now sent');
    expect(sent).toMatchObject({ requestId, job: 'send-message', entryId, kind: 'CONFIRMATION', status: 'SENT' });
    expect(sent.providerMessageId).toEqual(expect.any(String));

    // Back: the stand-in's receipt reaches the API's webhook, and the line names the same entry.
    const delivered = await api.waitForLine((l) => l.entryId === entryId && l.status === 'DELIVERED');
    expect(delivered).toMatchObject({ msg: 'text now delivered', providerMessageId: sent.providerMessageId });
    expect(delivered.requestId).toEqual(expect.any(String));
    expect(delivered.requestId).not.toBe(requestId);

    // Every line is JSON with a level and a time; phones are masked; secrets never appear.
    const all: LogLine[] = [...api.lines, ...worker.lines];
    expect(all.every((l) => typeof l.level === 'string' && !Number.isNaN(Date.parse(l.time)))).toBe(true);
    expect(sent.to).toBe('+1415555****');
    const text = api.output() + worker.output();
    for (const secret of [PHONE, PHONE.slice(1), ws.adminKey, PLATFORM_TOKEN, 'logs-secret-value', SIGNATURE_SECRET, METRICS_TOKEN]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  async function scrape(target: TockProcess): Promise<string> {
    const response = await fetch(`${target.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  }
  const sample = (body: string, name: string, labels: Record<string, string> = {}) =>
    body
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .filter((line) => Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);

  it('O2: /metrics needs the token, and its counters and histograms move when texts are sent', async () => {
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);

    const [workerBefore, apiBefore] = await Promise.all([scrape(worker), scrape(api)]);
    const { bookingId } = await bookWithRequestId();
    await api.waitForLine((l) => l.status === 'DELIVERED' && worker.lines.some((w) => w.entryId === l.entryId && w.msg === 'text now sent' && w.requestId));
    expect(bookingId).toBeTruthy();
    await expect
      .poll(async () => sample(await scrape(worker), 'tock_texts_total', { kind: 'CONFIRMATION', status: 'SENT' }), { timeout: 30_000 })
      .toBe(sample(workerBefore, 'tock_texts_total', { kind: 'CONFIRMATION', status: 'SENT' }) + 1);
    const workerAfter = await scrape(worker);
    const apiAfter = await scrape(api);
    const moved = (before: string, after: string, name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);

    // Worker: provider latency, job lag and the send delay histograms each got one more sample.
    expect(moved(workerBefore, workerAfter, 'tock_provider_request_duration_seconds_count', { channel: 'SMS', outcome: 'sent' })).toBe(1);
    expect(moved(workerBefore, workerAfter, 'tock_job_lag_seconds_count', { job: 'send-message' })).toBeGreaterThanOrEqual(1);
    expect(moved(workerBefore, workerAfter, 'tock_text_send_delay_seconds_count', { kind: 'CONFIRMATION' })).toBe(1);
    expect(moved(workerBefore, workerAfter, 'tock_rate_limiter_wait_seconds_count')).toBe(1);
    // API: the text was queued there and delivered by its webhook; GraphQL time by operation name.
    expect(moved(apiBefore, apiAfter, 'tock_texts_total', { kind: 'CONFIRMATION', status: 'QUEUED' })).toBe(1);
    await expect
      .poll(async () => moved(apiBefore, await scrape(api), 'tock_texts_total', { kind: 'CONFIRMATION', status: 'DELIVERED' }), { timeout: 30_000 })
      .toBe(1);
    expect(moved(apiBefore, apiAfter, 'tock_graphql_operation_duration_seconds_count', { operation: 'Book', type: 'mutation' })).toBe(1);
    // Queue depth by job name and state, read from the job store.
    expect(apiAfter).toMatch(/^tock_jobs\{job="send-message",state="[a-z]+"\} \d+$/m);
    expect(apiAfter).toMatch(/^tock_websocket_connections 0$/m);
    expect(apiAfter).toMatch(/^tock_graphql_subscriptions 0$/m);
  });
});
