import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import autocannon from 'autocannon';
import { createClient, type Client } from 'graphql-ws';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';
import { startBenchProcess, type BenchProcess, type Memory } from './api/bench-process.js';
import { seedApiBench } from './api/api-seed.js';
import { median } from './measure.util.js';

// Issue 11, item 6: Tock's /graphql against plain graphql-js + mysql2 on
// node:http (bench/api/plain-graphql.server.ts), on the same MariaDB rows, in
// the same run, interleaved, so the ratio holds however busy the machine is.
// Then the memory each subscribed graphql-ws socket holds in Tock, against a
// bare ws socket.

const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const SECONDS = Number(process.env.TOCK_BENCH_API_SECONDS ?? 10);
const RUNS = Number(process.env.TOCK_BENCH_API_RUNS ?? 3);
const SOCKETS = Number(process.env.TOCK_BENCH_API_SOCKETS ?? 500);
const CONNECTIONS = 16;
const WARM_UP_SECONDS = 3;
const SLICE_SECONDS = 2;
// A folder to write the Tock process's CPU profile to (node --cpu-prof), e.g. /tmp/tock-prof.
const CPU_PROFILE_DIR = process.env.TOCK_BENCH_API_CPU_PROFILE || undefined;
// Only the queries whose name holds this, e.g. "comms" (for a profile of one).
const ONLY_QUERY = process.env.TOCK_BENCH_API_QUERY || '';
const PLATFORM_TOKEN = `bench-platform-token-${randomBytes(8).toString('hex')}`;

export const API_TARGET_RATIO = 0.8;
export const SOCKET_TARGET_KB = 30;

// What the console's Team and Messages pages ask for, at the bench's sizes.
export const API_QUERIES = {
  'employees (100)': `query TeamPage { employees(first: 100) { nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language } pageInfo { endCursor hasNextPage } } }`,
  'comms log (20)': `query MessagesPage { commsLog(first: 20) { nodes { id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason participant { name } employee { name } } pageInfo { endCursor hasNextPage } } }`,
};

export interface ApiRun {
  tockRps: number;
  baselineRps: number;
  ratio: number;
}

