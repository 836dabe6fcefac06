import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Study } from '../study.entity.js';
import { createSession, expectFieldError, inFuture, SIGN_UP, storedCounts } from './studies-fixtures.js';
import { withChallenge } from '../../../test/signup-challenge.js';

const CREATE_STUDY = `mutation($input: CreateStudyInput!) { createStudy(input: $input) { id name smsRemindersEnabled inviteUrl } }`;
const SET_REMINDERS = `mutation($id: ID!, $on: Boolean!) { setStudySmsReminders(studyId: $id, enabled: $on) { id smsRemindersEnabled } }`;
const SESSIONS = `query($studyId: ID, $first: Int, $after: String, $from: DateTimeISO, $to: DateTimeISO, $status: SessionStatus) {
  sessions(studyId: $studyId, first: $first, after: $after, from: $from, to: $to, status: $status) {
    nodes { id startsAt status }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('studies and sessions (MariaDB)', () => {
  let server: TestServer;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const studyCount = (workspaceId: string) => server.app.dataSource.getRepository(Study).countBy({ workspaceId });

  beforeAll(async () => {
    server = await startTestServer();
    a = await createTestWorkspace(server, 'Workspace A');
    b = await createTestWorkspace(server, 'Workspace B');
  });
  afterAll(() => server?.stop());

  it('S1: a new interview study has its Interview Reminder SMS on', async () => {
    const data = await server.ok(CREATE_STUDY, { input: { name: '  Onboarding study  ' } }, a.memberKey);
    expect(data.createStudy).toMatchObject({ name: 'Onboarding study', smsRemindersEnabled: true });
    expect(data.createStudy.inviteUrl).toMatch(/^http:\/\/tock\.test\/console\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await server.app.dataSource.getRepository(Study).findOneByOrFail({ id: data.createStudy.id });
    expect(stored.smsRemindersEnabled).toBe(true);
    expect(stored.workspaceId).toBe(a.id);
  });

  it('S1: a study can be created with its reminders off', async () => {
    const data = await server.ok(CREATE_STUDY, { input: { name: 'Quiet study', smsRemindersEnabled: false } }, a.adminKey);
    expect(data.createStudy.smsRemindersEnabled).toBe(false);
  });

  it('S1: a MEMBER can turn a study reminders off and on again', async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Toggle study' } }, a.adminKey);
    const off = await server.ok(SET_REMINDERS, { id: createStudy.id, on: false }, a.memberKey);
    expect(off.setStudySmsReminders.smsRemindersEnabled).toBe(false);
    const read = await server.ok(`query($id: ID!) { study(id: $id) { smsRemindersEnabled } }`, { id: createStudy.id }, a.memberKey);
    expect(read.study.smsRemindersEnabled).toBe(false);
    const on = await server.ok(SET_REMINDERS, { id: createStudy.id, on: true }, a.memberKey);
    expect(on.setStudySmsReminders.smsRemindersEnabled).toBe(true);
  });

  it("S1 / A2: another workspace's study answers NOT_FOUND and is left unchanged", async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Private study' } }, a.adminKey);
    expect(errorCodes(await server.gql(`query($id: ID!) { study(id: $id) { id } }`, { id: createStudy.id }, b.adminKey))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await server.gql(SET_REMINDERS, { id: createStudy.id, on: false }, b.adminKey))).toEqual(['NOT_FOUND']);
    const sessionsBefore = await storedCounts(server, a.id);
    const foreignSession = await server.gql(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: inFuture(2).toISOString(), durationMinutes: 30 } },
      b.adminKey,
    );
    expect(errorCodes(foreignSession)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await server.gql(SESSIONS, { studyId: createStudy.id }, b.adminKey))).toEqual(['NOT_FOUND']);
    expect(await storedCounts(server, a.id)).toEqual(sessionsBefore);
    expect(await storedCounts(server, b.id)).toMatchObject({ sessions: 0 });
    const read = await server.ok(`query($id: ID!) { study(id: $id) { smsRemindersEnabled } }`, { id: createStudy.id }, a.adminKey);
    expect(read.study.smsRemindersEnabled).toBe(true);
    const listed = await server.ok(`{ studies(first: 100) { nodes { id } } }`, {}, b.adminKey);
    expect(listed.studies.nodes.map((s: { id: string }) => s.id)).not.toContain(createStudy.id);
  });

  it('A1: studies need a valid, unrevoked workspace key', async () => {
    const before = await studyCount(a.id);
    expect(errorCodes(await server.gql(`{ studies { nodes { id } } }`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(CREATE_STUDY, { input: { name: 'Nope' } }))).toEqual(['UNAUTHENTICATED']);
    const issued = await server.ok(`mutation { createApiKey(input: { name: "temp", role: MEMBER }) { secret apiKey { id } } }`, {}, a.adminKey);
    await server.ok(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: issued.createApiKey.apiKey.id }, a.adminKey);
    expect(errorCodes(await server.gql(CREATE_STUDY, { input: { name: 'Nope' } }, issued.createApiKey.secret))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(CREATE_STUDY, { input: { name: 'Nope' } }, 'tock_not_a_key'))).toEqual(['UNAUTHENTICATED']);
    expect(await studyCount(a.id)).toBe(before);
  });

  it('A6: a blank or overlong study name is refused and stores nothing', async () => {
    const before = await studyCount(a.id);
    expectFieldError(await server.gql(CREATE_STUDY, { input: { name: '   ' } }, a.adminKey), 'BAD_USER_INPUT', 'name');
    expect(errorCodes(await server.gql(CREATE_STUDY, { input: { name: 'x'.repeat(161) } }, a.adminKey))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await server.gql(CREATE_STUDY, { input: { name: 'Typo', smsRemindersEnabled: 'yes' } }, a.adminKey))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await studyCount(a.id)).toBe(before);
  });

  it('A6: a session must start in the future and last 5 to 480 minutes; nothing is stored otherwise', async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Session rules' } }, a.adminKey);
    const before = await storedCounts(server, a.id);
    const attempt = (input: Record<string, unknown>) =>
      server.gql(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
        input: { studyId: createStudy.id, startsAt: inFuture(1).toISOString(), durationMinutes: 30, ...input },
      }, a.adminKey);
    expectFieldError(await attempt({ startsAt: new Date(Date.now() - 60_000).toISOString() }), 'BAD_USER_INPUT', 'startsAt');
    expect(errorCodes(await attempt({ durationMinutes: 4 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ durationMinutes: 481 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ startsAt: 'next tuesday' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await attempt({ studyId: 'no-such-study' }))).toEqual(['NOT_FOUND']);
    expect(await storedCounts(server, a.id)).toEqual(before);
    const ok = await attempt({ durationMinutes: 480, location: '  Room 4  ' });
    expect(ok.errors).toBeUndefined();
    const read = await server.ok(`query($id: ID!) { study(id: $id) { sessions { durationMinutes location status } } }`, { id: createStudy.id }, a.adminKey);
    expect(read.study.sessions).toEqual([{ durationMinutes: 480, location: 'Room 4', status: 'SCHEDULED' }]);
  });

  it('A6: an unknown SessionStatus value is refused', async () => {
    const result = await server.gql(`{ sessions(status: POSTPONED) { nodes { id } } }`, {}, a.adminKey);
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('idempotency: createStudy with the same key returns the same study; another input with it is IDEMPOTENCY_KEY_REUSED', async () => {
    const before = await studyCount(a.id);
    const input = { name: 'Retry study', idempotencyKey: 'study-retry-1' };
    const first = await server.ok(CREATE_STUDY, { input }, a.adminKey);
    const second = await server.ok(CREATE_STUDY, { input }, a.memberKey);
    expect(second.createStudy).toEqual(first.createStudy);
    const reused = await server.gql(CREATE_STUDY, { input: { ...input, name: 'Other study' } }, a.adminKey);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    expect(await studyCount(a.id)).toBe(before + 1);
    // Keys are per workspace: B may use the same key for its own study.
    const other = await server.ok(CREATE_STUDY, { input }, b.adminKey);
    expect(other.createStudy.id).not.toBe(first.createStudy.id);
  });

  it('idempotency: createSession with the same key returns the same session; nothing is duplicated', async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Retry sessions' } }, a.adminKey);
    const startsAt = inFuture(3).toISOString();
    const input = { studyId: createStudy.id, startsAt, durationMinutes: 45, idempotencyKey: 'session-retry-1' };
    const create = (i: Record<string, unknown>) => server.gql(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id startsAt } }`, { input: i }, a.adminKey);
    const first = await create(input);
    const second = await create(input);
    expect(second.data?.createSession).toEqual(first.data?.createSession);
    expect(errorCodes(await create({ ...input, durationMinutes: 60 }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const read = await server.ok(SESSIONS, { studyId: createStudy.id }, a.adminKey);
    expect(read.sessions.nodes).toHaveLength(1);
  });

  it('pagination: a cursor walk over 30 sessions with first:10 yields all 30 in start order, without repeats', async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Thirty sessions' } }, a.adminKey);
    // Ten start times, three sessions each, created out of order: ties are broken by id.
    const created: string[] = [];
    for (const slot of [7, 2, 9, 0, 5, 1, 8, 3, 6, 4]) {
      for (let i = 0; i < 3; i++) created.push(await createSession(server, a.adminKey, createStudy.id, inFuture(5, slot * 30)));
    }
    const seen: { id: string; startsAt: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: { sessions: { nodes: { id: string; startsAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await server.ok(SESSIONS, { studyId: createStudy.id, first: 10, after }, a.memberKey);
      pages += 1;
      seen.push(...data.sessions.nodes);
      if (!data.sessions.pageInfo.hasNextPage) break;
      after = data.sessions.pageInfo.endCursor;
      expect(pages).toBeLessThan(4);
    }
    expect(pages).toBe(3);
    expect(new Set(seen.map((s) => s.id)).size).toBe(30);
    expect([...seen.map((s) => s.id)].sort()).toEqual([...created].sort());
    const expected = [...seen].sort((x, y) => x.startsAt.localeCompare(y.startsAt) || (x.id < y.id ? -1 : 1));
    expect(seen).toEqual(expected);
    expect(seen[0].startsAt < seen[29].startsAt).toBe(true);
  });

  it('pagination: sessions filter by time window and status', async () => {
    const { createStudy } = await server.ok(CREATE_STUDY, { input: { name: 'Windowed' } }, a.adminKey);
    const early = await createSession(server, a.adminKey, createStudy.id, inFuture(10));
    const middle = await createSession(server, a.adminKey, createStudy.id, inFuture(11));
    await createSession(server, a.adminKey, createStudy.id, inFuture(12));
    const window = await server.ok(SESSIONS, { studyId: createStudy.id, from: inFuture(9).toISOString(), to: inFuture(11, 1).toISOString() }, a.adminKey);
    expect(window.sessions.nodes.map((n: { id: string }) => n.id)).toEqual([early, middle]);
    const cancelled = await server.ok(SESSIONS, { studyId: createStudy.id, status: 'CANCELLED' }, a.adminKey);
    expect(cancelled.sessions.nodes).toEqual([]);
    const backwards = await server.gql(SESSIONS, { from: inFuture(11).toISOString(), to: inFuture(10).toISOString() }, a.adminKey);
    expectFieldError(backwards, 'BAD_USER_INPUT', 'to');
  });

  it('pagination: a garbage cursor is a BAD_USER_INPUT error', async () => {
    for (const after of ['garbage!!', Buffer.from('["x"]').toString('base64url'), Buffer.from('["not a date","id"]').toString('base64url')]) {
      expectFieldError(await server.gql(SESSIONS, { after }, a.adminKey), 'BAD_USER_INPUT', 'after');
    }
    expectFieldError(await server.gql(`query($after: String) { studies(after: $after) { nodes { id } } }`, { after: 'garbage!!' }, a.adminKey), 'BAD_USER_INPUT', 'after');
  });

  it('studies: the search filter matches part of the name in any case, and treats % as text', async () => {
    await server.ok(CREATE_STUDY, { input: { name: 'Pricing Page Study' } }, a.adminKey);
    await server.ok(CREATE_STUDY, { input: { name: '100% remote diary' } }, a.adminKey);
    const find = async (search: string) => {
      const data = await server.ok(`query($search: String) { studies(first: 100, filter: { search: $search }) { nodes { name } } }`, { search }, a.adminKey);
      return data.studies.nodes.map((n: { name: string }) => n.name);
    };
    expect(await find('pricing PAGE')).toEqual(['Pricing Page Study']);
    expect(await find('0%')).toEqual(['100% remote diary']);
    expect(await find('%')).toEqual(['100% remote diary']);
  });
});

describe('no N+1 on studies, sessions, bookings and participants (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  let studyNames: string[];

  beforeAll(async () => {
    // Full 100-row pages with nested relations, under the default cost limit (A4).
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Busy workspace');
    studyNames = ['Study one', 'Study two', 'Study three'];
    const sessions: { token: string; sessionId: string }[] = [];
    for (const name of studyNames) {
      const { createStudy } = await server.ok(CREATE_STUDY, { input: { name } }, ws.adminKey);
      const token = createStudy.inviteUrl.split('/').at(-1);
      for (let i = 0; i < 2; i++) sessions.push({ token, sessionId: await createSession(server, ws.adminKey, createStudy.id, inFuture(2 + i)) });
    }
    // 100 participants, each booked on one or two sessions; every third gives a phone and consent.
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, j) => {
          const n = batch * 10 + j;
          const withPhone = n % 3 === 0;
          const base = { name: `Person ${n}`, email: `person${n}@example.com`, smsConsent: withPhone, ...(withPhone ? { phone: `+1415555${String(1000 + n)}` } : {}) };
          const first = sessions[n % sessions.length];
          await server.ok(SIGN_UP, { input: await withChallenge(server, { ...base, inviteToken: first.token, sessionId: first.sessionId }) });
          if (n % 2 === 0) {
            const second = sessions[(n + 1) % sessions.length];
            await server.ok(SIGN_UP, { input: await withChallenge(server, { ...base, inviteToken: second.token, sessionId: second.sessionId }) });
          }
        }),
      );
    }
    // 150 signups, each fetching and solving its A8 challenge first, on a shared, busy machine.
  }, 180_000);
  afterAll(() => server?.stop());

  it('no N+1: a page of 100 participants with bookings { session { study { name } } } costs a handful of queries', async () => {
    const query = `{ participants(first: 100) { nodes { id email bookings { id session { id study { name } } } } } }`;
    server.app.queryCounter.count = 0;
    const result = await server.gql(query, {}, ws.memberKey);
    const queries = server.app.queryCounter.count;
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.participants.nodes as { bookings: { session: { study: { name: string } } }[] }[];
    expect(nodes).toHaveLength(100);
    expect(nodes.reduce((sum, p) => sum + p.bookings.length, 0)).toBe(150);
    expect(new Set(nodes.flatMap((p) => p.bookings.map((b) => b.session.study.name)))).toEqual(new Set(studyNames));
    expect(queries).toBeLessThanOrEqual(8);
  });

  it('no N+1: studies { sessions { bookings { participant } } } costs a handful of queries', async () => {
    const query = `{ studies(first: 20) { nodes { name inviteUrl sessions { startsAt bookings { status participant { email } } } } } }`;
    server.app.queryCounter.count = 0;
    const result = await server.gql(query, {}, ws.adminKey);
    const queries = server.app.queryCounter.count;
    expect(result.errors).toBeUndefined();
    const studies = result.data!.studies.nodes as { sessions: { bookings: { participant: { email: string } }[] }[] }[];
    expect(studies).toHaveLength(3);
    const emails = studies.flatMap((s) => s.sessions.flatMap((x) => x.bookings.map((b) => b.participant.email)));
    expect(emails).toHaveLength(150);
    expect(new Set(emails).size).toBe(100);
    expect(queries).toBeLessThanOrEqual(8);
  });

  it('participants: filters by search, hasPhone and smsConsent', async () => {
    const emails = async (filter: Record<string, unknown>) => {
      const data = await server.ok(`query($filter: ParticipantFilter) { participants(first: 100, filter: $filter) { nodes { email phone smsConsent } } }`, { filter }, ws.adminKey);
      return data.participants.nodes as { email: string; phone: string | null; smsConsent: boolean }[];
    };
    expect((await emails({ search: 'PERSON42@' })).map((p) => p.email)).toEqual(['person42@example.com']);
    expect((await emails({ search: 'person 99' })).map((p) => p.email)).toEqual(['person99@example.com']);
    expect(await emails({ search: 'person 7' })).toHaveLength(11);
    expect(await emails({ search: 'nobody' })).toEqual([]);
    const withPhone = await emails({ hasPhone: true });
    expect(withPhone).toHaveLength(34);
    expect(withPhone.every((p) => p.phone?.startsWith('+1415555'))).toBe(true);
    expect(await emails({ hasPhone: false })).toHaveLength(66);
    const consented = await emails({ smsConsent: true, hasPhone: true });
    expect(consented).toHaveLength(34);
    expect(await emails({ smsConsent: true, hasPhone: false })).toEqual([]);
  });

  it('participants: pages newest first without repeats', async () => {
    const first = await server.ok(`{ participants(first: 60) { nodes { id } pageInfo { hasNextPage endCursor } } }`, {}, ws.adminKey);
    expect(first.participants.pageInfo.hasNextPage).toBe(true);
    const rest = await server.ok(`query($after: String) { participants(first: 60, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, { after: first.participants.pageInfo.endCursor }, ws.adminKey);
    expect(rest.participants.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.participants.nodes, ...rest.participants.nodes].map((n: { id: string }) => n.id);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(ids).toEqual([...ids].sort().reverse());
  });
});
