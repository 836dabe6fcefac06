import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { loadConfig } from '../../config/config.js';
import { createApp, type App } from '../../app/create-app.js';
import type { RunningServer } from '../../http/server.js';
import { startHttpServer } from '../../app/index.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONSENT_CHANGED = `subscription($subjectId: ID) { consentChanged(subjectId: $subjectId) { count action source subjectType subjectIds actorLabel recordedAt } }`;

interface Change {
  count: number;
  action: string;
  source: string;
  subjectType: string;
  subjectIds: string[];
  actorLabel: string | null;
  recordedAt: string;
}

/** Subscribes and collects; `next()` resolves with the next change that arrives. */
function listen(server: TestServer, key: string, variables: Record<string, unknown> = {}) {
  const { client } = connectSocket(server, key);
  const arrived: Change[] = [];
  const waiting: ((change: Change) => void)[] = [];
  const end = subscribe<{ consentChanged: Change }>(client, CONSENT_CHANGED, variables, ({ data, errors }) => {
    if (errors) throw new Error(JSON.stringify(errors));
    const change = data!.consentChanged;
    const waiter = waiting.shift();
    if (waiter) waiter(change);
    else arrived.push(change);
  });
  return {
    next: () => (arrived.length ? Promise.resolve(arrived.shift()!) : new Promise<Change>((resolve) => waiting.push(resolve))),
    pending: () => arrived.length,
    close: async () => {
      end();
      await client.dispose();
    },
  };
}

async function employeeWithPhone(server: TestServer, key: string, name: string, phone: string): Promise<string> {
  const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name, phone } }, key);
  return upsertEmployee.id;
}

describe('consentChanged subscription (K5, A2)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    server = await startTestServer({ worker: false, env: { REDIS_URL } });
    ws = await createTestWorkspace(server, 'Consent Feed Co');
    other = await createTestWorkspace(server, 'Other Consent Co');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const subscribed = (count: number) => expect.poll(() => server.app.services.consentEvents.listenerCount).toBeGreaterThanOrEqual(count);

  it("announces a single opt-in with its subject, to the workspace's own subscribers only", async () => {
    const mine = listen(server, ws.adminKey);
    const theirs = listen(server, other.adminKey);
    // Two subscriptions plus the Redis relay.
    await subscribed(3);
    const employeeId = await employeeWithPhone(server, ws.adminKey, 'Ada', '+14155550301');
    await server.ok(`mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id } }`, { input: { employeeId, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    const change = await mine.next();
    expect(change).toMatchObject({ count: 1, action: ConsentAction.GRANTED, source: 'ADMIN', subjectType: ConsentSubjectType.EMPLOYEE, subjectIds: [employeeId] });
    expect(change.actorLabel).toMatch(/admin/i);

    // The other workspace's first event is its own change, not ours.
    const theirEmployee = await employeeWithPhone(server, other.adminKey, 'Bo', '+14155550302');
    await server.ok(`mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id } }`, { input: { employeeId: theirEmployee, optIn: true, attestation: 'Asked in person at the briefing' } }, other.adminKey);
    expect((await theirs.next()).subjectIds).toEqual([theirEmployee]);
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('announces a bulk opt-in once, as a count, after it commits', async () => {
    const feed = listen(server, ws.adminKey);
    await subscribed(2);
    const ids = await Promise.all(Array.from({ length: 120 }, (_, i) => employeeWithPhone(server, ws.adminKey, `Bulk ${i}`, `+1415555${String(1000 + i)}`)));
    const { bulkSetEmployeeSmsOptIn } = await server.ok(
      `mutation($input: BulkSetEmployeeSmsOptInInput!) { bulkSetEmployeeSmsOptIn(input: $input) { changed } }`,
      { input: { employeeIds: ids, optIn: true, attestation: 'Signed paper forms collected at onboarding' } },
      ws.adminKey,
    );
    expect(bulkSetEmployeeSmsOptIn.changed).toBe(120);
    const change = await feed.next();
    expect(change).toMatchObject({ count: 120, action: 'GRANTED', source: ConsentSource.BULK, subjectType: 'EMPLOYEE', subjectIds: [] });
    await feed.close();
  });

  it('filters by subject', async () => {
    const first = await employeeWithPhone(server, ws.adminKey, 'First', '+14155550311');
    const second = await employeeWithPhone(server, ws.adminKey, 'Second', '+14155550312');
    const feed = listen(server, ws.adminKey, { subjectId: second });
    await subscribed(2);
    const optIn = (employeeId: string) =>
      server.ok(`mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id } }`, { input: { employeeId, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
    await optIn(first);
    await optIn(second);
    expect((await feed.next()).subjectIds).toEqual([second]);
    expect(feed.pending()).toBe(0);
    await feed.close();
  });

  it('says nothing about records whose transaction rolled back', async () => {
    const { consent, consentEvents } = server.app.services;
    const heard: unknown[] = [];
    const stop = consentEvents.subscribe((change) => heard.push(change));
    const record = {
      workspaceId: ws.id,
      subjectType: ConsentSubjectType.EMPLOYEE,
      subjectId: 'rolled-back',
      phone: '+14155550399',
      action: ConsentAction.GRANTED,
      source: ConsentSource.ADMIN,
    };
    await expect(
      server.app.dataSource.transaction(async (manager) => {
        await consent.record(manager, [record]);
        throw new Error('something later in the change failed');
      }),
    ).rejects.toThrow('something later');
    expect(heard).toEqual([]);
    await server.app.dataSource.transaction((manager) => consent.record(manager, [{ ...record, subjectId: 'committed' }]));
    expect(heard).toEqual([expect.objectContaining({ subjectIds: ['committed'], count: 1 })]);
    stop();
  });

  describe('across API processes through Redis', () => {
    let second: { app: App; running: RunningServer };
    beforeAll(async () => {
      // A second API process on the same database and Redis (as behind a load balancer).
      const app = await createApp(
        loadConfig({ NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, DATA_DIR: server.app.config.dataDir, DEMO_SEED: 'false', REDIS_URL }),
      );
      second = { app, running: await startHttpServer(app, 0, '127.0.0.1') };
    });
    afterAll(async () => {
      await second?.running.stop();
      await second?.app.close();
    });

    it('a change made through one API process reaches a subscriber on the other', async () => {
      const feed = listen({ url: second.running.url } as TestServer, ws.adminKey);
      await expect.poll(() => second.app.services.consentEvents.listenerCount).toBeGreaterThanOrEqual(2);
      const employeeId = await employeeWithPhone(server, ws.adminKey, 'Relay', '+14155550321');
      await server.ok(`mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id } }`, { input: { employeeId, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
      const change = await feed.next();
      expect(change).toMatchObject({ subjectIds: [employeeId], source: 'ADMIN' });
      expect(new Date(change.recordedAt).getTime()).not.toBeNaN();
      await feed.close();
    });
  });
});
