import 'reflect-metadata';
import { hostname } from 'node:os';
import { log } from '../observability/logger.js';
import type { Agenda } from 'agenda';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createAbuseServices } from '../abuse/abuse-services.js';
import { CommsEvents } from '../comms-log/comms-events.js';
import { CommitOutbox } from '../common/commit-outbox.js';
import { MessageChannel } from '../comms-log/comms-log.enums.js';
import { CommsLogHistory } from '../comms-log/comms-log-history.writer.js';
import { CommsLogService } from '../comms-log/comms-log.service.js';
import { bridgeCommsEventsToRedis } from '../comms-log/redis-comms-bridge.js';
import type { Config } from '../config/config.js';
import { watchRedis } from '../common/redis-link.js';
import { describeStores, reachStore, STORE_CONNECT_DEADLINE_MS } from '../common/store-startup.js';
import { ConsentAuditService } from '../consent/consent-audit.service.js';
import { ConsentEvents } from '../consent/consent-events.js';
import { ConsentService } from '../consent/consent.service.js';
import { bridgeConsentEventsToRedis } from '../consent/redis-consent-bridge.js';
import { OptOutRegistry } from '../consent/opt-out-registry.service.js';
import { createDataSource } from '../db/data-source.js';
import { runMigrationsLocked } from '../db/migrations-lock.js';
import type { QueryCounter } from '../db/query-counter.js';
import { BulkSmsOptInService } from '../employees/bulk-sms-opt-in.service.js';
import { EmployeeImportService } from '../employees/employee-import.service.js';
import { CarrierLookupService } from '../employees/carrier-lookup.service.js';
import { EmployeeService } from '../employees/employee.service.js';
import { SchedulePublishingService } from '../employees/schedule-publishing.service.js';
import { ScheduleService } from '../employees/schedule.service.js';
import { TimeOffService } from '../employees/time-off.service.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { createAgenda } from '../jobs/agenda.factory.js';
import { AgendaMessageScheduler } from '../jobs/agenda-message-scheduler.js';
import { createJobBackend, interceptConnect } from '../jobs/job-backend.js';
import { AgendaJobQueueReader, SqlJobQueueReader } from '../jobs/queue/job-queue.readers.js';
import { JobQueueService } from '../jobs/queue/job-queue.service.js';
import { JobRunHistoryService } from '../jobs/run-log/job-run-history.service.js';
import { SqlJobBackend } from '../jobs/sql-backend/sql-job.backend.js';
import { defineTockJobs, requestCarrierLookup, requestCarrierLookups, startWorker } from '../jobs/tock-jobs.js';
import { RunningJobs, stopWorker, type WorkerStopReport } from '../jobs/worker-stop.js';
import { isShutDownGatewayDomain } from '../messaging/carrier/carrier-gateways.js';
import { DeliveryService, type DeliveryChannels } from '../messaging/delivery/delivery.service.js';
import type { MessageScheduler } from '../messaging/delivery/message-intent.js';
import { MessagePreview } from '../messaging/delivery/message-preview.service.js';
import { MessageResendService } from '../messaging/delivery/message-resend.service.js';
import { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { ReconcilerService } from '../messaging/delivery/reconciler.service.js';
import { SendFactsLoader } from '../messaging/delivery/send-facts.loader.js';
import { createDeliveryProviders, type DeliveryProviders } from '../messaging/providers/create-delivery-providers.js';
import { measuredProvider, measuredSend } from '../messaging/providers/provider-metrics.js';
import { observeTexts } from '../observability/text-events.js';
import { TockMetrics } from '../observability/metrics.js';
import type { DependencyCheck } from '../observability/readiness.js';
import { createStudyServices } from '../studies/study-services.js';
import { ApiKeyService } from '../workspaces/api-key.service.js';
import { KeyRevocations } from '../workspaces/key-revocations.js';
import { bridgeKeyRevocationsToRedis } from '../workspaces/redis-key-revocation-bridge.js';
import { bridgeWorkspaceAlertsToRedis } from '../workspaces/redis-workspace-alerts-bridge.js';
import { WorkspaceAlerts } from '../workspaces/workspace-alerts.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';

/** What the server holds for its lifetime: configuration, stores, jobs and the domain services. */
export interface App {
  config: Config;
  dataSource: DataSource;
  queryCounter: QueryCounter;
  agenda: Agenda;
  providers: DeliveryProviders;
  services: ReturnType<typeof createServices>;
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

interface Infrastructure {
  agenda: Agenda;
  scheduler: MessageScheduler;
  providers: DeliveryProviders;
  metrics: TockMetrics;
}

function createServices(config: Config, dataSource: DataSource, { agenda, scheduler, providers, metrics }: Infrastructure) {
  const keyRevocations = new KeyRevocations();
  const apiKeys = new ApiKeyService(dataSource, config.platformToken, keyRevocations);
  const consentEvents = new ConsentEvents();
  const consentOutbox = new CommitOutbox(consentEvents);
  dataSource.subscribers.push(consentOutbox);
  const consent = new ConsentService(consentOutbox);
  const idempotency = new IdempotencyService(dataSource);
  const events = new CommsEvents();
  const channels: DeliveryChannels = {
    // O2: provider calls are timed and their errors counted on their way out.
    sms: providers.sms && measuredProvider(providers.sms, metrics),
    email: providers.emailGateway && {
      sendVia: (domain, sms) => measuredSend(MessageChannel.EMAIL_GATEWAY, (s) => providers.emailGateway!.sendVia(domain, s), metrics)(sms),
    },
    // E8: a gateway known to be shut down is never used, whatever was stored.
    gatewayUsable: (domain) => !isShutDownGatewayDomain(domain),
  };
  const defaultSender = config.vonage.from ?? null;
  const optOuts = new OptOutRegistry(dataSource);
  const facts = new SendFactsLoader(dataSource, {
    hasChannel: !!(providers.sms || providers.emailGateway),
    defaultSender,
    publicUrl: config.publicUrl,
    defaultPhoneCountry: config.defaultPhoneCountry,
  });
  const brand = { name: config.brandName, supportContact: config.supportContact };
  // C2: one timeline writer for every service that changes an entry.
  const history = new CommsLogHistory(dataSource);
  const delivery = new DeliveryService(dataSource, facts, channels, scheduler, events, brand, history);
  const abuse = createAbuseServices(config, (line) => log.warn(line));
  const workspaceAlerts = new WorkspaceAlerts();
  const alertOutbox = new CommitOutbox(workspaceAlerts);
  dataSource.subscribers.push(alertOutbox);
  const workspaces = new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry, config.abuse.pumpingBudgetPerHour, alertOutbox);
  const optInConfirmations = new OptInConfirmations(dataSource, delivery, events);
  return {
    abuse,
    jobRuns: new JobRunHistoryService(agenda),
    jobQueue: jobQueueService(config, dataSource, agenda),
    events,
    consentEvents,
    workspaceAlerts,
    keyRevocations,
    delivery,
    optInConfirmations,
    resend: new MessageResendService(dataSource, delivery, idempotency, history),
    messagePreview: new MessagePreview(facts, brand),
    reconciler: new ReconcilerService(dataSource, delivery, scheduler, config.sendInterruptedAfterMs),
    apiKeys,
    commsLog: new CommsLogService(dataSource, config.defaultPhoneCountry),
    consent,
    consentAudit: new ConsentAuditService(dataSource, config.defaultPhoneCountry),
    optOuts,
    idempotency,
    ...createStudyServices(config, dataSource, consent, idempotency, delivery, optInConfirmations, abuse, (manager, workspaceId, now) =>
      workspaces.tripPumpingBreaker(manager, workspaceId, now),
    ),
    workspaces,
    employees: new EmployeeService(dataSource, consent, config.defaultPhoneCountry, (employeeId) => requestCarrierLookup(agenda, employeeId), delivery, optInConfirmations),
    carrierLookups: new CarrierLookupService(dataSource, providers.carrierLookup),
    bulkSmsOptIn: new BulkSmsOptInService(dataSource, consent, optInConfirmations),
    employeeImport: new EmployeeImportService(dataSource, consent, idempotency, optInConfirmations, config.defaultPhoneCountry, (employeeIds) =>
      requestCarrierLookups(agenda, employeeIds),
    ),
    schedules: new ScheduleService(dataSource),
    timeOff: new TimeOffService(dataSource, delivery),
    schedulePublishing: new SchedulePublishingService(dataSource, delivery),
  };
}

// C2: Tock's own SQL store is read through its indexes; the official backends through Agenda's query API.
function jobQueueService(config: Config, dataSource: DataSource, agenda: Agenda): JobQueueService {
  const url = config.jobsUrl ?? '';
  if (url.startsWith('mongodb')) return new JobQueueService(dataSource, new AgendaJobQueueReader(agenda), 'MONGODB');
  if (url.startsWith('redis')) return new JobQueueService(dataSource, new AgendaJobQueueReader(agenda), 'REDIS');
  return new JobQueueService(dataSource, new SqlJobQueueReader(dataSource), 'SQL');
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
  let draining = false;
  let drained: Promise<WorkerStopReport> | null = null;
  const drain = (timeoutMs = config.jobs.shutdownTimeoutMs) =>
    (drained ??= (async () => {
      draining = true;
      // A send not yet claimed goes back to the store rather than start now.
      services.delivery.stopClaiming();
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
    startWorker: () => startWorker(agenda),
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
  defineTockJobs(agenda, app);
  await jobStoreReady;
  return app;
}
