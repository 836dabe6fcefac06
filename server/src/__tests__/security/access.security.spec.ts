import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app/create-app.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { logEntryDefaults } from '../../comms-log/log-entry-defaults.util.js';
import { loadConfig } from '../../config/config.js';
import type { RunningServer } from '../../http/server.js';
import { startHttpServer } from '../../app/index.js';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, errorCodes, graphqlClient, PLATFORM_TOKEN, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { expectNothingStoredOrSent, REDIS_URL, startProductionServer } from '../../../test/security-probe.js';
import type { SendingServer } from '../../../test/sending.js';
import { bookedParticipant, type BookedParticipant } from '../../messaging/keywords/__tests__/keyword-fixtures.js';
import { CLOSE_KEY_REVOKED } from '../../http/graphql-ws.js';

const FEED = 'subscription { commsEvents { type entry { id recipientPhone body } } }';
const CREATE_WORKSPACE = (selection: string) => `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { ${selection} } }`;

/** Settles with `promise`, or with 'late' once `ms` have passed (a deadline, not a sleep). */
function within<T>(ms: number, promise: Promise<T>): Promise<T | 'late'> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)))]).finally(() => clearTimeout(timer));
}

// Every field of `type` a client could select, nested objects included, to `depth`.
function everyField(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (depth > 0 && isObjectType(named)) return `${field.name} { ${everyField(named, depth - 1)} }`;
      return null;
    })
    .filter((f): f is string => f !== null && !f.endsWith('{  }'));
  return fields.join(' ');
}

