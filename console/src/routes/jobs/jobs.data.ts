import { query } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsoleJobQueueQuery, QueuedJobFieldsFragment } from '../../gql/graphql';
import { gql } from '../../lib/graphql';
import { isAdmin } from '../../lib/session';

export type JobQueue = ConsoleJobQueueQuery['jobQueue'];
export type JobCount = JobQueue['counts'][number];
export type QueuedJob = QueuedJobFieldsFragment;

graphql(`
  fragment QueuedJobFields on QueuedJob {
    id name state nextRunAt lastRunAt lockedAt failCount failReason system
    message { id kind status recipientPhone errorCode participant { name } employee { name } }
  }
`);

const JOB_QUEUE = graphql(`
  query ConsoleJobQueue {
    jobQueue {
      store generatedAt dueSoonMinutes partial
      counts { name running retrying overdue dueSoon scheduled failed }
      next { ...QueuedJobFields }
      oldestOverdue { ...QueuedJobFields }
    }
  }
`);

// C2 (ADMIN on the server too).
export const getJobQueue = query(async (): Promise<JobQueue> => (await gql(JOB_QUEUE, {})).jobQueue, 'jobQueue');

export function preloadJobQueue(): void {
  if (isAdmin()) void getJobQueue();
}
