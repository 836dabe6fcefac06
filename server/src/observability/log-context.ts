import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written on behalf of one request or one job carries (O1). */
interface LogContext {
  requestId?: string;
  job?: string;
  jobId?: string;
  entryId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with these fields added to the current context; log lines and scheduled jobs pick them up. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
