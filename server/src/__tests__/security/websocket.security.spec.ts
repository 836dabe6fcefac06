import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from '../../../test/harness.js';
import { expectNothingStoredOrSent, startProductionServer } from '../../../test/security-probe.js';
import type { SendingServer } from '../../../test/sending.js';
import { CLOSE_TOO_MANY_MESSAGES } from '../../http/graphql-ws.js';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../http/socket-limits.js';

const MAX_SOCKETS = 5;
const MAX_MESSAGES = 10;

interface RawSocket {
  socket: WebSocket;
  /** The close code, or the HTTP status of a refused handshake. */
  ended: Promise<{ code?: number; status?: number }>;
  opened: Promise<boolean>;
}

function rawSocket(url: string): RawSocket {
  const socket = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
  const ended = new Promise<{ code?: number; status?: number }>((resolve) => {
    socket.once('close', (code) => resolve({ code }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode });
      socket.terminate();
    });
  });
  socket.on('error', () => {});
  const opened = new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    void ended.then(() => resolve(false));
  });
  return { socket, ended, opened };
}

const nextMessage = (socket: WebSocket) => new Promise<{ type: string }>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));

// A10, against a production server on MariaDB.
describe('security: WebSocket limits (A10)', () => {
  let probe: SendingServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    probe = await startProductionServer({ WS_MAX_SOCKETS_PER_IP: String(MAX_SOCKETS), WS_MAX_MESSAGES_PER_SECOND: String(MAX_MESSAGES) });
    ws = await createTestWorkspace(probe.server, 'Socket Probe', { smsEnabled: true });
  });
  afterAll(() => probe?.stop());

  it('A10: a large frame before connection_init is refused from its header and the socket closed (1009); the server still answers', async () => {
    await expectNothingStoredOrSent(probe, async () => {
      const { socket, opened, ended } = rawSocket(probe.server.url);
      expect(await opened).toBe(true);
      socket.send(Buffer.alloc(1024 * 1024, 0x61));
      expect((await ended).code).toBe(1009);
    });
    expect((await probe.server.ok(`{ workspace { name } }`, {}, ws.adminKey)).workspace.name).toBe('Socket Probe');
  });

  it('A10: a message just over the limit is refused after connection_init too; one under it is read', async () => {
    const { socket, opened, ended } = rawSocket(probe.server.url);
    expect(await opened).toBe(true);
    const ack = nextMessage(socket);
    // Padding in the connection params: under the limit, so it is read and acknowledged.
    socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey: ws.memberKey, note: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES - 1024) } }));
    expect((await ack).type).toBe('connection_ack');
    socket.send(JSON.stringify({ type: 'ping', payload: { note: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) } }));
    expect((await ended).code).toBe(1009);
  });

  it(`A10: one address holds at most ${MAX_SOCKETS} sockets; the next handshake gets 429, and a closed socket frees its place`, async () => {
    const open = Array.from({ length: MAX_SOCKETS }, () => rawSocket(probe.server.url));
    expect(await Promise.all(open.map((s) => s.opened))).toEqual(Array(MAX_SOCKETS).fill(true));
    const refused = rawSocket(probe.server.url);
    expect(await refused.ended).toEqual({ status: 429 });
    open[0].socket.close();
    await open[0].ended;
    // The server counts the place free once it sees the socket close, which may be just after the client does.
    const kept = open.slice(1);
    await expect
      .poll(async () => {
        const again = rawSocket(probe.server.url);
        if (await again.opened) kept.push(again);
        return kept.length;
      })
      .toBe(MAX_SOCKETS);
    for (const s of kept) s.socket.close();
    await Promise.all(kept.map((s) => s.ended));
  });

  it(`A10: a socket that sends more than ${MAX_MESSAGES} messages in a second is closed (${CLOSE_TOO_MANY_MESSAGES})`, async () => {
    const { socket, opened, ended } = rawSocket(probe.server.url);
    expect(await opened).toBe(true);
    const ack = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'connection_init', payload: { apiKey: ws.memberKey } }));
    expect((await ack).type).toBe('connection_ack');
    for (let i = 0; i < MAX_MESSAGES * 3; i++) socket.send(JSON.stringify({ type: 'ping' }));
    expect((await ended).code).toBe(CLOSE_TOO_MANY_MESSAGES);
  });
});
