import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createApp, type App } from '../src/app/create-app.js';
import { loadConfig, type Env } from '../src/config/config.js';
import type { RunningServer } from '../src/http/server.js';
import { startHttpServer } from '../src/app/index.js';
import { Workspace } from '../src/workspaces/workspace.entity.js';

export type TestDatabase = 'mariadb' | 'sqlite';

/**
 * A8: suites that are not about the velocity limits sign up many people from
 * 127.0.0.1; they run with roomy limits (settings, the checks still run). The
 * abuse suite passes the production defaults (`PRODUCTION_ABUSE_LIMITS`).
 */
export const SUITE_ABUSE_LIMITS: Env = {
  SIGNUP_LIMIT_PER_IP: '100000',
  SIGNUP_LIMIT_PER_PHONE: '100000',
  SIGNUP_LIMIT_PER_PREFIX: '100000',
  SIGNUP_LIMIT_PER_INVITE: '100000',
  MANAGE_LIMIT_PER_IP: '100000',
  AUTH_FAILURES_PER_IP: '100000',
  PUMPING_BUDGET_PER_HOUR: '100000',
  // Still a real proof of work, solved by altcha-lib or the browser; just a short one.
  SIGNUP_CHALLENGE_MAX_COUNTER: '50',
};

/** The defaults, spelled out: what a production server runs with. */
export const PRODUCTION_ABUSE_LIMITS: Env = {
  SIGNUP_LIMIT_PER_IP: '',
  SIGNUP_LIMIT_PER_PHONE: '',
  SIGNUP_LIMIT_PER_PREFIX: '',
  SIGNUP_LIMIT_PER_INVITE: '',
  MANAGE_LIMIT_PER_IP: '',
  AUTH_FAILURES_PER_IP: '',
  PUMPING_BUDGET_PER_HOUR: '',
  SIGNUP_CHALLENGE_MAX_COUNTER: '',
};

export const PLATFORM_TOKEN = 'test-platform-token-0123456789abcdef';
const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  app: App;
  url: string;
  running: RunningServer;
  database: TestDatabase;
  /** What DATABASE_URL the server uses, for a second process on the same store. */
  databaseUrl: string;
  /** POST /graphql as the holder of `token` (an API key or the platform token). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  /**
   * Stops the HTTP server (the app and its worker keep running), runs
   * `whileDown` with a client for a second HTTP server on another port, then
   * listens on the same port again: a restart as a connected browser sees it.
   */
  restartHttp(whileDown?: (sideDoor: GraphQLClient) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export type GraphQLClient = Pick<TestServer, 'gql' | 'ok'>;

/** POST /graphql to the server at `url`. */
export function graphqlClient(url: string): GraphQLClient {
  const gql: TestServer['gql'] = async (query, variables, token, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  const ok: TestServer['ok'] = async (query, variables, token) => {
    const result = await gql(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as any;
  };
  return { gql, ok };
}

/** The database the suite runs on: TOCK_TEST_DB=sqlite switches the default. */
export function defaultTestDatabase(): TestDatabase {
  return process.env.TOCK_TEST_DB === 'sqlite' ? 'sqlite' : 'mariadb';
}

/** Starts a real Tock server on a free port against a fresh database. */
export async function startTestServer(options: { database?: TestDatabase; env?: Env; worker?: boolean } = {}): Promise<TestServer> {
  const database = options.database ?? defaultTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'tock-test-'));
  let databaseUrl: string;
  let dropDatabase = async () => {};
  if (database === 'mariadb') {
    // The creation time in the name lets global setup sweep only stale databases.
    const name = `tock_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
    const admin = await mysql.createConnection(MYSQL_URL);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    databaseUrl = `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`;
    dropDatabase = async () => {
      const c = await mysql.createConnection(MYSQL_URL);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  } else {
    databaseUrl = `sqlite:${join(dataDir, 'tock.sqlite')}`;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PLATFORM_TOKEN,
    DEMO_SEED: 'false',
    PUBLIC_URL: 'http://tock.test',
    JOBS_PROCESS_EVERY_MS: '100',
    ...SUITE_ABUSE_LIMITS,
    // Suites share one Redis: each server counts under its own keys.
    ABUSE_REDIS_PREFIX: `tock-test:abuse:${randomBytes(4).toString('hex')}`,
    ...options.env,
  });
  const app = await createApp(config);
  let running = await startHttpServer(app, 0, '127.0.0.1');
  // API and worker in one process, as `npm start` runs them.
  if (options.worker !== false) await app.startWorker();
  const url = running.url;
  const port = Number(new URL(url).port);
  const { gql, ok } = graphqlClient(url);

  return {
    app,
    url,
    get running() {
      return running;
    },
    database,
    databaseUrl,
    gql,
    ok,
    restartHttp: async (whileDown) => {
      await running.stop();
      if (whileDown) {
        const side = await startHttpServer(app, 0, '127.0.0.1');
        try {
          await whileDown(graphqlClient(side.url));
        } finally {
          await side.stop();
        }
      }
      running = await startHttpServer(app, port, '127.0.0.1');
    },
    stop: async () => {
      await running.stop();
      await app.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestWorkspace {
  id: string;
  adminKey: string;
  memberKey: string;
}

/** A workspace with an ADMIN and a MEMBER key, created the way a platform operator would. */
export async function createTestWorkspace(
  server: TestServer,
  name = 'Acme Research',
  options: { smsEnabled?: boolean; quietHours?: boolean; timeZone?: string } = {},
): Promise<TestWorkspace> {
  const created = await server.ok(
    `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } adminKey { secret } } }`,
    { input: { name, senderNumber: '+13306619491', ...(options.timeZone ? { timeZone: options.timeZone } : {}) } },
    PLATFORM_TOKEN,
  );
  const adminKey: string = created.createWorkspace.adminKey.secret;
  const member = await server.ok(
    `mutation { createApiKey(input: { name: "member", role: MEMBER }) { secret } }`,
    {},
    adminKey,
  );
  if (options.smsEnabled) await server.ok(`mutation { setWorkspaceSms(enabled: true) { id } }`, {}, adminKey);
  // T3: quiet hours are on for a new workspace; tests not about them must pass
  // at any hour of the day. Set as setup, outside the audited settings path.
  // A server in another process (only its GraphQL client here) is told through the API.
  if (!options.quietHours) {
    if (server.app) await server.app.dataSource.getRepository(Workspace).update({ id: created.createWorkspace.workspace.id }, { quietHoursEnabled: false });
    else await server.ok(`mutation { updateWorkspaceSettings(input: { quietHoursEnabled: false }) { id } }`, {}, adminKey);
  }
  return { id: created.createWorkspace.workspace.id, adminKey, memberKey: member.createApiKey.secret };
}

/** The error codes of a response, for compact assertions. */
export function errorCodes(result: GraphQLResponse): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
