import { query } from '@solidjs/router';
import { gql } from '../../lib/graphql';
import { isAdmin } from '../../lib/session';

export interface JobCount {
  name: string;
  running: number;
  retrying: number;
  overdue: number;
  dueSoon: number;
  scheduled: number;
  failed: number;
}

export interface QueuedJob {
  id: string;
  name: string;
  state: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lockedAt: string | null;
  failCount: number | null;
  failReason: string | null;
  system: boolean;
  message: { id: string; kind: string; status: string; recipientPhone: string | null; errorCode: string | null; participant: { name: string } | null; employee: { name: string } | null } | null;
}

export interface JobQueue {
  store: string;
  generatedAt: string;
  dueSoonMinutes: number;
  partial: boolean;
  counts: JobCount[];
  next: QueuedJob[];
  oldestOverdue: QueuedJob | null;
}

const JOB = 'id name state nextRunAt lastRunAt lockedAt failCount failReason system message { id kind status recipientPhone errorCode participant { name } employee { name } }';

const JOB_QUEUE = /* GraphQL */ `
  query ConsoleJobQueue {
    jobQueue { store generatedAt dueSoonMinutes partial counts { name running retrying overdue dueSoon scheduled failed } next { ${JOB} } oldestOverdue { ${JOB} } }
  }
`;

// C2 (ADMIN on the server too).
export const getJobQueue = query(async (): Promise<JobQueue> => (await gql<{ jobQueue: JobQueue }>(JOB_QUEUE)).jobQueue, 'jobQueue');

export function preloadJobQueue(): void {
  if (isAdmin()) void getJobQueue();
}
