import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { ConsentSource } from '../consent.enums.js';

const STATUS = `query($phone: String!) { optOutStatus(phone: $phone) { phone optedOut since } }`;
const stoppedAt = new Date('2026-03-01T09:30:00.000Z');

describe('optOutStatus (MariaDB)', () => {
  let server: TestServer;
  let a: TestWorkspace;
  let b: TestWorkspace;

  beforeAll(async () => {
    server = await startTestServer();
    a = await createTestWorkspace(server, 'Workspace A');
    b = await createTestWorkspace(server, 'Workspace B');
    // A handset that texted STOP to workspace A's number.
    await server.app.dataSource.transaction((m) => server.app.services.optOuts.optOut(m, '+14155550401', ConsentSource.KEYWORD, 'STOP', stoppedAt));
  });
  afterAll(() => server?.stop());

  it('K2/K6: every workspace sees a global opt-out, with only the boolean and since', async () => {
    for (const key of [a.memberKey, b.memberKey, b.adminKey]) {
      const data = await server.ok(STATUS, { phone: '(415) 555-0401' }, key);
      expect(data.optOutStatus).toEqual({ phone: '+14155550401', optedOut: true, since: stoppedAt.toISOString() });
    }
  });

  it('K6: the OptOutStatus type has no field that could tell where or how', async () => {
    const data = await server.ok(`{ __type(name: "OptOutStatus") { fields { name } } }`, {}, b.adminKey);
    expect(data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['optedOut', 'phone', 'since']);
  });

  it('K3: a number not opted out answers false with no since', async () => {
    const data = await server.ok(STATUS, { phone: '+1 415 555 0402' }, b.adminKey);
    expect(data.optOutStatus).toEqual({ phone: '+14155550402', optedOut: false, since: null });
  });

  it('A5: a bad phone is a field error', async () => {
    const result = await server.gql(STATUS, { phone: 'not a phone' }, a.adminKey);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('phone');
    expect(result.data?.optOutStatus ?? null).toBeNull();
  });

  it('A1: optOutStatus needs a workspace key', async () => {
    expect(errorCodes(await server.gql(STATUS, { phone: '+14155550401' }, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await server.gql(STATUS, { phone: '+14155550401' }, 'tock_bogus_key'))).toEqual(['UNAUTHENTICATED']);
  });
});
