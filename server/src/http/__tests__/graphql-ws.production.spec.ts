import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, subscribe } from '../../../test/graphql-ws-client.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { logEntryDefaults } from '../../comms-log/log-entry-defaults.util.js';
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

  it('A4: an internal error in a subscription reaches the client masked, as over HTTP', async () => {
    // The app has listeners of its own (metrics, the relay); wait for the subscription's.
    const before = server.app.services.events.listenerCount;
    const { client } = connectSocket(server, ws.adminKey);
    const received = new Promise<{ errors?: unknown[] }>((resolve) => {
      subscribe(client, 'subscription { commsEvents { type entry { id kind status } } }', {}, resolve);
    });
    await expect.poll(() => server.app.services.events.listenerCount).toBeGreaterThan(before);
    // A broken entry (no kind) makes the field resolver fail inside the server.
    const broken = Object.assign(new CommsLogEntry(), logEntryDefaults(new Date()), { id: '1', workspaceId: ws.id, status: 'QUEUED', kind: null });
    server.app.services.events.publish({ type: 'created', entry: broken });
    const { errors } = await received;
    expect(errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(errors)).not.toMatch(/non-nullable|CommsLogEntry|stack/i);
    await client.dispose();
  });
});
