import type { Agenda } from 'agenda';
import type { TockMetrics } from '../observability/metrics.js';
import { log } from '../observability/logger.js';
import { observedJob, trackDueTimes } from './observed-job.js';
import { carrierLookupJob, CARRIER_LOOKUP_JOB, type CarrierLookupJobData } from './definitions/carrier-lookup.job.js';
import { optInConfirmationsJob, OPT_IN_CONFIRMATIONS_EVERY, OPT_IN_CONFIRMATIONS_JOB } from './definitions/opt-in-confirmations.job.js';
import { fanOutJob } from './definitions/fan-out.job.js';
import { planSendsJob, PLAN_SENDS_EVERY, PLAN_SENDS_JOB } from './definitions/plan-sends.job.js';
import { reconcileJob, RECONCILE_EVERY, RECONCILE_JOB } from './definitions/reconcile.job.js';
import {
  sendMessageJob,
  SEND_MESSAGE_JOB,
  type SendMessageDelivery,
  type SendMessageJobData,
  type SendMessageSettings,
} from './definitions/send-message.job.js';
import { shiftAlertsJob, SHIFT_ALERTS_EVERY, SHIFT_ALERTS_JOB } from './definitions/shift-alerts.job.js';

/** What the job handlers call: one service each, plus the settings send jobs run by. */
interface TockJobDeps {
  config: SendMessageSettings;
  metrics: TockMetrics;
  delivery: SendMessageDelivery;
  /** L8: the send job records each send's time for the send planner. */
  sendPace: Parameters<typeof sendMessageJob>[2];
  carrierLookups: Parameters<typeof carrierLookupJob>[0];
  schedulePublishing: Parameters<typeof shiftAlertsJob>[0];
  reconciler: Parameters<typeof reconcileJob>[0];
  optInConfirmations: Parameters<typeof optInConfirmationsJob>[0];
  sendPlanner: Parameters<typeof planSendsJob>[0];
  fanOut: Parameters<typeof fanOutJob>[0];
}

/** Defines every Tock job on the Agenda; any process may then schedule them. */
export function defineTockJobs(agenda: Agenda, deps: TockJobDeps): void {
  const observe = { metrics: deps.metrics, dueAt: trackDueTimes(agenda.db) };
  const send = sendMessageJob(deps.delivery, deps.config, deps.sendPace);
  agenda.define<SendMessageJobData>(send.name, observedJob(send.name, send.handler, observe), send.options);
  agenda.on(`retry exhausted:${SEND_MESSAGE_JOB}`, (error: Error, job) => {
    void send.onRetriesExhausted(error, job as never).catch((e: unknown) => log.error({ err: e, job: SEND_MESSAGE_JOB }, 'giving up on a text failed'));
  });
  for (const definition of [
    carrierLookupJob(deps.carrierLookups),
    shiftAlertsJob(deps.schedulePublishing),
    reconcileJob(deps.reconciler),
    optInConfirmationsJob(deps.optInConfirmations),
    planSendsJob(deps.sendPlanner),
    fanOutJob(deps.fanOut),
  ]) {
    agenda.define(definition.name, observedJob(definition.name, definition.handler as never, observe), definition.options);
  }
  agenda.on('error', (error: Error) => log.error({ err: error }, 'job store error'));
}

/** The worker role: process due jobs and keep the recurring ones scheduled. */
export async function startWorker(agenda: Agenda): Promise<void> {
  await agenda.start();
  await agenda.every(SHIFT_ALERTS_EVERY, SHIFT_ALERTS_JOB);
  await agenda.every(RECONCILE_EVERY, RECONCILE_JOB);
  await agenda.every(OPT_IN_CONFIRMATIONS_EVERY, OPT_IN_CONFIRMATIONS_JOB);
  await agenda.every(PLAN_SENDS_EVERY, PLAN_SENDS_JOB);
}

/** E7: the carriers of an import's new numbers, in one job (ids only). */
export async function requestCarrierLookups(agenda: Agenda, employeeIds: string[]): Promise<void> {
  await agenda.ready;
  await agenda.create<CarrierLookupJobData>(CARRIER_LOOKUP_JOB, { employeeIds }).schedule(new Date()).save();
}

/** E7: look up the carrier of a newly saved number, soon, in a worker. */
export async function requestCarrierLookup(agenda: Agenda, employeeId: string): Promise<void> {
  await agenda.ready;
  await agenda.create<CarrierLookupJobData>(CARRIER_LOOKUP_JOB, { employeeId }).unique({ 'data.employeeId': employeeId }).schedule(new Date()).save();
}
