import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = new URL('../main.ts', import.meta.url).pathname;

// Starts the real entry point as `npm start` would (on embedded SQLite, no
// settings) and resolves with the URL and key it prints.
function start(dataDir: string): Promise<{ child: ChildProcess; url: string; key: string | null; signupUrl: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', CONSOLE_DIR: process.env.TOCK_TEST_CONSOLE_DIR },
    cwd: new URL('../../../', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/GraphQL:\s+(\S+)/)?.[1];
      if (url && /Try: curl/.test(out)) {
        resolve({ child, url, key: out.match(/admin key: (\S+)/)?.[1] ?? null, signupUrl: out.match(/signup page: (\S+)/)?.[1] ?? null });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

// Resolves with how the process ended: its exit code, or the signal that ended it.
async function stop(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.kill('SIGTERM');
  return exited;
}

describe('first run on a bare machine', () => {
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tock-first-run-'));
  afterEach(async () => {
    await Promise.all(children.map(stop));
  });

  it('creates a demo workspace on SQLite, prints a working admin key, and prints the same key on the next start', async () => {
    const first = await start(dataDir);
    children.push(first.child);
    expect(first.key).toMatch(/^tock_/);
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.key}` },
      body: JSON.stringify({ query: '{ me { role workspace { name smsEnabled } } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { role: 'ADMIN', workspace: { name: 'Demo workspace', smsEnabled: false } } } });
    // The console it prints is served, and the demo study's signup page offers upcoming sessions.
    const consoleUrl = first.url.replace(/\/graphql$/, '/console/');
    expect((await fetch(consoleUrl)).headers.get('content-type')).toMatch(/text\/html/);
    expect(first.signupUrl).toMatch(/\/console\/invite\/\S+$/);
    const token = first.signupUrl!.split('/').pop();
    const invite = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($t: String!) { invite(token: $t) { studyName sessions { startsAt } } }', variables: { t: token } }),
    });
    const { data } = (await invite.json()) as { data: { invite: { studyName: string; sessions: { startsAt: string }[] } } };
    expect(data.invite.studyName).toBe('Demo study');
    expect(data.invite.sessions).toHaveLength(3);
    expect(data.invite.sessions.every((s) => new Date(s.startsAt).getTime() > Date.now())).toBe(true);
    // SIGTERM shuts down cleanly.
    expect(await stop(first.child)).toBe(0);

    const second = await start(dataDir);
    children.push(second.child);
    expect(second.key).toBe(first.key);
    // The same demo study, not a second one.
    expect(second.signupUrl).toBe(first.signupUrl);
    await stop(second.child);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
