import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';

describe('GraphQL over WebSocket in production', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({ worker: false, env: { NODE_ENV: 'production' } });
    ws = await createTestWorkspace(server);
  });
  afterAll(() => server?.stop());

  it('A4: typed errors keep their code over the socket in production (a mutation is refused, not masked)', async () => {
    const { client } = connectSocket(server, ws.adminKey);
    const result = await new Promise<{ errors?: unknown[] }>((resolve) => subscribe(client, 'mutation { setWorkspaceSms(enabled: true) { id } }', {}, resolve));
    expect(JSON.stringify(result.errors)).toMatch(/Send queries and mutations over HTTP/);
    expect((await server.ok(`{ workspace { smsEnabled } }`, {}, ws.adminKey)).workspace.smsEnabled).toBe(false);
    await client.dispose();
  });
});
