import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaBackend } from 'agenda';
import type { DataSource } from 'typeorm';
import { spawnTock } from '../../../test/tock-process.js';
import { loadConfig } from '../../config/config.js';
import { createAgenda } from '../agenda.factory.js';
import { createJobBackend } from '../job-backend.js';

describe('createJobBackend', () => {
  const dataSource = { isInitialized: true } as DataSource;
  let backend: AgendaBackend | undefined;
  afterEach(async () => {
    await backend?.disconnect();
    backend = undefined;
  });

  it.each([
    ['mongodb://127.0.0.1:27017/tock', 'MongoDB'],
    [undefined, 'Tock SQL'],
  ])('JOBS_URL=%s keeps jobs in %s', (jobsUrl, name) => {
    backend = createJobBackend(loadConfig({ JOBS_URL: jobsUrl }), dataSource);
    expect(backend.name).toBe(name);
  });

  it('JOBS_URL=redis:// is refused at start, saying why and what to use instead', () => {
    expect(() => loadConfig({ JOBS_URL: 'redis://127.0.0.1:6379' })).toThrow(/JOBS_URL: redis:\/\/ job stores are not supported.*SQL job store/);
  });

  it('Item 7: a Tock process started with JOBS_URL=redis:// exits before it opens anything, with one fatal line that says why and what to use', async () => {
    const tock = spawnTock({ NODE_ENV: 'test', LOG_LEVEL: 'info', JOBS_URL: 'redis://127.0.0.1:6379', PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'false', DATA_DIR: '/tmp' });
    expect(await tock.exited, tock.output()).toBe(2);
    const fatal = tock.lines.filter((line) => line.level === 'fatal');
    expect(fatal, tock.output()).toHaveLength(1);
    expect(fatal[0].problems).toEqual([expect.stringMatching(/^JOBS_URL: redis:\/\/ job stores are not supported .*leave JOBS_URL empty for the SQL job store, or use mongodb:\/\//)]);
    // Refused before start: no banner, nothing listening.
    expect(tock.lines.some((line) => line.msg.startsWith('Tock is running'))).toBe(false);
  }, 120_000);

  it('the SQL backend borrows the application database: Agenda never closes it', () => {
    backend = createJobBackend(loadConfig({}), dataSource);
    expect(backend.ownsConnection).toBe(false);
  });

  it('createAgenda configures, but does not start, an Agenda', async () => {
    backend = createJobBackend(loadConfig({}), dataSource);
    const agenda = createAgenda(backend, { processEvery: 250, name: 'worker-1', defaultLockLifetime: 60_000 });
    await agenda.ready;
    expect(agenda.attrs).toMatchObject({ processEvery: 250, name: 'worker-1', defaultLockLifetime: 60_000 });
    expect(agenda.isActiveJobProcessor()).toBe(false);
  });
});
