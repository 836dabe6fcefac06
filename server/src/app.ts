import 'reflect-metadata';
import { hostname } from 'node:os';
import type { Agenda } from 'agenda';
import type { DataSource } from 'typeorm';
import { CommsEvents } from './comms-log/comms-events.js';
import { CommsLogService } from './comms-log/comms-log.service.js';
import { bridgeCommsEventsToRedis } from './comms-log/redis-comms-bridge.js';
import type { Config } from './config/config.js';
import { ConsentAuditService } from './consent/consent-audit.service.js';
import { ConsentEvents } from './consent/consent-events.js';
import { ConsentOutbox } from './consent/consent-outbox.js';
import { ConsentService } from './consent/consent.service.js';
import { bridgeConsentEventsToRedis } from './consent/redis-consent-bridge.js';
import { OptOutRegistry } from './consent/opt-out-registry.service.js';
import { createDataSource } from './db/data-source.js';
import { runMigrationsLocked } from './db/migrations-lock.js';
import type { QueryCounter } from './db/query-counter.js';
import { BulkSmsOptInService } from './employees/bulk-sms-opt-in.service.js';
import { CarrierLookupService } from './employees/carrier-lookup.service.js';
import { EmployeeService } from './employees/employee.service.js';
import { SchedulePublishingService } from './employees/schedule-publishing.service.js';
import { ScheduleService } from './employees/schedule.service.js';
import { TimeOffService } from './employees/time-off.service.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { createAgenda } from './jobs/agenda.factory.js';
import { AgendaMessageScheduler } from './jobs/agenda-message-scheduler.js';
import { createJobBackend } from './jobs/job-backend.js';
import { defineTockJobs, requestCarrierLookup, startWorker } from './jobs/tock-jobs.js';
import { RunningJobs, stopWorker, type WorkerStopReport } from './jobs/worker-stop.js';
import { isShutDownGatewayDomain } from './messaging/carrier/carrier-gateways.js';
import { DeliveryService, type DeliveryChannels } from './messaging/delivery/delivery.service.js';
import type { MessageScheduler } from './messaging/delivery/message-intent.js';
import { MessageResendService } from './messaging/delivery/message-resend.service.js';
import { ReconcilerService } from './messaging/delivery/reconciler.service.js';
import { SendFactsLoader } from './messaging/delivery/send-facts.loader.js';
import { createDeliveryProviders, type DeliveryProviders } from './messaging/providers/create-delivery-providers.js';
import { createStudyServices } from './studies/study-services.js';
import { ApiKeyService } from './workspaces/api-key.service.js';
import { WorkspaceService } from './workspaces/workspace.service.js';

/** What the server holds for its lifetime: configuration, stores, jobs and the domain services. */
export interface App {
  config: Config;
  dataSource: DataSource;
  queryCounter: QueryCounter;
  agenda: Agenda;
  providers: DeliveryProviders;
  services: ReturnType<typeof createServices>;
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
}

function createServices(config: Config, dataSource: DataSource, { agenda, scheduler, providers }: Infrastructure) {
  const apiKeys = new ApiKeyService(dataSource, config.platformToken);
  const consentEvents = new ConsentEvents();
  const consentOutbox = new ConsentOutbox(consentEvents);
  dataSource.subscribers.push(consentOutbox);
  const consent = new ConsentService(consentOutbox);
  const idempotency = new IdempotencyService(dataSource);
  const events = new CommsEvents();
  const channels: DeliveryChannels = {
    sms: providers.sms,
    email: providers.emailGateway,
    // E8: a gateway known to be shut down is never used, whatever was stored.
    gatewayUsable: (domain) => !isShutDownGatewayDomain(domain),
  };
  const defaultSender = config.vonage.from ?? null;
  const optOuts = new OptOutRegistry(dataSource);
  const facts = new SendFactsLoader(dataSource, {
    hasChannel: !!(providers.sms || providers.emailGateway),
    defaultSender,
    publicUrl: config.publicUrl,
  });
  const brand = { name: config.brandName, supportContact: config.supportContact };
  const delivery = new DeliveryService(dataSource, facts, channels, scheduler, events, brand);
  return {
    events,
    consentEvents,
    delivery,
    resend: new MessageResendService(dataSource, delivery, idempotency),
    reconciler: new ReconcilerService(dataSource, delivery, scheduler, config.sendInterruptedAfterMs),
    apiKeys,
    commsLog: new CommsLogService(dataSource, config.defaultPhoneCountry),
    consent,
    consentAudit: new ConsentAuditService(dataSource, config.defaultPhoneCountry),
    optOuts,
    idempotency,
    ...createStudyServices(config, dataSource, consent, idempotency, delivery),
    workspaces: new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry),
    employees: new EmployeeService(dataSource, consent, config.defaultPhoneCountry, (employeeId) => requestCarrierLookup(agenda, employeeId)),
    carrierLookups: new CarrierLookupService(dataSource, providers.carrierLookup),
    bulkSmsOptIn: new BulkSmsOptInService(dataSource, consent),
    schedules: new ScheduleService(dataSource),
    timeOff: new TimeOffService(dataSource, delivery),
    schedulePublishing: new SchedulePublishingService(dataSource, delivery),
  };
}

export async function createApp(config: Config): Promise<App> {
  const quiet = config.env === 'test';
  const { dataSource, queryCounter } = createDataSource(config.database, { quiet });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);

  const jobBackend = createJobBackend(config, dataSource);
  const agenda = createAgenda(jobBackend, {
    processEvery: config.jobs.processEveryMs,
    defaultLockLifetime: config.jobs.lockLifetimeMs,
    name: `${hostname()}:${process.pid}`,
  });
  const providers = createDeliveryProviders(config, { quiet });
  const services = createServices(config, dataSource, { agenda, scheduler: new AgendaMessageScheduler(agenda), providers });
  // L4: with Redis, log and consent events reach subscribers on every process.
  const bridges = config.redisUrl
    ? await Promise.all([bridgeCommsEventsToRedis(services.events, config.redisUrl), bridgeConsentEventsToRedis(services.consentEvents, config.redisUrl)])
    : [];
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
    get draining() {
      return draining;
    },
    startWorker: () => startWorker(agenda),
    drain,
    close: async () => {
      // Running sends finish (or the timeout passes) before anything they need is closed.
      await drain();
      // The worker stopped with its store still open (the drain needed it); close it now.
      if (jobBackend.ownsConnection) await jobBackend.disconnect();
      await providers.close();
      await Promise.all(bridges.map((close) => close()));
      await dataSource.destroy();
    },
  };
  defineTockJobs(agenda, app);
  await agenda.ready;
  return app;
}
