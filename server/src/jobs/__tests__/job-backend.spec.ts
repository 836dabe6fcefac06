import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaBackend } from 'agenda';
import type { DataSource } from 'typeorm';
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
