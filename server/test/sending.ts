import { In } from 'typeorm';
import { CommsLogEntry } from '../src/comms-log/comms-log-entry.entity.js';
import type { CommsEvents } from '../src/comms-log/comms-events.js';
import type { Env } from '../src/config/config.js';
import { FAN_OUT_JOB, recordFanOut } from '../src/jobs/definitions/fan-out.job.js';
import type { FanOutRequest } from '../src/messaging/delivery/fan-out.js';
import type { MessageIntent } from '../src/messaging/delivery/message-intent.js';
import { startTestServer, type TestDatabase, type TestServer } from './harness.js';
import { startVonageStandIn, type VonageStandIn } from './vonage-stand-in/vonage-stand-in.js';

export const SENDER = '+13306619491';
export const SIGNATURE_SECRET = 'test-signature-secret-0123456789';

export interface SendingServer {
  server: TestServer;
  standIn: VonageStandIn;
  stop(): Promise<void>;
}

/** A Tock server whose Vonage SDK talks to a fresh local stand-in, with short retries. */
export async function startSendingServer(options: { database?: TestDatabase; env?: Env; worker?: boolean } = {}): Promise<SendingServer> {
  const standIn = await startVonageStandIn({ apiKey: 'test-key', apiSecret: 'test-secret', signatureSecret: SIGNATURE_SECRET });
  const server = await startTestServer({
    database: options.database,
    worker: options.worker,
    env: {
      VONAGE_API_KEY: 'test-key',
      VONAGE_API_SECRET: 'test-secret',
      VONAGE_SIGNATURE_SECRET: SIGNATURE_SECRET,
      VONAGE_FROM: SENDER,
      VONAGE_REST_HOST: standIn.url,
      VONAGE_API_HOST: standIn.url,
      SEND_RETRY_BASE_MS: '50',
      SEND_RETRY_MAX_DELAY_MS: '400',
      ...options.env,
    },
  });
  return {
    server,
    standIn,
    stop: async () => {
      await server.stop();
      await standIn.stop();
    },
  };
}

/**
 * Resolves with the first log entry matching `match`, as soon as the comms-log
 * event for it is published (or at once if it is already there). Event-driven:
 * no polling, no sleeps.
 */
export function waitForEntry(
  server: TestServer,
  match: (entry: CommsLogEntry) => boolean,
  options: { timeoutMs?: number; alsoFrom?: CommsEvents[] } = {},
): Promise<CommsLogEntry> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (entry: CommsLogEntry | null, error?: Error) => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      if (entry) resolve(entry);
      else reject(error);
    };
    // Other workers in this process (L2 tests) announce on their own buses.
    const unsubscribers = [server.app.services.events, ...(options.alsoFrom ?? [])].map((events) =>
      events.subscribe(({ entry }) => {
        if (match(entry)) finish(entry);
      }),
    );
    const unsubscribe = () => unsubscribers.forEach((off) => off());
    const timer = setTimeout(() => finish(null, new Error('No matching comms-log entry in time')), timeoutMs);
    void server.app.dataSource
      .getRepository(CommsLogEntry)
      .find()
      .then((entries) => {
        const found = entries.find(match);
        if (found) finish(found);
      });
  });
}

/** All entries of a workspace, oldest first. */
export function entriesOf(server: TestServer, workspaceId: string, kinds?: string[]): Promise<CommsLogEntry[]> {
  return server.app.dataSource.getRepository(CommsLogEntry).find({
    where: { workspaceId, ...(kinds ? { kind: In(kinds) } : {}) } as never,
    order: { id: 'ASC' },
  });
}

/**
 * Item 9, for suites with the worker off: does the work of every fan-out job
 * waiting on the job store (what a worker would run), then removes those jobs.
 */
export async function recordPendingFanOuts(server: TestServer): Promise<number> {
  const { jobs } = await server.app.agenda.queryJobs({ name: FAN_OUT_JOB });
  let recorded = 0;
  for (const job of jobs) recorded += await recordFanOut(server.app.services, job.data as FanOutRequest);
  await server.app.agenda.cancel({ name: FAN_OUT_JOB });
  return recorded;
}

/** Texts recorded in one transaction, then scheduled once it committed, as every caller of the delivery service does. */
export async function recordAndSchedule(server: TestServer, intents: MessageIntent[]): Promise<CommsLogEntry[]> {
  const { dataSource, services } = server.app;
  const created = await dataSource.transaction((manager) => services.delivery.record(manager, intents));
  await services.delivery.schedule(created);
  return created;
}
