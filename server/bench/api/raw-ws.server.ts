import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

// The socket-memory baseline: a bare ws server on node:http holding open
// sockets, with the same frame limit as Tock's. Started as a child process by api.bench.ts.
const server = createServer();
new WebSocketServer({ server, path: '/graphql', maxPayload: 32 * 1024 });
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
