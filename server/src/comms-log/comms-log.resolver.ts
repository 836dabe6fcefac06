import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Employee } from '../employees/employee.entity.js';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { Participant } from '../studies/participant.entity.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { CommsLogFilter } from './dtos/comms-log.filter.js';

const CommsLogEntryConnection = Connection(CommsLogEntry, 'CommsLogEntry');

@Resolver(() => CommsLogEntry)
export class CommsLogResolver {
  @Authorized()
  @Query(() => CommsLogEntryConnection, { description: "L1: this workspace's sent, held-back and inbound messages, newest first" })
  commsLog(
    @Arg('filter', () => CommsLogFilter, { nullable: true }) filter: CommsLogFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.app.services.commsLog.list(workspaceActor(ctx).workspaceId, filter ?? {}, page);
  }

  @Authorized()
  @Query(() => CommsLogEntry, { description: 'L1: one entry of the communications log' })
  commsLogEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<CommsLogEntry> {
    return ctx.app.services.commsLog.get(workspaceActor(ctx).workspaceId, id);
  }

  @FieldResolver(() => Participant, { nullable: true, description: 'The participant the message was for, if any' })
  participant(@Root() entry: CommsLogEntry, @Ctx() ctx: GraphQLContext): Promise<Participant | null> | null {
    return entry.participantId ? ctx.loaders.participant.load(entry.participantId) : null;
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The employee the message was for, if any' })
  employee(@Root() entry: CommsLogEntry, @Ctx() ctx: GraphQLContext): Promise<Employee | null> | null {
    return entry.employeeId ? ctx.loaders.employee.load(entry.employeeId) : null;
  }
}
