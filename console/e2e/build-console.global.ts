import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// The browser tests drive the console the server serves, so each test run
// builds it from the current source first (about two seconds) into its own
// folder: runs side by side never serve each other's half-written build.
export default async function buildConsole(): Promise<() => void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'tock-console-'));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  process.env.TOCK_TEST_CONSOLE_DIR = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
