import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A server under test in its own process (its memory and CPU its own), run
// through tsx like the other benches, with the memory probe preloaded.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MEMORY_PROBE = resolve(dirname(fileURLToPath(import.meta.url)), 'memory-probe.ts');

export interface Memory {
  heapUsed: number;
  external: number;
  rss: number;
}

export interface BenchProcess {
  url: string;
  /** Heap, memory outside it, and RSS, after a full garbage collection. */
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

/**
 * Starts `script` (relative to the repository) and resolves once it is ready:
 * when its stdout shows `readyLine`, or, without one, when it sends its port over IPC.
 */
export async function startBenchProcess(script: string, env: Record<string, string>, readyLine?: string, cpuProfileDir?: string): Promise<BenchProcess> {
  // --cpu-prof writes a .cpuprofile (for Chrome DevTools or speedscope) when the process exits.
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', ...profile, '--import', 'tsx', '--import', MEMORY_PROBE, script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const port = await new Promise<number | null>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}: ${stderr}`)));
    if (readyLine) {
      let seen = '';
      const onData = (chunk: Buffer) => {
        seen = (seen + chunk.toString()).slice(-4000);
        if (!seen.includes(readyLine)) return;
        // From here on its log only needs draining, so the server never blocks on a full pipe.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        ready(null);
      };
      child.stdout!.on('data', onData);
    } else {
      child.stdout!.resume();
      child.on('message', (message: { port?: number }) => message.port && ready(message.port));
    }
  });
  // A server that dies under load would leave the bench waiting on requests that never finish.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) throw new Error(`${script} exited during the bench (${code ?? signal}): ${stderr}`);
  });
  const memory = () =>
    new Promise<Memory>((answered) => {
      const onMessage = (message: { memory?: Memory }) => {
        if (!message.memory) return;
        child.off('message', onMessage);
        answered(message.memory);
      };
      child.on('message', onMessage);
      child.send('memory');
    });
  return {
    url: `http://127.0.0.1:${port ?? env.PORT}`,
    memory,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
