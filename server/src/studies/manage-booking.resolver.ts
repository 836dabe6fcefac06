import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { ManagedBooking } from './dtos/managed-booking.payload.js';

// Public: the manage token (the secret link, S7) is the credential here, no API key.
@Resolver()
export class ManageBookingResolver {
  @Query(() => ManagedBooking, { description: 'Public: S7 the manage-booking page' })
  booking(@Arg('manageToken', () => String) manageToken: string, @Ctx() ctx: GraphQLContext): Promise<ManagedBooking> {
    return ctx.services.manageBooking.view(manageToken);
  }

  @Mutation(() => ManagedBooking, { description: 'Public: S7 remove the phone number (SMS consent REVOKED)' })
  removeBookingPhone(@Arg('manageToken', () => String) manageToken: string, @Ctx() ctx: GraphQLContext): Promise<ManagedBooking> {
    return ctx.services.manageBooking.removePhone(manageToken, ctx.request);
  }

  @Mutation(() => ManagedBooking, { description: "Public: T1 the participant's own time zone, in which their texts are written" })
  setBookingTimeZone(
    @Arg('manageToken', () => String) manageToken: string,
    @Arg('timeZone', () => String) timeZone: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ManagedBooking> {
    return ctx.services.manageBooking.setTimeZone(manageToken, timeZone);
  }

  @Mutation(() => ManagedBooking, { description: 'Public: S7 cancel the booking (idempotent)' })
  cancelBooking(@Arg('manageToken', () => String) manageToken: string, @Ctx() ctx: GraphQLContext): Promise<ManagedBooking> {
    return ctx.services.manageBooking.cancel(manageToken, ctx.request);
  }
}