export interface ApiReport {
  seconds: number;
  connections: number;
  queries: { name: string; runs: ApiRun[]; medianRatio: number }[];
  sockets: { count: number; tockKb: { heap: number; rss: number }; rawKb: { heap: number; rss: number } };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function post(url: string, query: string, token: string, variables: Record<string, unknown> = {}): Promise<{ text: string; json: { data?: any; errors?: unknown[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { text, json: JSON.parse(text) };
}

async function ok(url: string, query: string, token: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { json } = await post(url, query, token, variables);
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

// Requests and seconds of one slice of load; every response must be the body
// seen before (autocannon counts a mismatch as an error), so a fast error is no win.
async function load(url: string, query: string, token: string, expectBody: string, seconds: number): Promise<{ requests: number; seconds: number }> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: {} }),
    expectBody,
  });
  if (result.errors || result.non2xx || result.timeouts || result.mismatches) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts, ${result.mismatches} unexpected bodies`);
  }
  return { requests: result.requests.total, seconds: result.duration };
}

interface Target {
  server: BenchProcess;
  body: string;
}

// One run: `SECONDS` of load on each server, in alternating slices (Tock
// first, then the baseline first, and so on), so both see the same machine.
async function run(tock: Target, baseline: Target, query: string, token: string): Promise<ApiRun> {
  const totals = { tock: { requests: 0, seconds: 0 }, baseline: { requests: 0, seconds: 0 } };
  const add = (into: { requests: number; seconds: number }, slice: { requests: number; seconds: number }) => {
    into.requests += slice.requests;
    into.seconds += slice.seconds;
  };
  const slices = Math.max(2, Math.round(SECONDS / SLICE_SECONDS));
  for (let slice = 0; slice < slices; slice++) {
    const order: ['tock' | 'baseline', Target][] = slice % 2 === 0 ? [['tock', tock], ['baseline', baseline]] : [['baseline', baseline], ['tock', tock]];
    for (const [name, target] of order) add(totals[name], await load(target.server.url, query, token, target.body, SECONDS / slices));
  }
  const tockRps = totals.tock.requests / totals.tock.seconds;
  const baselineRps = totals.baseline.requests / totals.baseline.seconds;
  return { tockRps, baselineRps, ratio: tockRps / baselineRps };
}

async function throughput(tock: BenchProcess, baseline: BenchProcess, adminKey: string): Promise<ApiReport['queries']> {
  const queries = [];
  for (const [name, query] of Object.entries(API_QUERIES).filter(([name]) => name.includes(ONLY_QUERY))) {
    const [ours, theirs] = await Promise.all([post(tock.url, query, adminKey), post(baseline.url, query, adminKey)]);
    if (ours.json.errors || JSON.stringify(ours.json.data) !== JSON.stringify(theirs.json.data)) {
      throw new Error(`${name}: Tock and the baseline answer differently:\n${ours.text.slice(0, 600)}\n${theirs.text.slice(0, 600)}`);
    }
    const targets = { tock: { server: tock, body: ours.text }, baseline: { server: baseline, body: theirs.text } };
    // Warm-up: both servers' code paths compiled before anything counts.
    await load(tock.url, query, adminKey, ours.text, WARM_UP_SECONDS);
    await load(baseline.url, query, adminKey, theirs.text, WARM_UP_SECONDS);
    const runs: ApiRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(targets.tock, targets.baseline, query, adminKey));
    queries.push({ name, runs, medianRatio: median(runs.map((r) => r.ratio)) });
  }
  return queries;
}

interface SocketClient {
  client: Client;
  connected: Promise<void>;
  closed: Promise<void>;
}

function graphqlWsClient(url: string, apiKey: string): SocketClient {
  let onConnected: () => void = () => {};
  let refused: (error: Error) => void = () => {};
  let onClosed: () => void = () => {};
  const connected = new Promise<void>((done, fail) => ((onConnected = done), (refused = fail)));
  const closed = new Promise<void>((done) => (onClosed = done));
  const client = createClient({
    url: url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { apiKey },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => onConnected(),
      // Before it connected, a close is a refusal (settled promises ignore it after).
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        refused(new Error(`socket closed before it connected: ${code} ${reason}`));
        onClosed();
      },
    },
  });
  return { client, connected, closed };
}

// Retained memory (heap and the buffers it holds) and RSS per socket between two collected snapshots, in kB.
const perSocketKb = (before: Memory, after: Memory, count: number) => ({
  heap: (after.heapUsed + after.external - before.heapUsed - before.external) / count / 1024,
  rss: (after.rss - before.rss) / count / 1024,
});

const SUBSCRIPTION = 'subscription { commsEvents { type entry { id status } } }';

let probes = 0;

// `count` clients, each subscribed to commsEvents (L4, as the console is), once every one has received a live event.
async function subscribedClients(tock: BenchProcess, adminKey: string, count: number): Promise<SocketClient[]> {
  const clients = Array.from({ length: count }, () => graphqlWsClient(tock.url, adminKey));
  await Promise.all(clients.map((c) => c.connected));
  let received = 0;
  let allReceived: () => void = () => {};
  let failed: (error: Error) => void = () => {};
  const everyone = new Promise<void>((done, fail) => ((allReceived = done), (failed = fail)));
  for (const { client } of clients) {
    let seen = false;
    const next = () => {
      if (seen) return;
      seen = true;
      if (++received === count) allReceived();
    };
    client.subscribe({ query: SUBSCRIPTION }, { next, error: (error) => failed(new Error(`subscription failed: ${JSON.stringify(error)}`)), complete: () => {} });
  }
  // graphql-ws does not acknowledge a subscribe: a subscription is live once it
  // has seen an event, so events go out until all have. Each is the K9
  // confirmation of a new number opted in (one per number, so a new one each time).
  while (received < count) {
    const phone = `+1415555${String(probes++).padStart(4, '0')}`;
    const employee = await ok(tock.url, `mutation($phone: String!) { upsertEmployee(input: { name: "Socket probe", phone: $phone }) { id } }`, adminKey, { phone });
    await ok(tock.url, `mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Bench socket probe" }) { id } }`, adminKey, { id: employee.upsertEmployee.id });
    await Promise.race([everyone, new Promise((next) => setTimeout(next, 200))]);
  }
  return clients;
}

