import 'reflect-metadata';
import { hostname } from 'node:os';
import type { Agenda } from 'agenda';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { watchRedis } from '../common/redis-link.js';
import { describeStores, reachStore, STORE_CONNECT_DEADLINE_MS } from '../common/store-startup.js';
import { bridgeCommsEventsToRedis } from '../comms-log/redis-comms-bridge.js';
import type { Config } from '../config/config.js';
import { bridgeConsentEventsToRedis } from '../consent/redis-consent-bridge.js';
import { createDataSource } from './data-source.js';
import { runMigrationsLocked } from '../db/migrations-lock.js';
import type { QueryCounter } from '../db/query-counter.js';
import { createAgenda } from '../jobs/agenda.factory.js';
import { AgendaMessageScheduler } from '../jobs/agenda-message-scheduler.js';
import { keepHeldLocks, type RenewsHeldLocks } from '../jobs/held-locks.js';
import { createJobBackend, interceptConnect } from '../jobs/job-backend.js';
import { ensureMongoJobIndexes } from '../jobs/mongo-indexes.js';
import { SqlJobBackend } from '../jobs/sql-backend/sql-job.backend.js';
import { defineTockJobs, startWorker } from '../jobs/tock-jobs.js';
import { RunningJobs, stopWorker, type WorkerStopReport } from '../jobs/worker-stop.js';
import { createDeliveryProviders, type DeliveryProviders } from '../messaging/providers/create-delivery-providers.js';
import { TockMetrics } from '../observability/metrics.js';
import type { DependencyCheck } from '../observability/readiness.js';
import { observeTexts } from '../observability/text-events.js';
import { bridgeKeyRevocationsToRedis } from '../workspaces/redis-key-revocation-bridge.js';
import { bridgeWorkspaceAlertsToRedis } from '../workspaces/redis-workspace-alerts-bridge.js';
import { createServices, type Services } from './services.js';

/** What the server holds for its lifetime: configuration, stores, jobs and the domain services. */
export interface App {
  config: Config;
  dataSource: DataSource;
  queryCounter: QueryCounter;
  agenda: Agenda;
  providers: DeliveryProviders;
  services: Services;
  /** O2: this process's metrics. */
  metrics: TockMetrics;
  /** O3: what /readyz checks (the database, the job store, Redis when used). */
  dependencies: DependencyCheck[];
  /** O3/L6: set when a graceful stop begins; /readyz answers 503 from then on. */
  readonly draining: boolean;
  /** Starts processing jobs (the worker role). */
  startWorker(): Promise<void>;
  /**
   * L6, the first step of a graceful stop: /readyz answers 503, no job is
   * started or claimed any more, jobs held but not started are handed back,
   * and running sends finish (for up to timeoutMs).
   */
  drain(timeoutMs?: number): Promise<WorkerStopReport>;
  close(): Promise<void>;
}

