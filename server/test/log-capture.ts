import { Writable } from 'node:stream';
import { configureLogging, defaultLoggingOptions } from '../src/observability/logger.js';

/**
 * Routes the process logger's JSON lines into an array, for a test that
 * asserts on them (the rest of the suite stays quiet). `restore` puts the
 * quiet default back.
 */
export function captureLogs(level: 'info' | 'debug' = 'info'): { lines: Record<string, unknown>[]; restore(): void } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  configureLogging({ level, format: 'json', destination: destination as never });
  return { lines, restore: () => void configureLogging(defaultLoggingOptions({ nodeEnv: 'test' })) };
}
