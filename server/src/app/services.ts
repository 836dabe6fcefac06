import type { ResolverServices } from '../graphql/context.js';
import type { Agenda } from 'agenda';
import type { DataSource } from 'typeorm';
import { createAbuseServices, type AbuseServices } from '../abuse/abuse-services.js';
import { CommitOutbox } from '../common/commit-outbox.js';
import { CommsEvents } from '../comms-log/comms-events.js';
import { MessageChannel } from '../comms-log/comms-log.enums.js';
import { CommsLogHistory } from '../comms-log/comms-log-history.writer.js';
import { CommsLogService } from '../comms-log/comms-log.service.js';
import type { Config } from '../config/config.js';
import { ConsentAuditService } from '../consent/consent-audit.service.js';
import { ConsentEvents } from '../consent/consent-events.js';
import { ConsentService } from '../consent/consent.service.js';
import { NumberConsentService } from '../consent/number-consent.service.js';
import { OptOutRegistry } from '../consent/opt-out-registry.service.js';
import { BulkSmsOptInService } from '../employees/bulk-sms-opt-in.service.js';
import { CarrierLookupService } from '../employees/carrier-lookup.service.js';
import { EmployeeImportService } from '../employees/employee-import.service.js';
import { EmployeeService } from '../employees/employee.service.js';
import { SchedulePublishingService } from '../employees/schedule-publishing.service.js';
import { ScheduleService } from '../employees/schedule.service.js';
import { TimeOffService } from '../employees/time-off.service.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { AgendaJobQueueReader, SqlJobQueueReader } from '../jobs/queue/job-queue.readers.js';
import { JobQueueService } from '../jobs/queue/job-queue.service.js';
import { JobRunHistoryService } from '../jobs/run-log/job-run-history.service.js';
import { requestCarrierLookup, requestCarrierLookups } from '../jobs/tock-jobs.js';
import { isShutDownGatewayDomain } from '../messaging/carrier/carrier-gateways.js';
import { DeliveryService, type DeliveryChannels } from '../messaging/delivery/delivery.service.js';
import type { FanOutLog, FanOutScheduler } from '../messaging/delivery/fan-out.js';
import type { MessageScheduler } from '../messaging/delivery/message-intent.js';
import { MessagePreview } from '../messaging/delivery/message-preview.service.js';
import { MessageResendService } from '../messaging/delivery/message-resend.service.js';
import { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { ReconcilerService } from '../messaging/delivery/reconciler.service.js';
import { SendFactsLoader } from '../messaging/delivery/send-facts.loader.js';
import { SendPace } from '../messaging/delivery/send-pace.js';
import { SendPlannerService } from '../messaging/delivery/send-planner.service.js';
import { InboundMessageService } from '../messaging/keywords/inbound-message.service.js';
import type { DeliveryProviders } from '../messaging/providers/create-delivery-providers.js';
import { measuredProvider, measuredSend } from '../messaging/providers/provider-metrics.js';
import { ratePlan } from '../messaging/rate-limit/create-rate-limiter.js';
import { logWindowMs, rateSteps } from '../messaging/rate-limit/rate-plan.js';
import { DeliveryReceiptService } from '../messaging/webhooks/delivery-receipt.service.js';
import { vonageNumberToE164 } from '../messaging/webhooks/vonage-number.util.js';
import { log } from '../observability/logger.js';
import type { TockMetrics } from '../observability/metrics.js';
import { ManageBookingService } from '../studies/manage-booking.service.js';
import { ParticipantService } from '../studies/participant.service.js';
import { ReminderReconciler } from '../studies/reminder-reconciler.service.js';
import { SessionChangesService } from '../studies/session-changes.service.js';
import { SessionService } from '../studies/session.service.js';
import { SignupService } from '../studies/signup.service.js';
import { StudyService } from '../studies/study.service.js';
import { ApiKeyService } from '../workspaces/api-key.service.js';
import { KeyRevocations } from '../workspaces/key-revocations.js';
import { WorkspaceAlerts } from '../workspaces/workspace-alerts.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';

/** Every domain service of one process, built once by `createServices`. */
export interface Services extends Omit<ResolverServices, 'abuse'> {
  /** Resolvers see only the breaker; the root needs the store, limits and challenge too. */
  abuse: AbuseServices;
  carrierLookups: CarrierLookupService;
  consent: ConsentService;
  /** L4: live consent changes (subscriptions, the Redis relay). */
  consentEvents: ConsentEvents;
  delivery: DeliveryService;
  deliveryReceipts: DeliveryReceiptService;
  /** L4: live log entries (subscriptions, metrics, the Redis relay). */
  events: CommsEvents;
  idempotency: IdempotencyService;
  inbound: InboundMessageService;
  jobRuns: JobRunHistoryService;
  keyRevocations: KeyRevocations;
  numberConsent: NumberConsentService;
  optInConfirmations: OptInConfirmations;
  reconciler: ReconcilerService;
  /** L8: pulls forward bursts the rate cannot carry by their due times. */
  sendPlanner: SendPlannerService;
  /** L8: how fast this process's sends go (the send job records them). */
  sendPace: SendPace;
  workspaceAlerts: WorkspaceAlerts;
}

/** What the services are built on besides configuration and the database. */
interface Infrastructure {
  agenda: Agenda;
  scheduler: MessageScheduler & FanOutScheduler;
  providers: DeliveryProviders;
  metrics: TockMetrics;
}

// L8: plans assume a tenth less than the cap, so an early start is early enough.
const PLAN_STEP_MARGIN = 1.1;

export function createServices(config: Config, dataSource: DataSource, { agenda, scheduler, providers, metrics }: Infrastructure): Services {
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
  const workspaces = new WorkspaceService(dataSource, apiKeys, config.defaultPhoneCountry, config.abuse.pumpingBudgetPerHour, alertOutbox, idempotency);
  const optInConfirmations = new OptInConfirmations(dataSource, delivery, events);
  // K2/K3/K7: what a handset's STOP or START (or its carrier's) does to everyone with the number.
  const numberConsent = new NumberConsentService(optOuts, consent);
  const studies = new StudyService(dataSource, idempotency);
  // L8: how fast this process's sends go (the send job records them), for bursts the pipeline cannot carry at the cap.
  const plan = ratePlan(config);
  const sendPace = new SendPace(config.jobs.sendConcurrency, { windowMs: logWindowMs(plan), perSecond: plan.perSecond });
  delivery.recordAnswer = (ms) => sendPace.recordAnswer(ms);
  const sendPlanner = new SendPlannerService(dataSource, scheduler, {
    horizonMs: config.sendPlanHorizonMs,
    // L8: the key's step, with room for the pipeline not quite reaching the cap.
    stepMs: rateSteps(plan).keyMs * PLAN_STEP_MARGIN,
    pace: sendPace,
    paceMargin: PLAN_STEP_MARGIN,
  });
  delivery.planStarts = (entryIds) => sendPlanner.startsFor(entryIds);
  // Item 9: fan-out progress goes to the log (quiet under test, as every line is).
  const fanOutLog: FanOutLog = (line) => log.info(line);
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
    resend: new MessageResendService(dataSource, delivery, idempotency, history, (manager, note) => workspaces.recordAudit(manager, note)),
    messagePreview: new MessagePreview(facts, brand),
    reconciler: new ReconcilerService(dataSource, delivery, scheduler, config.sendInterruptedAfterMs, new ReminderReconciler(dataSource, delivery)),
    sendPlanner,
    sendPace,
    numberConsent,
    inbound: new InboundMessageService(dataSource, delivery, numberConsent, facts, events, {
      brand,
      defaultSender: vonageNumberToE164(config.vonage.from),
    }),
    deliveryReceipts: new DeliveryReceiptService(dataSource, delivery, numberConsent),
    apiKeys,
    commsLog: new CommsLogService(dataSource, config.defaultPhoneCountry),
    consent,
    consentAudit: new ConsentAuditService(dataSource, config.defaultPhoneCountry),
    optOuts,
    idempotency,
    studies,
    sessions: new SessionService(dataSource, studies, idempotency),
    sessionChanges: new SessionChangesService(dataSource, delivery, brand, config.publicUrl, { scheduler, log: fanOutLog }),
    participants: new ParticipantService(dataSource, consent, config.defaultPhoneCountry, delivery, optInConfirmations),
    signup: new SignupService(
      dataSource,
      consent,
      idempotency,
      delivery,
      optInConfirmations,
      { brandName: config.brandName, publicUrl: config.publicUrl, defaultPhoneCountry: config.defaultPhoneCountry, defaultSender },
      {
        limits: abuse.limits,
        challenge: abuse.challenge,
        breaker: abuse.breaker,
        tripBreaker: (manager, workspaceId, now) => workspaces.tripPumpingBreaker(manager, workspaceId, now),
      },
    ),
    manageBooking: new ManageBookingService(dataSource, consent, delivery, abuse.limits),
    workspaces,
    employees: new EmployeeService(
      dataSource,
      consent,
      config.defaultPhoneCountry,
      (employeeId) => requestCarrierLookup(agenda, employeeId),
      delivery,
      optInConfirmations,
      idempotency,
    ),
    carrierLookups: new CarrierLookupService(dataSource, providers.carrierLookup),
    bulkSmsOptIn: new BulkSmsOptInService(dataSource, consent, optInConfirmations),
    employeeImport: new EmployeeImportService(dataSource, consent, idempotency, optInConfirmations, config.defaultPhoneCountry, (employeeIds) =>
      requestCarrierLookups(agenda, employeeIds),
    ),
    schedules: new ScheduleService(dataSource),
    timeOff: new TimeOffService(dataSource, delivery, idempotency),
    schedulePublishing: new SchedulePublishingService(dataSource, delivery, { scheduler, log: fanOutLog }),
  };
}

// C2: Tock's own SQL store is read through its indexes; the official backends through Agenda's query API.
function jobQueueService(config: Config, dataSource: DataSource, agenda: Agenda): JobQueueService {
  const url = config.jobsUrl ?? '';
  if (url.startsWith('mongodb')) return new JobQueueService(dataSource, new AgendaJobQueueReader(agenda), 'MONGODB');
  if (url.startsWith('redis')) return new JobQueueService(dataSource, new AgendaJobQueueReader(agenda), 'REDIS');
  return new JobQueueService(dataSource, new SqlJobQueueReader(dataSource), 'SQL');
}
