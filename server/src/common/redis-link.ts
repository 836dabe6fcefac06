import type { Redis } from 'ioredis';
import { log } from '../observability/logger.js';
import { safeUrl } from '../observability/redact.js';

// O3: every Redis client of a process reports to one link per URL, so losing
// Redis is one line when it goes and one when it is back, not one per retry
// and client (ioredis prints "Unhandled error event" for a client with no
// error listener).
class RedisLink {
  // Unknown until the first connection: failing to connect at start is the start-up error's to report.
  private up = false;
  private lostOnce = false;

  constructor(private readonly url: string) {}

  lost(error: unknown): void {
    if (!this.up) return;
    this.up = false;
    this.lostOnce = true;
    log.error({ redis: safeUrl(this.url), err: error }, 'Redis is unreachable: events between processes and the shared rate limit wait until it is back');
  }

  back(): void {
    if (this.up) return;
    this.up = true;
    if (this.lostOnce) log.info({ redis: safeUrl(this.url) }, 'Redis is reachable again');
  }
}

const links = new Map<string, RedisLink>();

function linkFor(url: string): RedisLink {
  let link = links.get(url);
  if (!link) links.set(url, (link = new RedisLink(url)));
  return link;
}

/** Attaches the process's outage reporting to a client. Returns a reporter for failures seen elsewhere (a failed publish). */
export function watchRedis(client: Redis, url: string): (error: unknown) => void {
  const link = linkFor(url);
  client.on('error', (error: unknown) => link.lost(error));
  client.on('ready', () => link.back());
  return (error) => link.lost(error);
}
