import { expect } from 'vitest';
import type { Env } from '../src/config/config.js';
import { createTestWorkspace, type GraphQLResponse, type TestServer, type TestWorkspace } from './harness.js';
import { startSendingServer, type SendingServer } from './sending.js';

export const REDIS_URL = process.env.TOCK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// The job store's own rows come and go with the worker's recurring jobs;
// they are not something a probe could store.
const NOT_PROBE_STATE = new Set(['agenda_jobs', 'agenda_job_log']);

/** Waits until every text already due has been decided and handed over, so an earlier test's late text is not counted as the probe's. */
async function settled(probe: SendingServer): Promise<void> {
  const { dataSource } = probe.server.app;
  await expect
    .poll(
      async () => {
        const [{ n }] = await dataSource.query(
          "SELECT COUNT(*) AS n FROM comms_log_entries WHERE status IN ('QUEUED', 'SENDING') AND (scheduledFor IS NULL OR scheduledFor <= ?)",
          [new Date()],
        );
        return Number(n);
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(0);
}

/** A real Tock server in production mode on MariaDB, its Vonage SDK talking to a local stand-in. */
export function startProductionServer(env: Env = {}): Promise<SendingServer> {
  return startSendingServer({ database: 'mariadb', env: { NODE_ENV: 'production', ...env } });
}

/** Row counts of every table Tock stores, and how many texts reached the provider. */
export async function storedAndSent(probe: SendingServer): Promise<{ rows: Record<string, number>; texts: number }> {
  const { dataSource } = probe.server.app;
  const rows: Record<string, number> = {};
  for (const { tableName } of dataSource.entityMetadatas) {
    if (NOT_PROBE_STATE.has(tableName)) continue;
    const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM \`${tableName}\``);
    rows[tableName] = Number(n);
  }
  return { rows, texts: probe.standIn.smsRequests.length };
}

/** Runs `probe` and asserts that it stored nothing and sent nothing (the security suite's one promise). */
export async function expectNothingStoredOrSent<T>(server: SendingServer, probe: () => Promise<T>): Promise<T> {
  await settled(server);
  const before = await storedAndSent(server);
  const result = await probe();
  expect(await storedAndSent(server)).toEqual(before);
  return result;
}

/** POST /graphql with a raw body and headers; the status, content type and parsed JSON (or null). */
export async function rawGraphql(
  server: TestServer,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  method = 'POST',
): Promise<{ status: number; contentType: string; json: GraphQLResponse | null }> {
  const response = await fetch(`${server.url}/graphql`, { method, headers, body: method === 'GET' ? undefined : body });
  const text = await response.text();
  let json: GraphQLResponse | null;
  try {
    json = JSON.parse(text) as GraphQLResponse;
  } catch {
    json = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', json };
}

export async function twoWorkspaces(server: TestServer): Promise<[TestWorkspace, TestWorkspace]> {
  return [await createTestWorkspace(server, 'Tenant A', { smsEnabled: true }), await createTestWorkspace(server, 'Tenant B', { smsEnabled: true })];
}
