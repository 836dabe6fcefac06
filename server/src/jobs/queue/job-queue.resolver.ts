import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../../graphql/context.js';
import { Role } from '../../common/role.enum.js';
import { JobQueue } from './job-queue.types.js';

@Resolver(() => JobQueue)
export class JobQueueResolver {
  @Authorized(Role.ADMIN)
  @Query(() => JobQueue, { description: "C2 (ADMIN): the job queue of this workspace's texts and the system's recurring jobs: counts by state, the next 100 due, the oldest overdue" })
  jobQueue(@Ctx() ctx: GraphQLContext): Promise<JobQueue> {
    return ctx.services.jobQueue.view(workspaceActor(ctx).workspaceId);
  }
}
