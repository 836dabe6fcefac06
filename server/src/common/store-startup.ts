import type { Config } from '../config/config.js';
import { safeUrl } from '../observability/redact.js';

// O3: a store that cannot be reached at start is one clear line naming it and
// its URL (no credentials), and the process exits well within 10 s.
export const STORE_CONNECT_DEADLINE_MS = 6_000;

export class StoreUnreachableError extends Error {
  constructor(
    readonly store: string,
    readonly target: string,
    readonly reason: string,
    /** How long start-up tried, in ms. */
    readonly afterMs: number,
  ) {
    super(`Cannot reach the ${store} (${target}): ${reason}`);
  }
}

/** Awaits `connecting`, failing with StoreUnreachableError by the deadline (epoch ms). */
export async function reachStore<T>(store: string, target: string, connecting: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const waitMs = Math.max(0, deadline - Date.now());
  const afterMs = () => STORE_CONNECT_DEADLINE_MS - Math.max(0, deadline - Date.now());
  try {
    return await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StoreUnreachableError(store, target, `no connection within ${Math.round(waitMs / 100) / 10} s`, afterMs())), waitMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof StoreUnreachableError) throw error;
    const e = error as { code?: string; message?: string };
    throw new StoreUnreachableError(store, target, [e.code, e.message?.split('\n')[0]].filter(Boolean).join(' ') || String(error), afterMs());
  } finally {
    clearTimeout(timer);
  }
}

/** Where each store is, as the banner, readiness and start-up errors name it. */
export function describeStores(config: Config): { database: string; jobStore: string; eventRelay: string } {
  const where = (url: string) => safeUrl(url).replace(/^[a-z+]+:\/\//, '').replace(/\?.*$/, '').replace(/\/$/, '');
  const database =
    config.database.kind === 'sqlite' ? `SQLite at ${config.database.path}` : `${config.database.flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} at ${where(config.database.url)}`;
  const jobs = config.jobsUrl;
  const jobStore = !jobs ? 'the application database' : jobs.startsWith('mongodb') ? `MongoDB at ${where(jobs)}` : `Redis at ${where(jobs)}`;
  const eventRelay = config.redisUrl ? `Redis at ${where(config.redisUrl)}` : 'in-process only (no REDIS_URL)';
  return { database, jobStore, eventRelay };
}
