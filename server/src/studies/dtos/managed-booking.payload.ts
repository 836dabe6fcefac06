import { Language } from '../../common/language.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BookingStatus, SessionStatus } from '../session-status.enum.js';

@ObjectType({ description: 'S7: a booking as its manage-booking page shows it' })
export class ManagedBooking {
  @Field(() => ID) id!: string;
  @Field(() => String) studyName!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => SessionStatus) sessionStatus!: SessionStatus;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Boolean) hasPhone!: boolean;
  @Field(() => String, { nullable: true, description: 'Only the last two digits of the phone on file' })
  phoneLastDigits!: string | null;
  @Field(() => Boolean) smsConsent!: boolean;
  @Field(() => String, { description: 'T1: the IANA zone the session is in (the study\'s, else the workspace\'s)' }) sessionTimeZone!: string;
  @Field(() => String, { description: "T1: the zone the participant's texts are written in (their own, else the session's)" }) timeZone!: string;
  @Field(() => Language) language!: Language;
}