export async function createApp(config: Config): Promise<App> {
  const quiet = config.env === 'test';
  const stores = describeStores(config);
  const { dataSource, queryCounter } = createDataSource(config.database, { quiet });
  await reachStore('database', stores.database, dataSource.initialize(), Date.now() + STORE_CONNECT_DEADLINE_MS);
  // O4: one process migrates at a time; the others wait, then find nothing to do.
  await runMigrationsLocked(dataSource);
  // The other stores' time starts now: waiting for another process's migrations is no outage
  // (four processes started together used it up, and one gave up on its Redis "within 0 s").
  const deadline = Date.now() + STORE_CONNECT_DEADLINE_MS;

  const { backend, connected: jobStoreConnected } = interceptConnect(createJobBackend(config, dataSource));
  const agenda = createAgenda(backend, {
    processEvery: config.jobs.processEveryMs,
    defaultLockLifetime: config.jobs.lockLifetimeMs,
    name: `${hostname()}:${process.pid}`,
    // Run history where it is kept for a set time (JOBS_LOG_RETENTION_DAYS): Tock's own store.
    logging: backend instanceof SqlJobBackend && backend.logger !== undefined,
  });
  // Agenda connects at once; its failure is caught now and reported when awaited below.
  const jobStoreReady = reachStore('job store', stores.jobStore, jobStoreConnected.then(() => agenda.ready), deadline);
  jobStoreReady.catch(() => undefined);
  const metrics = new TockMetrics();
  const providers = createDeliveryProviders(config, { quiet, metrics });
  const services = createServices(config, dataSource, { agenda, scheduler: new AgendaMessageScheduler(agenda), providers, metrics });
  observeTexts(services.events, metrics);
  // A8: limits counted in Redis from the first request, when Redis is there.
  await services.abuse.store.ready();
  // L4: with Redis, log and consent events reach subscribers on every process.
  const bridges = config.redisUrl
    ? await reachStore(
        'event relay (Redis)',
        stores.eventRelay,
        Promise.all([
          bridgeCommsEventsToRedis(services.events, config.redisUrl),
          bridgeConsentEventsToRedis(services.consentEvents, config.redisUrl),
          bridgeKeyRevocationsToRedis(services.keyRevocations, config.redisUrl),
          bridgeWorkspaceAlertsToRedis(services.workspaceAlerts, config.redisUrl),
        ]),
        deadline,
      )
    : [];
  const redisProbe = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 }) : null;
  if (redisProbe && config.redisUrl) {
    watchRedis(redisProbe, config.redisUrl);
    redisProbe.connect().catch(() => undefined);
  }
  const dependencies: DependencyCheck[] = [
    { name: 'database', target: stores.database, check: () => dataSource.query('SELECT 1') },
    // The job store answers the count a worker's next poll would need.
    { name: 'jobStore', target: stores.jobStore, check: () => agenda.db.getQueueSize() },
    ...(redisProbe ? [{ name: 'redis', target: stores.eventRelay, check: () => redisProbe.ping() }] : []),
  ];
  metrics.watchQueues(() => agenda.getJobsOverview());
  const running = new RunningJobs(agenda);
  // L6: jobs held but not started keep their locks while the worker runs (held-locks.ts).
  let stopKeepingLocks = () => undefined as void;
  let draining = false;
  let drained: Promise<WorkerStopReport> | null = null;
  const drain = (timeoutMs = config.jobs.shutdownTimeoutMs) =>
    (drained ??= (async () => {
      draining = true;
      // A send not yet claimed goes back to the store rather than start now.
      services.delivery.stopClaiming();
      stopKeepingLocks();
      await agenda.ready;
      return stopWorker(agenda, running, timeoutMs);
    })());
  const app: App = {
    config,
    dataSource,
    queryCounter,
    agenda,
    providers,
    services,
    metrics,
    dependencies,
    get draining() {
      return draining;
    },
    startWorker: async () => {
      await startWorker(agenda);
      const store = backend.repository as Partial<RenewsHeldLocks>;
      stopKeepingLocks = keepHeldLocks(agenda, store, Math.max(100, Math.floor(config.jobs.lockLifetimeMs / 3)));
    },
    drain,
    close: async () => {
      // Running sends finish (or the timeout passes) before anything they need is closed.
      await drain();
      // Every process connects the store's notification channel, not only a started worker.
      await backend.notificationChannel?.disconnect();
      // The worker stopped with its store still open (the drain needed it); close it now and
      // write Tock's store's last log entries.
      await backend.disconnect();
      await providers.close();
      await Promise.all(bridges.map((close) => close()));
      await services.abuse.store.close();
      redisProbe?.disconnect();
      await dataSource.destroy();
    },
  };
  // Each job gets the one service it calls.
  defineTockJobs(agenda, {
    config,
    metrics,
    delivery: services.delivery,
    sendPace: services.sendPace,
    carrierLookups: services.carrierLookups,
    schedulePublishing: services.schedulePublishing,
    reconciler: services.reconciler,
    optInConfirmations: services.optInConfirmations,
    sendPlanner: services.sendPlanner,
    fanOut: { schedulePublishing: services.schedulePublishing, sessionChanges: services.sessionChanges },
  });
  await jobStoreReady;
  // Item 7: the indexes Tock's job lookups need, where jobs live in MongoDB.
  if (config.jobsUrl?.startsWith('mongodb')) await ensureMongoJobIndexes(config.jobsUrl);
  return app;
}
