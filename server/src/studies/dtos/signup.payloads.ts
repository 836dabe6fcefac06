import { Language } from '../../common/language.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Booking } from '../booking.entity.js';

@ObjectType({ description: 'S3: the consent disclosure the signup page shows, with its version' })
class InviteDisclosure {
  @Field(() => String) version!: string;
  @Field(() => Language) language!: Language;
  @Field(() => String) text!: string;
}

@ObjectType({ description: 'A session open for booking, as the public signup page sees it' })
class InviteSession {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String, { nullable: true }) location!: string | null;
}

@ObjectType({ description: 'Everything the public signup page needs for one invite link' })
export class Invite {
  @Field(() => String) studyName!: string;
  @Field(() => String, { description: 'T1: the IANA zone the sessions are in' }) timeZone!: string;
  @Field(() => [InviteSession], { description: 'Upcoming SCHEDULED sessions, soonest first' }) sessions!: InviteSession[];
  @Field(() => Boolean, { description: 'S2: a phone number and SMS consent are required to sign up' }) smsRequired!: boolean;
  @Field(() => InviteDisclosure) disclosure!: InviteDisclosure;
  @Field(() => Boolean, { description: 'A8: signUp needs a solved signupChallenge' }) challengeRequired!: boolean;
}

@ObjectType()
export class SignUpPayload {
  @Field(() => Booking) booking!: Booking;
  @Field(() => String, { description: 'S7: the secret manage-booking link; keep it private' }) manageUrl!: string;
}
