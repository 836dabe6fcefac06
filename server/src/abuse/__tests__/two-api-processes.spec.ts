import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, graphqlClient, PLATFORM_TOKEN, startTestServer, SUITE_ABUSE_LIMITS, type GraphQLClient, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { withChallenge } from '../../../test/signup-challenge.js';
import { startTockProcess, type TockProcess } from '../../../test/tock-process.js';
import { createStudyWithSession, SIGN_UP, type StudyFixture } from '../../studies/__tests__/studies-fixtures.js';

const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two API processes of one deployment, as a load balancer spreads a script's
// requests over them: one in this test process, one a real child process, on
// one database and one Redis. Limits and alerts must hold across both (A8).
describe('abuse limits and alerts across two API processes (A8)', () => {
  let one: TestServer;
  let two: TockProcess;
  let twoClient: GraphQLClient;
  let ws: TestWorkspace;
  let study: StudyFixture;
  let seq = 0;

  beforeAll(async () => {
    const shared = {
      REDIS_URL,
      ABUSE_REDIS_PREFIX: `tock-test:abuse:${randomBytes(4).toString('hex')}`,
      SIGNUP_CHALLENGE_SECRET: `two-process-secret-${randomBytes(8).toString('hex')}`,
      SIGNUP_LIMIT_PER_PHONE: '3',
    };
    one = await startTestServer({ worker: false, env: shared });
    two = await startTockProcess({
      ...SUITE_ABUSE_LIMITS,
      ...shared,
      NODE_ENV: 'test',
      TOCK_ROLE: 'api',
      DATABASE_URL: one.databaseUrl,
      PLATFORM_TOKEN,
      PUBLIC_URL: 'http://tock.test',
    });
    twoClient = graphqlClient(two.url);
    ws = await createTestWorkspace(one, 'Two Process Lab', { smsEnabled: true });
    study = await createStudyWithSession(one, ws.adminKey, { name: 'Two process study' });
  }, 240_000);
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  /** A signup through process one (even i) or two (odd i), each from its own IP. */
  async function signUpThrough(i: number, phone: string): Promise<string> {
    const client = i % 2 ? twoClient : one;
    seq += 1;
    const input = await withChallenge(client, { inviteToken: study.inviteToken, sessionId: study.sessionId, name: `P${seq}`, email: `two-${seq}@example.com`, phone, smsConsent: true });
    const result = await client.gql(SIGN_UP, { input }, null, { 'x-forwarded-for': `203.0.113.${seq}` });
    return result.errors ? String(result.errors[0].extensions?.code) : 'ok';
  }

  it('A8: one phone gets at most 3 signups an hour however the requests are spread over two processes', async () => {
    const phone = '+14155550777';
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await signUpThrough(i, phone));
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // Nothing stored for the refused ones: three participants, three bookings.
    const [{ people, bookings }] = await one.app.dataSource.query(
      `SELECT COUNT(DISTINCT p.id) AS people, COUNT(b.id) AS bookings FROM participants p LEFT JOIN bookings b ON b.participantId = p.id WHERE p.workspaceId = ? AND p.phone = ?`,
      [ws.id, phone],
    );
    expect([Number(people), Number(bookings)]).toEqual([3, 3]);
  });

  it('A8: the breaker tripped by signups on one process alerts an admin watching the other, and so does its reset', async () => {
    await one.ok(`mutation { updateWorkspaceSettings(input: { pumpingBudgetPerHour: 2 }) { id } }`, {}, ws.adminKey);
    await one.ok(`mutation { resetPumpingBreaker { id } }`, {}, ws.adminKey);
    const other = await createTestWorkspace(one, 'Other Lab');
    const alerts: { kind: string; at: string; actorLabel: string | null }[] = [];
    const otherAlerts: unknown[] = [];
    let resolveAlert: () => void = () => {};
    const { client } = connectSocket(one, ws.adminKey);
    const { client: otherClient } = connectSocket(one, other.adminKey);
    const before = one.app.services.workspaceAlerts.listenerCount;
    const endOther = subscribe(otherClient, 'subscription { workspaceAlerts { kind } }', {}, ({ data }) => otherAlerts.push(data));
    const end = subscribe<{ workspaceAlerts: { kind: string; at: string; actorLabel: string | null } }>(client, 'subscription { workspaceAlerts { kind at actorLabel } }', {}, ({ data }) => {
      alerts.push(data!.workspaceAlerts);
      resolveAlert();
    });
    await expect.poll(() => one.app.services.workspaceAlerts.listenerCount).toBeGreaterThanOrEqual(before + 2);
    const nextAlert = () => new Promise<void>((resolve) => (resolveAlert = resolve));

    // Three numbers new to the workspace, all through process two: the third passes the budget of 2.
    const tripped = nextAlert();
    for (const phone of ['+12025550781', '+13125550782', '+16175550783']) expect(await signUpThrough(1, phone)).toBe('ok');
    await tripped;
    expect(alerts).toEqual([{ kind: 'PUMPING_BREAKER_TRIPPED', at: expect.any(String), actorLabel: null }]);
    expect((await one.ok(`{ workspace { pumpingBreaker { tripped } } }`, {}, ws.adminKey)).workspace.pumpingBreaker.tripped).toBe(true);

    // A further signup while tripped announces nothing new; the reset on process two reaches process one.
    expect(await signUpThrough(1, '+17135550784')).toBe('ok');
    const reset = nextAlert();
    const { errors } = await twoClient.gql(`mutation { resetPumpingBreaker { id } }`, {}, ws.adminKey);
    expect(errors).toBeUndefined();
    await reset;
    expect(alerts.map((a) => `${a.kind}:${a.actorLabel}`)).toEqual(['PUMPING_BREAKER_TRIPPED:null', 'PUMPING_BREAKER_RESET:api-key:Initial admin key']);
    // A2: the other workspace heard nothing of it.
    expect(otherAlerts).toEqual([]);
    end();
    endOther();
    await Promise.all([client.dispose(), otherClient.dispose()]);
  });
});
