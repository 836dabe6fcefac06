import { Agenda, type AgendaBackend } from 'agenda';

interface AgendaFactoryOptions {
  /** How often the worker looks for due jobs, in ms. */
  processEvery: number;
  /** Names the worker in each job's lastModifiedBy. */
  name?: string;
  /** How long a job may run without touch() before another worker may take it over, in ms. */
  defaultLockLifetime?: number;
  /** Writes each job's runs to the backend's job log (Agenda's JobLogger). */
  logging?: boolean;
}

// An Agenda on the given backend, not started: the caller defines jobs first.
export function createAgenda(backend: AgendaBackend, options: AgendaFactoryOptions): Agenda {
  return new Agenda({
    backend,
    processEvery: options.processEvery,
    ...(options.name !== undefined && { name: options.name }),
    ...(options.defaultLockLifetime !== undefined && { defaultLockLifetime: options.defaultLockLifetime }),
    ...(options.logging && { logging: true }),
  });
}
