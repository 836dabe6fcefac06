import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One text's state change, as the comms log announces it (plain fields: no domain types here). */
interface TextChange {
  kind: string;
  status: string;
  skipReason: string | null;
  /** When it was due, and when the provider accepted it (for SENT). */
  dueAt: Date | null;
  sentAt: Date | null;
}

/** A job store's counts for one job name (Agenda's getJobsOverview shape). */
const QUEUE_STATES = ['running', 'scheduled', 'queued', 'failed', 'repeating', 'paused'] as const;
type QueueCounts = { name: string } & Partial<Record<(typeof QUEUE_STATES)[number], number>>;
// Provider calls and GraphQL operations: milliseconds to tens of seconds.
const FAST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
// Lateness of jobs and reminders: under a poll interval is normal, minutes is an incident.
const LATENESS_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

/**
 * O2: every Tock metric, on one registry per process (each test server has its
 * own). Instrumented code calls these few methods; nothing else knows prom-client.
 */
export class TockMetrics {
  readonly registry = new Registry();
  private readonly texts = new Counter({
    name: 'tock_texts_total',
    help: 'Texts entering each state, by kind, status and skip reason',
    labelNames: ['kind', 'status', 'skip_reason'] as const,
    registers: [this.registry],
  });
  private readonly providerSeconds = new Histogram({
    name: 'tock_provider_request_duration_seconds',
    help: 'Time of one request to the SMS provider or email gateway, by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });
  private readonly providerErrors = new Counter({
    name: 'tock_provider_errors_total',
    help: 'Provider answers other than accepted, by channel, outcome (retry or failed) and error code',
    labelNames: ['channel', 'outcome', 'code'] as const,
    registers: [this.registry],
  });
  private readonly jobLag = new Histogram({
    name: 'tock_job_lag_seconds',
    help: 'Time from a job being due to it starting, by job name',
    labelNames: ['job'] as const,
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });
  private readonly sendDelay = new Histogram({
    name: 'tock_text_send_delay_seconds',
    help: 'Time from a text being due to the provider accepting it, by kind (reminders are the ones with a deadline)',
    labelNames: ['kind'] as const,
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });
  private readonly rateLimiterWait = new Histogram({
    name: 'tock_rate_limiter_wait_seconds',
    help: 'Time a send waited for the provider rate limit (L5)',
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });
  private readonly sockets = new Gauge({ name: 'tock_websocket_connections', help: 'Open GraphQL WebSocket connections', registers: [this.registry] });
  private readonly subscriptions = new Gauge({ name: 'tock_graphql_subscriptions', help: 'Active GraphQL subscriptions', registers: [this.registry] });
  private readonly operationSeconds = new Histogram({
    name: 'tock_graphql_operation_duration_seconds',
    help: 'GraphQL operation time over HTTP, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });
  private readonly redisUp = new Gauge({ name: 'tock_redis_up', help: '1 while the Redis event relay is connected', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tock_process_' });
  }

  /** A text entered a state (from the comms-log events of this process). */
  recordText(change: TextChange): void {
    this.texts.inc({ kind: change.kind, status: change.status, skip_reason: change.skipReason ?? '' });
    if (change.status === 'SENT' && change.dueAt && change.sentAt) {
      this.sendDelay.observe({ kind: change.kind }, Math.max(0, (change.sentAt.getTime() - change.dueAt.getTime()) / 1000));
    }
  }

  /** One provider request took `seconds`; anything but sent counts as an error with its code. */
  recordProviderRequest(channel: string, outcome: string, seconds: number, errorCode: string | null): void {
    this.providerSeconds.observe({ channel, outcome }, seconds);
    if (outcome !== 'sent') this.providerErrors.inc({ channel, outcome, code: errorCode ?? 'UNKNOWN' });
  }

  recordJobStart(job: string, dueAt: Date | null, startedAt = new Date()): void {
    if (dueAt) this.jobLag.observe({ job }, Math.max(0, (startedAt.getTime() - dueAt.getTime()) / 1000));
  }

  recordRateLimiterWait(seconds: number): void {
    this.rateLimiterWait.observe(seconds);
  }

  socketOpened(): void {
    this.sockets.inc();
  }
  socketClosed(): void {
    this.sockets.dec();
  }
  subscriptionStarted(): void {
    this.subscriptions.inc();
  }
  subscriptionEnded(): void {
    this.subscriptions.dec();
  }

  recordOperation(operation: string, type: string, seconds: number): void {
    this.operationSeconds.observe({ operation, type }, seconds);
  }

  setRedisUp(up: boolean): void {
    this.redisUp.set(up ? 1 : 0);
  }

  /** Queue depth is read from the job store when scraped, at most every `maxAgeMs`. */
  watchQueues(read: () => Promise<QueueCounts[]>, maxAgeMs = 10_000): void {
    let cached: { at: number; counts: QueueCounts[] } | null = null;
    new Gauge({
      name: 'tock_jobs',
      help: 'Jobs in the job store, by job name and state',
      labelNames: ['job', 'state'] as const,
      registers: [this.registry],
      async collect() {
        if (!cached || Date.now() - cached.at > maxAgeMs) {
          try {
            cached = { at: Date.now(), counts: await read() };
          } catch {
            // An unreachable store shows in /readyz; keep the last counts here.
            if (!cached) return;
          }
        }
        this.reset();
        for (const counts of cached.counts) for (const state of QUEUE_STATES) this.set({ job: counts.name, state }, Number(counts[state] ?? 0));
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
