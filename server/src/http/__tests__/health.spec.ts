import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness.js';
import { spawnTock, startTockProcess, type TockProcess } from '../../../test/tock-process.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A private Redis for this test only: it is killed and restarted by its pid.
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    redis.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  return redis;
}

async function killRedis(redis: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGKILL');
  await exited;
}

async function readyz(url: string): Promise<{ status: number; body: { status: string; failed: string[]; checks: Record<string, { ok: boolean; target: string; ms: number; error?: string }> } }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as never };
}

/** Polls /readyz until it answers `status`; resolves with how long that took. */
async function timeUntil(url: string, status: number): Promise<number> {
  const started = Date.now();
  await expect.poll(async () => (await readyz(url)).status, { timeout: 10_000, interval: 50 }).toBe(status);
  return Date.now() - started;
}

describe('health and readiness (O3)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('O3: /healthz is liveness only; /readyz names each dependency it checked, and answers 503 while draining', async () => {
    const server = await startTestServer({ database: 'sqlite' });
    cleanups.push(() => server.stop());
    const ready = await readyz(server.url);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', failed: [] });
    expect(Object.keys(ready.body.checks).sort()).toEqual(['database', 'jobStore']);
    expect(ready.body.checks.database).toMatchObject({ ok: true, target: expect.stringMatching(/^SQLite at /) });

    // L6: a graceful stop begins (what SIGTERM does); the process stays up, not ready.
    await server.app.drain(2000);
    const draining = await readyz(server.url);
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ status: 'draining', failed: ['draining'] });
    // Liveness never depends on a store or on draining.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('O3: with its Redis killed, /readyz answers 503 naming redis within 3 s, the outage is logged once, and it is 200 again after the restart', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanups.push(() => killRedis(redis));
    const tock: TockProcess = await startTockProcess({
      NODE_ENV: 'development',
      TOCK_ROLE: 'api',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tock-readyz-')),
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    cleanups.push(() => tock.stop());
    expect(tock.lines.find((l) => l.msg.startsWith('Tock is running'))).toMatchObject({ role: 'api', eventRelay: `Redis at 127.0.0.1:${port}` });
    const before = await readyz(tock.url);
    expect(before.status).toBe(200);
    expect(before.body.checks.redis).toMatchObject({ ok: true, target: `Redis at 127.0.0.1:${port}` });

    await killRedis(redis);
    const downMs = await timeUntil(tock.url, 503);
    expect(downMs).toBeLessThan(3_000);
    const down = await readyz(tock.url);
    expect(down.body).toMatchObject({ status: 'unavailable', failed: ['redis'] });
    expect(down.body.checks.database.ok).toBe(true);
    expect(down.body.checks.redis.ms).toBeLessThan(2_500);
    // ioredis retries on its own while the probe keeps failing; the outage is still one line.
    for (let i = 0; i < 20; i++) expect((await readyz(tock.url)).status).toBe(503);
    const outageLines = () => tock.lines.filter((l) => l.msg.startsWith('Redis is unreachable'));
    // Logged when the probe first fails; the line may reach us after the answers.
    await tock.waitForLine((l) => l.msg.startsWith('Redis is unreachable'));
    expect(outageLines()).toHaveLength(1);
    expect(outageLines()[0]).toMatchObject({ level: 'error', redis: `redis://127.0.0.1:${port}` });
    expect(tock.output()).not.toContain('Unhandled error event');

    redis = await startRedis(port);
    expect(await timeUntil(tock.url, 200)).toBeLessThan(10_000);
    await tock.waitForLine((l) => l.msg === 'Redis is reachable again');
    expect(outageLines()).toHaveLength(1);
  }, 300_000);

  it('O3: a store unreachable at start is one line naming it and its URL without credentials, and a non-zero exit', async () => {
    const closed = await freePort();
    const cases = [
      { store: 'database', env: { DATABASE_URL: `mysql://tock:s3cr3t-pw@127.0.0.1:${closed}/tock` }, target: `MySQL at 127.0.0.1:${closed}/tock` },
      { store: 'job store', env: { JOBS_URL: `mongodb://tock:s3cr3t-pw@127.0.0.1:${closed}/jobs` }, target: `MongoDB at 127.0.0.1:${closed}/jobs` },
      { store: 'event relay (Redis)', env: { REDIS_URL: `redis://:s3cr3t-pw@127.0.0.1:${closed}` }, target: `Redis at 127.0.0.1:${closed}` },
    ];
    await Promise.all(
      cases.map(async ({ store, env, target }) => {
        const tock = spawnTock({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'false', DATA_DIR: mkdtempSync(join(tmpdir(), 'tock-unreachable-')), ...env });
        const code = await tock.exited;
        expect(code, tock.output()).toBe(1);
        const problems = tock.lines.filter((l) => l.level === 'error' || l.level === 'fatal');
        expect(problems, tock.output()).toHaveLength(1);
        expect(problems[0]).toMatchObject({ level: 'fatal', store, target });
        expect(problems[0].msg).toContain(`Cannot reach the ${store} (${target})`);
        // Within 10 s of starting to connect (the process's own boot time on a loaded machine comes on top).
        expect(problems[0].afterMs).toBeLessThanOrEqual(10_000);
        // Nothing but JSON lines: no raw stacks, no ioredis noise, never the password.
        expect(tock.output().trim().split('\n').length).toBe(tock.lines.length);
        expect(tock.output()).not.toContain('s3cr3t-pw');
      }),
    );
  }, 300_000);
});
