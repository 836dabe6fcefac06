import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { JobQueueState } from './job-queue-state.util.js';

registerEnumType(JobQueueState, { name: 'JobQueueState' });

@ObjectType({ description: 'How many jobs of one name stand in each state' })
class JobQueueCount {
  @Field(() => String) name!: string;
  @Field(() => Int) running!: number;
  @Field(() => Int, { description: 'Last run failed; the next attempt is scheduled' }) retrying!: number;
  @Field(() => Int, { description: 'Due over a minute ago and not started' }) overdue!: number;
  @Field(() => Int) dueSoon!: number;
  @Field(() => Int) scheduled!: number;
  @Field(() => Int, { description: 'Retries ran out, in the last 24 hours' }) failed!: number;
}

@ObjectType({ description: 'One job in the queue' })
export class QueuedJob {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => JobQueueState) state!: JobQueueState;
  @Field(() => Date, { nullable: true, description: 'When it runs next: for a retrying job, the next attempt' }) nextRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lockedAt!: Date | null;
  @Field(() => Date, { nullable: true }) failedAt!: Date | null;
  @Field(() => Int, { nullable: true }) failCount!: number | null;
  @Field(() => String, { nullable: true, description: "Why the last run failed (not shown for system jobs, which serve every workspace)" }) failReason!: string | null;
  @Field(() => Boolean, { description: 'A recurring job of the whole service (shift alerts, reconciler), not of this workspace' }) system!: boolean;
  @Field(() => CommsLogEntry, { nullable: true, description: 'The text a send job delivers' }) message!: CommsLogEntry | null;
}

@ObjectType({ description: "The job queue as this workspace's admin may see it: why a text is late" })
export class JobQueue {
  @Field(() => String, { description: 'SQL (the application database), MONGODB or REDIS' }) store!: string;
  @Field(() => Date) generatedAt!: Date;
  @Field(() => Int) dueSoonMinutes!: number;
  @Field(() => Boolean, { description: 'More jobs are due than the view reads at once; the counts cover the earliest ones' }) partial!: boolean;
  @Field(() => [JobQueueCount]) counts!: JobQueueCount[];
  @Field(() => [QueuedJob], { description: 'The next jobs to run (running first, then by due time), at most 100' }) next!: QueuedJob[];
  @Field(() => QueuedJob, { nullable: true, description: 'The job that has waited longest past its due time' }) oldestOverdue!: QueuedJob | null;
}
