import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app.js';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { loadConfig } from '../../config/config.js';
import { createTestWorkspace, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { SENDER, SIGNATURE_SECRET, startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;

describe('delivery under faults (MariaDB)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  const extraApps: App[] = [];
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    sending = await startSendingServer({ env: { JOBS_LOCK_LIFETIME_MS: '1500', ...(process.env.TOCK_E2E_JOBS_URL ? { JOBS_URL: process.env.TOCK_E2E_JOBS_URL } : {}) } });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Faulty Co', { smsEnabled: true });
  });
  afterEach(() => sending.standIn.clearFaults());
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(extraApps.map((app) => app.close()));
    await sending?.stop();
  });

  // Opted-in employees with one SCHEDULE_PUBLISHED text each, recorded now (one per phone).
  async function queueTexts(count: number, firstPhone: number): Promise<string[]> {
    const phones = Array.from({ length: count }, (_, i) => `+1415556${String(firstPhone + i).padStart(4, '0')}`);
    const intents = [];
    for (const phone of phones) {
      const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: phone, phone } }, ws.adminKey);
      await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, ws.adminKey);
      const { timeOff } = await server.ok(
        `mutation($input: CreateTimeOffRequestInput!) { timeOff: createTimeOffRequest(input: $input) { id } }`,
        { input: { employeeId: upsertEmployee.id, startsOn: '2027-02-01', endsOn: '2027-02-02' } },
        ws.adminKey,
      );
      intents.push(timeOff.id as string);
    }
    for (const id of intents) await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: false) { id } }`, { id }, ws.adminKey);
    return phones;
  }

  // The time-off answers under test; each opted-in number's own K9 opt-in confirmation is tested elsewhere.
  const sentTo = (phone: string) =>
    sending.standIn.messages.filter((m) => m.to.replace(/^\+/, '') === phone.slice(1) && !m.text.includes("You're subscribed to"));

  it('L5: a throttling storm loses nothing and sends each text once', async () => {
    sending.standIn.setFault('sms', { throttle: 15 });
    const phones = await queueTexts(8, 100);
    for (const phone of phones) await waitForEntry(server, (e) => e.recipientPhone === phone && e.kind === MessageKind.TIME_OFF_RESPONSE && e.status === 'SENT');
    const throttled = sending.standIn.smsRequests.filter((r) => r.answer === '1');
    expect(throttled.length).toBeGreaterThan(0);
    for (const phone of phones) expect(sentTo(phone)).toHaveLength(1);
  });

  it('L5: Vonage down: retried with back-off, then sent once', async () => {
    sending.standIn.setFault('sms', { httpStatus: 503 });
    const [phone] = await queueTexts(1, 200);
    // Three attempts fail while it is down…
    await waitForEntry(server, (e) => e.recipientPhone === phone && e.kind === MessageKind.TIME_OFF_RESPONSE && e.status === 'QUEUED' && e.attempts >= 3);
    expect(sentTo(phone)).toHaveLength(0);
    sending.standIn.clearFaults();
    // …then it comes back and the text goes, once.
    const sent = await waitForEntry(server, (e) => e.recipientPhone === phone && e.kind === MessageKind.TIME_OFF_RESPONSE && e.status === 'SENT');
    expect(sent.attempts).toBeGreaterThanOrEqual(4);
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('L2: two workers on one job store never send a text twice', async () => {
    const second = await createApp(loadConfig({ ...sendingEnv(), TOCK_ROLE: 'worker' }));
    extraApps.push(second);
    await second.startWorker();
    const phones = await queueTexts(20, 300);
    for (const phone of phones) {
      await waitForEntry(server, (e) => e.recipientPhone === phone && e.kind === MessageKind.TIME_OFF_RESPONSE && e.status === 'SENT', {
        alsoFrom: [second.services.events],
      });
    }
    for (const phone of phones) expect(sentTo(phone)).toHaveLength(1);
    await second.close();
    extraApps.splice(extraApps.indexOf(second), 1);
  });

  it('L2: a worker killed (kill -9) mid-send sends nothing twice; the receipt settles the entry', async () => {
    // Only the child works: this server stops taking jobs.
    await server.app.agenda.stop(false);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...sendingEnv(), TOCK_ROLE: 'worker', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Tock is running') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    // The stand-in holds the answer; the worker dies while it waits.
    sending.standIn.setFault('sms', { latencyMs: 1500 });
    const killed = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const phone = '+14155560400';
    const requested = sending.standIn.waitForRequest(phone);
    await queueTexts(1, 400);
    await requested;
    child.kill('SIGKILL');
    await killed;
    // The entry was claimed before the provider call, and the call never returned.
    const claimed = await waitForEntry(server, (e) => e.recipientPhone === phone && e.kind === MessageKind.TIME_OFF_RESPONSE);
    expect(claimed).toMatchObject({ status: 'SENDING', providerMessageId: null });

    // A new worker takes over once the lock expires: the entry is SENDING, so it is not resent.
    const successor = await createApp(loadConfig({ ...sendingEnv(), TOCK_ROLE: 'worker' }));
    extraApps.push(successor);
    const rerun = new Promise<void>((resolve) => successor.agenda.once('complete:send-message', () => resolve()));
    await successor.startWorker();
    await rerun;
    sending.standIn.clearFaults();
    // The stand-in did accept the one request the dead worker made, and nothing more came.
    const accepted = (await sending.standIn.waitForMessage((m) => m.to.replace(/^\+/, '') === phone.slice(1))).messageId;
    expect(sentTo(phone)).toHaveLength(1);
    // Its receipt names our client-ref, and settles the entry.
    await sending.standIn.deliverReceipt(server.url, accepted, { status: 'delivered', errCode: '0' });
    const settled = await waitForEntry(server, (e) => e.id === claimed.id && e.status === 'DELIVERED');
    expect(settled.providerMessageId).toBe(accepted);
    expect(sentTo(phone)).toHaveLength(1);
  });

  function sendingEnv(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: server.databaseUrl,
      PLATFORM_TOKEN: 'test-platform-token-0123456789abcdef',
      DEMO_SEED: 'false',
      PUBLIC_URL: 'http://tock.test',
      DATA_DIR: '/tmp',
      JOBS_PROCESS_EVERY_MS: '100',
      JOBS_LOCK_LIFETIME_MS: '1500',
      SEND_RETRY_BASE_MS: '50',
      SEND_RETRY_MAX_DELAY_MS: '400',
      VONAGE_API_KEY: 'test-key',
      VONAGE_API_SECRET: 'test-secret',
      VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
      VONAGE_FROM: SENDER,
      VONAGE_REST_HOST: sending.standIn.url,
      VONAGE_API_HOST: sending.standIn.url,
      ...(process.env.TOCK_E2E_JOBS_URL ? { JOBS_URL: process.env.TOCK_E2E_JOBS_URL } : {}),
    };
  }
});
