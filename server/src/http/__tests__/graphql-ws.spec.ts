import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket as connect } from '../../../test/graphql-ws-client.js';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';

function run(client: Client, query: string): Promise<{ errors?: unknown[]; data?: unknown }> {
  return new Promise((resolve, reject) => {
    client.subscribe({ query }, { next: (value) => resolve(value as never), error: (e) => resolve({ errors: Array.isArray(e) ? e : [e] }), complete: () => reject(new Error('completed without a result')) });
  });
}

describe('GraphQL over WebSocket', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer();
    ws = await createTestWorkspace(server);
  });
  afterAll(() => server?.stop());

  it('A1: a socket without a valid key is closed with 4403 Forbidden', async () => {
    const { client, closed } = connect(server, 'tock_000000000000_' + 'A'.repeat(43));
    expect(await closed).toBe(4403);
    await client.dispose();
    const anonymous = connect(server, undefined);
    expect(await anonymous.closed).toBe(4403);
    await anonymous.client.dispose();
  });

  it('A4: mutations over the socket are refused and change nothing', async () => {
    const { client } = connect(server, ws.adminKey);
    const result = await run(client, 'mutation { setWorkspaceSms(enabled: true) { smsEnabled } }');
    expect(JSON.stringify(result.errors)).toMatch(/over HTTP/);
    await client.dispose();
    const data = await server.ok(`{ workspace { smsEnabled } }`, {}, ws.adminKey);
    expect(data.workspace.smsEnabled).toBe(false);
  });

  it('A4: a subscription deeper than the limit is refused over the socket too', async () => {
    const { client } = connect(server, ws.adminKey);
    const deep = `subscription { commsEvents { entry { participant { bookings { session { bookings { participant { bookings { session { study { name } } } } } } } } } } }`;
    const result = await run(client, deep);
    expect(JSON.stringify(result.errors)).toMatch(/depth/i);
    await client.dispose();
  });

  it('A4: a socket holds at most 10 subscriptions', async () => {
    const { client } = connect(server, ws.adminKey);
    const refusedEarlier: unknown[] = [];
    const ends = Array.from({ length: 10 }, () =>
      client.subscribe({ query: 'subscription { commsEvents { type } }' }, { next: () => {}, error: (e) => refusedEarlier.push(e), complete: () => {} }),
    );
    // Messages are handled in order, so the ten are registered before the eleventh is checked.
    const eleventh = await run(client, 'subscription { commsEvents(filter: { statuses: [FAILED] }) { type } }');
    expect(JSON.stringify(eleventh.errors)).toMatch(/At most 10 subscriptions/);
    expect(refusedEarlier).toEqual([]);
    ends.forEach((end) => end());
    await client.dispose();
  });

  it('A1: a socket that never authenticates is closed (4408)', async () => {
    const raw = new WebSocket(server.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => raw.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(4408);
  });
});