async function closeAll(clients: SocketClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.client.dispose()));
  await Promise.all(clients.map((c) => c.closed));
}

async function tockSocketMemory(tock: BenchProcess, adminKey: string) {
  // A first round, so the figure is the sockets' and not the code paths' first use.
  await closeAll(await subscribedClients(tock, adminKey, 20));
  const before = await tock.memory();
  const clients = await subscribedClients(tock, adminKey, SOCKETS);
  const after = await tock.memory();
  await closeAll(clients);
  return perSocketKb(before, after, SOCKETS);
}

async function rawSocketMemory(raw: BenchProcess) {
  const before = await raw.memory();
  const sockets = await Promise.all(
    Array.from(
      { length: SOCKETS },
      () =>
        new Promise<WebSocket>((open, fail) => {
          const socket = new WebSocket(raw.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
          socket.once('open', () => open(socket));
          socket.once('error', fail);
        }),
    ),
  );
  const after = await raw.memory();
  for (const socket of sockets) socket.close();
  return perSocketKb(before, after, SOCKETS);
}

export async function runApiBench(log: (line: string) => void = console.log): Promise<ApiReport> {
  const name = `tock_bench_api_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const started: BenchProcess[] = [];
  try {
    const port = await freePort();
    const tock = await startBenchProcess(
      'server/src/main.ts',
      {
        NODE_ENV: 'production',
        TOCK_ROLE: 'api',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`,
        PLATFORM_TOKEN,
        DEMO_SEED: 'false',
        DATA_DIR: tmpdir(),
        PUBLIC_URL: 'http://tock.bench',
        // All the bench's sockets come from 127.0.0.1.
        WS_MAX_SOCKETS_PER_IP: String(SOCKETS + 10),
      },
      'Tock is running',
      CPU_PROFILE_DIR,
    );
    started.push(tock);
    const baseline = await startBenchProcess('server/bench/api/plain-graphql.server.ts', { DATABASE_URL: `${MYSQL_URL}/${name}` });
    started.push(baseline);
    const createWorkspace = `mutation($name: String!) { createWorkspace(input: { name: $name }) { workspace { id } adminKey { secret } } }`;
    const created = await ok(tock.url, createWorkspace, PLATFORM_TOKEN, { name: 'Bench' });
    const adminKey: string = created.createWorkspace.adminKey.secret;
    await seedApiBench(`${MYSQL_URL}/${name}`, created.createWorkspace.workspace.id);
    // The socket probes' employees and texts stay out of the pages under load.
    const socketsKey: string = (await ok(tock.url, createWorkspace, PLATFORM_TOKEN, { name: 'Sockets' })).createWorkspace.adminKey.secret;
    // Sockets first, while RSS has not yet grown under load (after which a collection can shrink it).
    log(`Sockets: ${SOCKETS} subscribed graphql-ws clients, then ${SOCKETS} raw ws clients…`);
    const tockKb = await tockSocketMemory(tock, socketsKey);
    const raw = await startBenchProcess('server/bench/api/raw-ws.server.ts', {});
    started.push(raw);
    const rawKb = await rawSocketMemory(raw);
    await raw.stop();
    log(`Load: ${CONNECTIONS} connections, ${RUNS} runs of ${SECONDS} s per server and query, in alternating slices of ${SLICE_SECONDS} s…`);
    const queries = await throughput(tock, baseline, adminKey);
    return { seconds: SECONDS, connections: CONNECTIONS, queries, sockets: { count: SOCKETS, tockKb, rawKb } };
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
