import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { notFound } from '../common/tock-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { Booking } from './booking.entity.js';
import { Participant } from './participant.entity.js';
import { StudySession } from './study-session.entity.js';

// A booking's relations are for workspace keys; the public signUp answer stops
// at the booking itself (the manage page reads `booking(manageToken)`).
@Resolver(() => Booking)
export class BookingResolver {
  @Authorized()
  @FieldResolver(() => StudySession)
  async session(@Root() booking: Booking, @Ctx() ctx: GraphQLContext): Promise<StudySession> {
    const found = await ctx.loaders.session.load(booking.sessionId);
    if (!found) throw notFound('Session');
    return found;
  }

  @Authorized()
  @FieldResolver(() => Participant)
  async participant(@Root() booking: Booking, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    const found = await ctx.loaders.participant.load(booking.participantId);
    if (!found) throw notFound('Participant');
    return found;
  }
}