// A9, item 10 and A2, against a production server on MariaDB with Redis.
describe('security: keys and tenants (A9, A2, A1)', () => {
  let probe: SendingServer;
  let server: TestServer;
  let second: { app: App; http: RunningServer };
  let acme: TestWorkspace;
  let beta: TestWorkspace;
  let betaBooked: BookedParticipant;
  const betaPhone = '+14155550311';

  const newKey = async (ws: TestWorkspace, role: 'ADMIN' | 'MEMBER') =>
    (await server.ok(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`, { input: { name: `probe ${role}`, role } }, ws.adminKey))
      .createApiKey as { secret: string; apiKey: { id: string } };
  const publish = (workspaceId: string, body: string) =>
    server.app.services.events.publish({
      type: 'created',
      entry: Object.assign(new CommsLogEntry(), logEntryDefaults(new Date()), { id: `${Date.now()}${Math.random()}`.slice(0, 30), workspaceId, kind: 'KEYWORD_REPLY', status: 'QUEUED', body, recipientPhone: '+14155550399' }),
    });

  beforeAll(async () => {
    probe = await startProductionServer({ REDIS_URL });
    server = probe.server;
    acme = await createTestWorkspace(server, 'Acme Probe', { smsEnabled: true });
    beta = await createTestWorkspace(server, 'Beta Probe', { smsEnabled: true });
    betaBooked = await bookedParticipant(server, beta, betaPhone);
    // A second API process on the same database and Redis.
    const app = await createApp(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: server.databaseUrl, REDIS_URL, PLATFORM_TOKEN, DATA_DIR: server.app.config.dataDir, DEMO_SEED: 'false', PUBLIC_URL: 'http://tock.test' }),
    );
    second = { app, http: await startHttpServer(app, 0, '127.0.0.1') };
  });
  afterAll(async () => {
    await second?.http.stop();
    await second?.app.close();
    await probe?.stop();
  });

  it('A9: revoking a key closes its open socket within a second, and no event reaches it after the revoke', async () => {
    const member = await newKey(acme, 'MEMBER');
    const { client, closed } = connectSocket(server, member.secret);
    const received: string[] = [];
    const listeners = server.app.services.events.listenerCount;
    subscribe<{ commsEvents: { entry: { body: string } } }>(client, FEED, {}, ({ data }) => data && received.push(data.commsEvents.entry.body));
    await expect.poll(() => server.app.services.events.listenerCount).toBeGreaterThan(listeners);
    publish(acme.id, 'before the revoke');
    await expect.poll(() => received).toEqual(['before the revoke']);

    // A control socket of the same workspace, whose key stays valid.
    const control = connectSocket(server, acme.adminKey);
    const seenByControl: string[] = [];
    subscribe<{ commsEvents: { entry: { body: string } } }>(control.client, FEED, {}, ({ data }) => data && seenByControl.push(data.commsEvents.entry.body));
    await expect.poll(() => server.app.services.events.listenerCount).toBeGreaterThan(listeners + 1);

    await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: member.apiKey.id }, acme.adminKey);
    expect(await within(1000, closed)).toBe(CLOSE_KEY_REVOKED);
    for (const body of ['after 1', 'after 2', 'after 3']) publish(acme.id, body);
    await expect.poll(() => seenByControl).toEqual(['after 1', 'after 2', 'after 3']);
    expect(received).toEqual(['before the revoke']);
    expect(errorCodes(await server.gql(`{ workspace { id } }`, {}, member.secret))).toEqual(['UNAUTHENTICATED']);
    await client.dispose();
    await control.client.dispose();
  });

  it('A9: a revoke on one API process closes the key’s socket on another, through Redis, within a second', async () => {
    const member = await newKey(acme, 'MEMBER');
    const elsewhere = connectSocket({ url: second.http.url } as TestServer, member.secret);
    const listeners = second.app.services.events.listenerCount;
    subscribe(elsewhere.client, FEED, {}, () => {});
    await expect.poll(() => second.app.services.events.listenerCount).toBeGreaterThan(listeners);
    await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: member.apiKey.id }, acme.adminKey);
    expect(await within(1000, elsewhere.closed)).toBe(CLOSE_KEY_REVOKED);
    // A new socket with the revoked key is refused there too.
    const retry = connectSocket({ url: second.http.url } as TestServer, member.secret);
    expect(await retry.closed).toBe(4403);
    await elsewhere.client.dispose();
    await retry.client.dispose();
  });

  it('A9: a key revoked on one API process is refused over HTTP on another as soon as the revoke reaches it, though it authenticated there a moment before', async () => {
    const member = await newKey(acme, 'MEMBER');
    const elsewhere = graphqlClient(second.http.url);
    // Authenticated (and so remembered) on the second process first.
    expect((await elsewhere.ok(`{ me { role } }`, {}, member.secret)).me).toEqual({ role: 'MEMBER' });
    const relayed = new Promise<void>((arrived) => {
      const stop = second.app.services.keyRevocations.subscribe(({ apiKeyId }) => {
        if (apiKeyId !== member.apiKey.id) return;
        stop();
        arrived();
      });
    });
    await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: member.apiKey.id }, acme.adminKey);
    await relayed;
    expect(errorCodes(await elsewhere.gql(`{ me { role } }`, {}, member.secret))).toEqual(['UNAUTHENTICATED']);
  });

  it('A1: createWorkspace answers every field it offers to the platform token, so the first ADMIN key is never lost', async () => {
    const workspaceType = server.running.schema.getType('Workspace') as GraphQLObjectType;
    const selection = `workspace { ${everyField(workspaceType, 2)} } adminKey { secret apiKey { id name role prefix } }`;
    const input = { name: 'Full Selection Co', idempotencyKey: `full-${Date.now()}` };
    const first = await server.gql(CREATE_WORKSPACE(selection), { input }, PLATFORM_TOKEN);
    expect(first.errors).toBeUndefined();
    const secret: string = first.data!.createWorkspace.adminKey.secret;
    expect((await server.ok(`{ me { role workspace { name } } }`, {}, secret)).me).toEqual({ role: 'ADMIN', workspace: { name: 'Full Selection Co' } });
    // A retry finds the same workspace; the secret was shown once, in the first answer.
    const retry = await server.ok(CREATE_WORKSPACE('workspace { id } adminKey { secret }'), { input }, PLATFORM_TOKEN);
    expect(retry.createWorkspace).toEqual({ workspace: { id: first.data!.createWorkspace.workspace.id }, adminKey: null });
  });

  it('A1: the platform token issues a new ADMIN key for a workspace, audited; the old keys keep working', async () => {
    const issued = await server.ok(
      `mutation($id: ID!) { issueAdminKey(workspaceId: $id, name: "Operator recovery") { secret apiKey { id role name } } }`,
      { id: beta.id },
      PLATFORM_TOKEN,
    );
    expect(issued.issueAdminKey.apiKey).toMatchObject({ role: 'ADMIN', name: 'Operator recovery' });
    const me = await server.ok(`{ me { role workspace { id auditTrail(first: 5) { nodes { setting newValue actorLabel } } } } }`, {}, issued.issueAdminKey.secret);
    expect(me.me.role).toBe('ADMIN');
    expect(me.me.workspace.id).toBe(beta.id);
    expect(me.me.workspace.auditTrail.nodes[0]).toMatchObject({ setting: 'adminKeyIssued', actorLabel: 'platform' });
    expect(me.me.workspace.auditTrail.nodes[0].newValue).toMatch(/^Operator recovery \(tock_[0-9a-f]{12}_…\)$/);
    // The secret's own part, all of it after tock_<prefix>_ (it may hold underscores itself).
    const secretPart = /^tock_[0-9a-f]{12}_(.+)$/.exec(issued.issueAdminKey.secret)![1];
    expect(JSON.stringify(me)).not.toContain(secretPart);
    expect((await server.ok(`{ me { role } }`, {}, beta.adminKey)).me.role).toBe('ADMIN');
  });

  it('A1: only the platform token may issue an ADMIN key; an ADMIN key, no key or an unknown workspace store nothing', async () => {
    const mutation = `mutation($id: ID!) { issueAdminKey(workspaceId: $id) { secret } }`;
    await expectNothingStoredOrSent(probe, async () => {
      expect(errorCodes(await server.gql(mutation, { id: beta.id }, acme.adminKey))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await server.gql(mutation, { id: beta.id }, beta.adminKey))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await server.gql(mutation, { id: beta.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await server.gql(mutation, { id: 'no-such-workspace' }, PLATFORM_TOKEN))).toEqual(['NOT_FOUND']);
    });
  });

  it("A2: another workspace's ids answer NOT_FOUND, by field or by alias, and a mutation on them changes nothing", async () => {
    const betaEntry = (await server.ok(`{ commsLog(first: 1) { nodes { id } } }`, {}, beta.adminKey)).commsLog.nodes[0].id as string;
    const betaMember = await newKey(beta, 'MEMBER');
    await expectNothingStoredOrSent(probe, async () => {
      for (const [query, id] of [
        ['query($id: ID!) { study(id: $id) { name } }', betaBooked.studyId],
        ['query($id: ID!) { participant(id: $id) { name phone } }', betaBooked.participantId],
        ['query($id: ID!) { commsLogEntry(id: $id) { body recipientPhone } }', betaEntry],
        ['query($id: ID!) { sessions(first: 10, studyId: $id) { nodes { id } } }', betaBooked.studyId],
      ] as const) {
        const result = await server.gql(query, { id }, acme.adminKey);
        expect(errorCodes(result)).toEqual(['NOT_FOUND']);
        expect(JSON.stringify(result)).not.toContain(betaPhone);
      }
      const aliased = await server.gql(`query($id: ID!) { mine: workspace { name } theirs: study(id: $id) { name } }`, { id: betaBooked.studyId }, acme.adminKey);
      expect(aliased.errors).toEqual([expect.objectContaining({ path: ['theirs'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      expect(JSON.stringify(aliased)).not.toMatch(/Checkout interviews/);
      const toggled = await server.gql(`mutation($id: ID!) { setStudySmsReminders(studyId: $id, enabled: false) { id } }`, { id: betaBooked.studyId }, acme.adminKey);
      expect(errorCodes(toggled)).toEqual(['NOT_FOUND']);
      const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: betaMember.apiKey.id }, acme.adminKey);
      expect(errorCodes(revoked)).toEqual(['NOT_FOUND']);
    });
    expect((await server.ok(`{ me { role } }`, {}, betaMember.secret)).me.role).toBe('MEMBER');
  });

  it("A2: filters never reach another workspace's rows", async () => {
    const result = await server.ok(
      `query($phone: String!, $subject: ID!) {
        participants(first: 100, filter: { search: "Participant" }) { nodes { id } }
        commsLog(first: 100, filter: { recipient: $phone }) { nodes { id } }
        consentRecords(first: 100, filter: { subjectId: $subject }) { nodes { id } }
        byPhone: consentRecords(first: 100, filter: { phone: $phone }) { nodes { id } }
      }`,
      { phone: betaPhone, subject: betaBooked.participantId },
      acme.adminKey,
    );
    expect(result).toEqual({ participants: { nodes: [] }, commsLog: { nodes: [] }, consentRecords: { nodes: [] }, byPhone: { nodes: [] } });
    // The same filters find the rows for their own workspace (the probe could fail).
    const own = await server.ok(`query($phone: String!) { commsLog(first: 100, filter: { recipient: $phone }) { nodes { id } } }`, { phone: betaPhone }, beta.adminKey);
    expect(own.commsLog.nodes.length).toBeGreaterThan(0);
  });

  it("A2: a subscription never carries another workspace's events", async () => {
    const { client } = connectSocket(server, acme.memberKey);
    const received: string[] = [];
    const listeners = server.app.services.events.listenerCount;
    subscribe<{ commsEvents: { entry: { body: string } } }>(client, FEED, {}, ({ data }) => data && received.push(data.commsEvents.entry.body));
    await expect.poll(() => server.app.services.events.listenerCount).toBeGreaterThan(listeners);
    publish(beta.id, 'for beta only');
    publish(acme.id, 'for acme');
    await expect.poll(() => received).toEqual(['for acme']);
    await client.dispose();
  });

  it("A2: the consent CSV export holds only the caller's workspace", async () => {
    const acmeBooked = await bookedParticipant(server, acme, '+14155550312');
    const csv: string = (await server.ok(`{ exportConsentRecords }`, {}, acme.adminKey)).exportConsentRecords;
    expect(csv).toContain(acmeBooked.participantId);
    expect(csv).not.toContain(betaBooked.participantId);
    expect(csv).not.toContain(betaPhone);
    expect(csv).not.toContain(beta.id);
  });
});
