import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';
import { median } from './measure.util.js';

// A10/A9 against a real API process (a child, so its memory is its own): the
// big-frame abuse (16 frames of 99 MB before connection_init), the 300-socket
// abuse, and how long a revoked key's socket stays open. Memory is the child's
// RSS from /proc, against its own idle RSS in the same run.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PLATFORM_TOKEN = `bench-platform-token-${randomBytes(8).toString('hex')}`;
const BIG_FRAMES = 16;
const BIG_FRAME_BYTES = 99 * 1024 * 1024;
const SOCKETS = 300;
const REVOKES = 15;
export const MEMORY_GROWTH_TARGET_MB = 50;

export interface WebSocketAbuseReport {
  idleRssMb: number;
  bigFrames: { peakRssMb: number; afterRssMb: number; bytesAccepted: number; closeCodes: string };
  /** The same abuse again: whatever the first round left is not added to. */
  bigFramesAgain: { peakRssMb: number; afterRssMb: number };
  sockets: { peakRssMb: number; afterRssMb: number; opened: number; refused: number };
  revokeToCloseMs: { median: number; max: number };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Samples the child's RSS while `work` runs; the peak, and the RSS once it is done. */
async function sampled(pid: number, work: () => Promise<void>): Promise<{ peak: number; after: number }> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { peak: Math.max(peak, rssMb(pid)), after: rssMb(pid) };
}

// One frame header announcing `length` bytes, then the bytes, from one reused
// buffer, until the server closes the connection: what the attacker did.
function sendBigFrame(port: number, length: number): Promise<{ sent: number; closeCode: string }> {
  return new Promise((resolveFrame) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    let upgraded = false;
    let closeCode = 'none';
    const finish = () => resolveFrame({ sent, closeCode });
    socket.on('error', () => {});
    socket.on('close', finish);
    socket.on('data', (data) => {
      if (!upgraded) {
        if (!data.toString('latin1').startsWith('HTTP/1.1 101')) return socket.destroy();
        upgraded = true;
        const header = Buffer.alloc(14);
        header[0] = 0x82; // FIN, binary
        header[1] = 0x80 | 127; // masked, 64-bit length
        header.writeBigUInt64BE(BigInt(length), 2);
        randomBytes(4).copy(header, 10);
        socket.write(header);
        const pump = () => {
          while (sent < length && !socket.destroyed) {
            sent += chunk.length;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
        return;
      }
      // A close frame from the server: 0x88, length, then the code.
      if (data[0] === 0x88 && data.length >= 4) closeCode = String(data.readUInt16BE(2));
    });
    socket.write(
      `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
    );
  });
}

async function gql<T>(url: string, query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

function openSocket(url: string, init?: Record<string, unknown>): Promise<{ socket: WebSocket; opened: boolean; closed: Promise<number> }> {
  return new Promise((resolveOpen) => {
    const socket = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
    socket.on('error', () => {});
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      resolveOpen({ socket, opened: false, closed });
    });
    socket.once('open', () => {
      if (init) socket.send(JSON.stringify({ type: 'connection_init', payload: init }));
      resolveOpen({ socket, opened: true, closed });
    });
  });
}

export async function runWebSocketAbuseBench(): Promise<WebSocketAbuseReport> {
  const name = `tock_bench_ws_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        TOCK_ROLE: 'api',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`,
        PLATFORM_TOKEN,
        DEMO_SEED: 'false',
        DATA_DIR: tmpdir(),
        PUBLIC_URL: 'http://tock.bench',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((ready, fail) => {
      child!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Tock is running') && ready());
      child!.stderr!.resume();
      child!.once('exit', (code) => fail(new Error(`the API process exited with ${code}`)));
    });
    const pid = child.pid!;
    const created = await gql<{ createWorkspace: { adminKey: { secret: string } } }>(url, `mutation { createWorkspace(input: { name: "Bench" }) { adminKey { secret } } }`, PLATFORM_TOKEN);
    const adminKey: string = created.createWorkspace.adminKey.secret;
    // Warm up: one real subscription, so the idle figure includes the socket path.
    const warm = await openSocket(url, { apiKey: adminKey });
    warm.socket.close();
    await warm.closed;
    const idleRssMb = rssMb(pid);

    const frames: { sent: number; closeCode: string }[] = [];
    const big = await sampled(pid, async () => {
      frames.push(...(await Promise.all(Array.from({ length: BIG_FRAMES }, () => sendBigFrame(port, BIG_FRAME_BYTES)))));
    });

    const again = await sampled(pid, async () => {
      await Promise.all(Array.from({ length: BIG_FRAMES }, () => sendBigFrame(port, BIG_FRAME_BYTES)));
    });

    let opened = 0;
    let refused = 0;
    const many = await sampled(pid, async () => {
      const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => openSocket(url)));
      for (const s of sockets) {
        if (!s.opened) refused += 1;
        else {
          opened += 1;
          // Each accepted socket sends the largest message it may before connection_init.
          s.socket.send('x'.repeat(30 * 1024));
        }
      }
      await Promise.all(sockets.filter((s) => s.opened).map((s) => s.closed));
    });

    const revokeMs: number[] = [];
    for (let i = 0; i < REVOKES; i++) {
      const key = await gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(url, `mutation($n: String!) { createApiKey(input: { name: $n, role: MEMBER }) { secret apiKey { id } } }`, adminKey, { n: `member ${i}` });
      const s = await openSocket(url, { apiKey: key.createApiKey.secret });
      await new Promise((acked) => s.socket.once('message', acked));
      s.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { commsEvents { type } }' } }));
      const started = performance.now();
      await gql(url, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, adminKey, { id: key.createApiKey.apiKey.id });
      await s.closed;
      revokeMs.push(performance.now() - started);
    }

    const codes = [...new Set(frames.map((f) => f.closeCode))].join(', ');
    return {
      idleRssMb,
      bigFrames: { peakRssMb: big.peak, afterRssMb: big.after, bytesAccepted: frames.reduce((n, f) => n + f.sent, 0), closeCodes: codes },
      bigFramesAgain: { peakRssMb: again.peak, afterRssMb: again.after },
      sockets: { peakRssMb: many.peak, afterRssMb: many.after, opened, refused },
      revokeToCloseMs: { median: median(revokeMs), max: Math.max(...revokeMs) },
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
