import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';

describe('workspaces and access (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server);
  });
  afterAll(() => server?.stop());

  it('W1: a new workspace has SMS off', async () => {
    const data = await server.ok(`{ workspace { id smsEnabled shiftAlertLeadMinutes } }`, {}, ws.adminKey);
    expect(data.workspace).toEqual({ id: ws.id, smsEnabled: false, shiftAlertLeadMinutes: 30 });
  });
});
