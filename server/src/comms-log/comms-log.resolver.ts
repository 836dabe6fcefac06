import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../common/tock-error.js';
import { Employee } from '../employees/employee.entity.js';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { requestedNodeFields } from '../graphql/requested-node-fields.util.js';
import { Participant } from '../studies/participant.entity.js';
import { Role } from '../common/role.enum.js';
import { explainProviderCode } from '../messaging/providers/provider-code-explanations.js';
import { CommsLogEntry } from './comms-log-entry.entity.js';
import { CommsLogEvent } from './comms-log-event.entity.js';
import { MessageStatus } from './comms-log.enums.js';
import { CodeExplanation } from './dtos/code-explanation.type.js';
import { MessageText } from './dtos/message-text.type.js';
import { CommsLogFilter } from './dtos/comms-log.filter.js';
import { overviewWindowProblem } from './comms-overview.util.js';
import { CommsOverview } from './dtos/comms-overview.types.js';

const MAX_OVERVIEW_HOURS = 24 * 7;

const CommsLogEntryConnection = Connection(CommsLogEntry, 'CommsLogEntry');

// The columns each computed field below reads; any other field is its own column.
const FIELD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  participant: ['participantId'],
  employee: ['employeeId'],
  history: [],
  errorExplanation: ['errorCode', 'status', 'providerMessageId'],
};

// A page reads only the columns its query shows (a log row is wide: body, provider ids, …).
function columnsFor(info: GraphQLResolveInfo): string[] | undefined {
  return requestedNodeFields(info)?.flatMap((field) => FIELD_COLUMNS[field] ?? [field]);
}

@Resolver(() => CommsLogEntry)
export class CommsLogResolver {
  @Authorized()
  @Query(() => CommsLogEntryConnection, { description: "L1: this workspace's sent, held-back and inbound messages, newest first" })
  commsLog(
    @Arg('filter', () => CommsLogFilter, { nullable: true }) filter: CommsLogFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.commsLog.list(workspaceActor(ctx).workspaceId, filter ?? {}, page, columnsFor(info));
  }

  @Authorized(Role.ADMIN)
  @Query(() => String, { description: 'C2 (ADMIN): the messages matching the filter as CSV, newest first, at most 100,000' })
  exportCommsLog(@Arg('filter', () => CommsLogFilter, { nullable: true }) filter: CommsLogFilter | null, @Ctx() ctx: GraphQLContext): Promise<string> {
    return ctx.services.commsLog.exportCsv(workspaceActor(ctx).workspaceId, filter ?? {});
  }

  @Authorized()
  @Query(() => CommsLogEntry, { description: 'L1: one entry of the communications log' })
  commsLogEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<CommsLogEntry> {
    return ctx.services.commsLog.get(workspaceActor(ctx).workspaceId, id);
  }

  @Authorized()
  @Query(() => MessageText, {
    description: 'C2: the words of one text: as sent, or for one not sent (a skip, still queued) as it would read, rendered now. One entry at a time (it loads the send facts).',
  })
  async messageText(@Arg('entryId', () => ID) entryId: string, @Ctx() ctx: GraphQLContext): Promise<MessageText> {
    const entry = await ctx.services.commsLog.get(workspaceActor(ctx).workspaceId, entryId);
    return ctx.services.messagePreview.text(entry);
  }

  @Authorized()
  @Query(() => CommsOverview, {
    description: 'The console overview: outbound messages of the last `hours` hours (1 to 168) by status, in bins of `binMinutes` (1, 5, 15 or 60; at most 288 bins) and by hour',
  })
  commsOverview(
    @Arg('hours', () => Int, { defaultValue: 24 }) hours: number,
    @Arg('binMinutes', () => Int, { defaultValue: 60 }) binMinutes: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CommsOverview> {
    if (hours < 1 || hours > MAX_OVERVIEW_HOURS) throw badInput('hours', `hours must be from 1 to ${MAX_OVERVIEW_HOURS}`);
    const problem = overviewWindowProblem(hours, binMinutes);
    if (problem) throw badInput('binMinutes', problem);
    return ctx.services.commsLog.overview(workspaceActor(ctx).workspaceId, hours, binMinutes);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CommsLogEntry, {
    description:
      'L9: resend a FAILED (or interrupted) text as a new entry linked to it, decided afresh by the send policy (ADMIN only, audited). A retry with the same idempotencyKey returns the same new entry.',
  })
  resendMessage(@Arg('entryId', () => ID) entryId: string, @Arg('idempotencyKey', () => String) idempotencyKey: string, @Ctx() ctx: GraphQLContext): Promise<CommsLogEntry> {
    return ctx.services.resend.resend(workspaceActor(ctx), entryId, idempotencyKey);
  }

  @FieldResolver(() => Participant, { nullable: true, description: 'The participant the message was for, if any' })
  participant(@Root() entry: CommsLogEntry, @Ctx() ctx: GraphQLContext): Promise<Participant | null> | null {
    return entry.participantId ? ctx.loaders.participant.load(entry.participantId) : null;
  }

  @FieldResolver(() => [CommsLogEvent], { description: 'C2: the status timeline, oldest first (one query per page of entries)' })
  history(@Root() entry: CommsLogEntry, @Ctx() ctx: GraphQLContext): Promise<CommsLogEvent[]> {
    return ctx.loaders.historyByEntry.load(String(entry.id));
  }

  @FieldResolver(() => CodeExplanation, { nullable: true, description: "C2: the entry's error code in words, with what to do" })
  errorExplanation(@Root() entry: CommsLogEntry): CodeExplanation | null {
    // A FAILED entry with a provider id failed at the carrier (its receipt); otherwise Vonage refused the send.
    return explainProviderCode(entry.errorCode, entry.status === MessageStatus.FAILED && entry.providerMessageId ? 'RECEIPT' : 'SUBMISSION');
  }

  @FieldResolver(() => Employee, { nullable: true, description: 'The employee the message was for, if any' })
  employee(@Root() entry: CommsLogEntry, @Ctx() ctx: GraphQLContext): Promise<Employee | null> | null {
    return entry.employeeId ? ctx.loaders.employee.load(entry.employeeId) : null;
  }
}
