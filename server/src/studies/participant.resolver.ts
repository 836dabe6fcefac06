import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { Booking } from './booking.entity.js';
import { ParticipantFilter, SetParticipantSmsConsentInput } from './dtos/participant.inputs.js';
import { Participant } from './participant.entity.js';

const ParticipantConnection = Connection(Participant, 'Participant');

@Resolver(() => Participant)
export class ParticipantResolver {
  @Authorized()
  @Query(() => ParticipantConnection, { description: 'Newest first' })
  participants(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ParticipantFilter, { nullable: true }) filter: ParticipantFilter | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.participants.list(workspaceActor(ctx).workspaceId, filter ?? {}, page);
  }

  @Authorized()
  @Query(() => Participant)
  participant(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Participant> {
    return ctx.services.participants.get(workspaceActor(ctx).workspaceId, id);
  }

  @Authorized()
  @Mutation(() => Participant, { description: 'S8: change SMS consent by hand (source ADMIN); granting needs a phone' })
  setParticipantSmsConsent(
    @Arg('input', () => SetParticipantSmsConsentInput) input: SetParticipantSmsConsentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Participant> {
    return ctx.services.participants.setSmsConsent(workspaceActor(ctx), input);
  }

  @Authorized()
  @FieldResolver(() => [Booking])
  bookings(@Root() participant: Participant, @Ctx() ctx: GraphQLContext): Promise<Booking[]> {
    return ctx.loaders.bookingsByParticipant.load(participant.id);
  }
}
