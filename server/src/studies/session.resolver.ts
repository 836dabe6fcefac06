import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../common/tock-error.js';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { Booking } from './booking.entity.js';
import { CreateSessionInput, RescheduleSessionInput, SendDayOfUpdateInput, SessionChangePayload } from './dtos/session.inputs.js';
import { SessionStatus } from './session-status.enum.js';
import { StudySession } from './study-session.entity.js';
import { Study } from './study.entity.js';

const SessionConnection = Connection(StudySession, 'Session');

@Resolver(() => StudySession)
export class SessionResolver {
  @Authorized()
  @Query(() => SessionConnection, { description: 'Soonest first; from is inclusive, to exclusive' })
  sessions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('studyId', () => ID, { nullable: true }) studyId: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Arg('status', () => SessionStatus, { nullable: true }) status: SessionStatus | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.sessions.list(workspaceActor(ctx).workspaceId, { studyId, from, to, status }, page);
  }

  @Authorized()
  @Mutation(() => StudySession)
  createSession(@Arg('input', () => CreateSessionInput) input: CreateSessionInput, @Ctx() ctx: GraphQLContext): Promise<StudySession> {
    const { workspaceId } = workspaceActor(ctx);
    return ctx.services.sessions.createOnce(workspaceId, input);
  }

  @Authorized()
  @Mutation(() => SessionChangePayload, { description: 'S6: move a session; booked participants get SCHEDULE_CHANGE and their reminder moves' })
  rescheduleSession(@Arg('input', () => RescheduleSessionInput) input: RescheduleSessionInput, @Ctx() ctx: GraphQLContext): Promise<SessionChangePayload> {
    return ctx.services.sessionChanges.reschedule(workspaceActor(ctx).workspaceId, input.sessionId, input.startsAt);
  }

  @Authorized()
  @Mutation(() => SessionChangePayload, { description: 'S6: cancel a session; booked participants get CANCELLATION and no reminder' })
  cancelSession(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: GraphQLContext): Promise<SessionChangePayload> {
    return ctx.services.sessionChanges.cancel(workspaceActor(ctx).workspaceId, sessionId);
  }

  @Authorized()
  @Mutation(() => SessionChangePayload, { description: 'A fixed day-of update to everyone booked on the session' })
  sendDayOfUpdate(@Arg('input', () => SendDayOfUpdateInput) input: SendDayOfUpdateInput, @Ctx() ctx: GraphQLContext): Promise<SessionChangePayload> {
    return ctx.services.sessionChanges.dayOfUpdate(workspaceActor(ctx).workspaceId, input.sessionId, input.update, input.idempotencyKey);
  }

  @Authorized()
  @FieldResolver(() => Study)
  async study(@Root() session: StudySession, @Ctx() ctx: GraphQLContext): Promise<Study> {
    const found = await ctx.loaders.study.load(session.studyId);
    if (!found) throw notFound('Study');
    return found;
  }

  @Authorized()
  @FieldResolver(() => [Booking])
  bookings(@Root() session: StudySession, @Ctx() ctx: GraphQLContext): Promise<Booking[]> {
    return ctx.loaders.bookingsBySession.load(session.id);
  }
}
