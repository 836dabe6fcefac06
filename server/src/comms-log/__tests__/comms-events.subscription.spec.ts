import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, PLATFORM_TOKEN, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const REPO_ROOT = new URL('../../../../', import.meta.url).pathname;
const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FEED = `subscription($filter: CommsEventFilter) { commsEvents(filter: $filter) { type entry { id kind status skipReason recipientPhone } } }`;

interface FeedEvent {
  type: string;
  entry: { id: string; kind: string; status: string; skipReason: string | null; recipientPhone: string | null };
}

async function book(server: TestServer, ws: TestWorkspace, phone: string): Promise<string> {
  const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Feed study" }) { id inviteUrl } }`, {}, ws.adminKey);
  const { createSession } = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(), durationMinutes: 30 } },
    ws.adminKey,
  );
  const { signUp } = await server.ok(`mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`, {
    input: await withChallenge(server, { inviteToken: createStudy.inviteUrl.split('/').pop(), sessionId: createSession.id, name: 'F', email: `${phone}@example.com`, phone, smsConsent: true }),
  });
  return signUp.booking.id;
}

describe('the live communications feed (L4)', () => {
  let api: TestServer;
  let worker: ChildProcess;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    // The API process takes no jobs: every send happens in the worker process.
    api = await startTestServer({ worker: false, env: { REDIS_URL } });
    ws = await createTestWorkspace(api, 'Feed Co', { smsEnabled: true });
    other = await createTestWorkspace(api, 'Other Feed Co', { smsEnabled: true });
    worker = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        TOCK_ROLE: 'worker',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: api.databaseUrl,
        REDIS_URL,
        PLATFORM_TOKEN,
        DEMO_SEED: 'false',
        DATA_DIR: '/tmp',
        PUBLIC_URL: 'http://tock.test',
        VONAGE_FROM: '+13306619491',
        JOBS_PROCESS_EVERY_MS: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Tock is running') && resolve());
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await api?.stop();
  });

  it("L4: a send in the worker process reaches a subscriber on the API process; other workspaces' events never do", async () => {
    const { client } = connectSocket(api, ws.adminKey);
    const seen: FeedEvent[] = [];
    let resolveSent: (event: FeedEvent) => void = () => {};
    const sent = new Promise<FeedEvent>((resolve) => (resolveSent = resolve));
    const phone = '+14155550901';
    const end = subscribe<{ commsEvents: FeedEvent }>(client, FEED, {}, ({ data }) => {
      const event = data!.commsEvents;
      seen.push(event);
      if (event.entry.status === 'SENT' && event.entry.recipientPhone === phone) resolveSent(event);
    });
    // Let the subscription register before anything happens.
    await api.ok(`{ me { role } }`, {}, ws.adminKey);
    await new Promise((resolve) => setImmediate(resolve));

    await book(api, other, '+14155550902');
    await book(api, ws, phone);
    const event = await sent;
    expect(event).toMatchObject({ type: 'UPDATED', entry: { kind: 'CONFIRMATION', status: 'SENT' } });
    // The API process saw the QUEUED entry itself (created) and the worker's SENDING and SENT through Redis.
    const statuses = seen.filter((e) => e.entry.id === event.entry.id).map((e) => e.entry.status);
    expect(statuses).toEqual(expect.arrayContaining(['QUEUED', 'SENDING', 'SENT']));
    // A2/K6: everything the subscriber saw belongs to its workspace.
    const owners = await api.app.dataSource.query(`SELECT DISTINCT workspaceId FROM comms_log_entries WHERE id IN (${seen.map(() => '?').join(',')})`, seen.map((e) => e.entry.id));
    expect(owners.map((o: { workspaceId: string }) => o.workspaceId)).toEqual([ws.id]);
    end();
    await client.dispose();
  });

  it('L4: the feed filters by kind, status and skip reason', async () => {
    const quiet = await createTestWorkspace(api, 'Quiet Feed Co');
    const { client } = connectSocket(api, quiet.adminKey);
    const seen: FeedEvent[] = [];
    let resolveSkipped: (event: FeedEvent) => void = () => {};
    const skipped = new Promise<FeedEvent>((resolve) => (resolveSkipped = resolve));
    const end = subscribe<{ commsEvents: FeedEvent }>(client, FEED, { filter: { statuses: ['SKIPPED'], skipReasons: ['WORKSPACE_SMS_DISABLED'] } }, ({ data }) => {
      seen.push(data!.commsEvents);
      resolveSkipped(data!.commsEvents);
    });
    await api.ok(`{ me { role } }`, {}, quiet.adminKey);
    await new Promise((resolve) => setImmediate(resolve));
    await book(api, quiet, '+14155550903');
    const event = await skipped;
    expect(event.entry).toMatchObject({ status: 'SKIPPED', skipReason: 'WORKSPACE_SMS_DISABLED' });
    expect(seen.every((e) => e.entry.status === 'SKIPPED')).toBe(true);
    end();
    await client.dispose();
  });
});
