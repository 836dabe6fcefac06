import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { Env } from '../src/config/config.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const MYSQL_URL = process.env.TOCK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/** One JSON log line of a Tock process. */
export type LogLine = Record<string, unknown> & { level: string; msg: string; time: string };

export interface TockProcess {
  child: ChildProcess;
  /** The URL from its start-up banner. */
  url: string;
  /** Every JSON line it printed so far. */
  lines: LogLine[];
  /** Everything it printed, as text. */
  output(): string;
  /** Resolves with the first line (already printed or still to come) that matches. */
  waitForLine(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<number | string | null>;
}

/** Runs `server/src/main.ts` (or another entry point) as a real child process with JSON logs. */
export function spawnTock(env: Env, entry = 'server/src/main.ts', args: string[] = []): { child: ChildProcess; lines: LogLine[]; output(): string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let text = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        // Not a log line (a command's own output).
      }
    }
    child.emit('lines');
  });
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, output: () => text, exited };
}

/** Starts a Tock process and resolves once its banner is printed. */
export async function startTockProcess(env: Env): Promise<TockProcess> {
  const { child, lines, output, exited } = spawnTock({ PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'false', DATA_DIR: '/tmp', ...env });
  const waitForLine: TockProcess['waitForLine'] = (match, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const found = lines.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        child.off('lines', check);
        reject(new Error(`no matching log line within ${timeoutMs} ms:\n${output()}`));
      }, timeoutMs);
      const check = () => {
        const line = lines.find(match);
        if (!line) return;
        clearTimeout(timer);
        child.off('lines', check);
        resolve(line);
      };
      child.on('lines', check);
    });
  // Start-up on a loaded machine (tsx compiling the server) can take a while.
  const banner = await Promise.race([
    waitForLine((line) => line.msg.startsWith('Tock is running'), 180_000),
    exited.then((code) => Promise.reject(new Error(`Tock exited with ${code}:\n${output()}`))),
  ]);
  return {
    child,
    url: String(banner.url),
    lines,
    output,
    waitForLine,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
      const done = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
      child.kill('SIGTERM');
      return done;
    },
  };
}

/** A fresh MariaDB database for processes to share; drop() removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tock_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${MYSQL_URL.replace(/^mysql:/, 'mariadb:')}/${name}`,
    drop: async () => {
      const c = await mysql.createConnection(MYSQL_URL);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
