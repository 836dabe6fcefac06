import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { MessageDirection, MessageKind, MessageStatus } from '../comms-log.enums.js';

@InputType({ description: 'L1: narrows the communications log; the fields given combine with AND' })
export class CommsLogFilter {
  @Field(() => MessageKind, { nullable: true }) kind?: MessageKind | null;
  @Field(() => MessageStatus, { nullable: true }) status?: MessageStatus | null;
  @Field(() => SkipReason, { nullable: true }) skipReason?: SkipReason | null;
  @Field(() => String, { nullable: true, description: 'The provider or Tock error code, e.g. INTERRUPTED: texts whose fate is unknown, for review (L6)' })
  @IsOptional()
  @MaxLength(20)
  errorCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Recipient (or inbound sender) phone, any format libphonenumber understands' })
  @IsOptional()
  @MaxLength(40)
  recipient?: string | null;
  @Field(() => MessageDirection, { nullable: true }) direction?: MessageDirection | null;
  @Field(() => Date, { nullable: true, description: 'Logged at or after this instant' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Logged before this instant' }) to?: Date | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) participantId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) employeeId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) bookingId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) studyId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) sessionId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "C2: a phone number in any format (the recipient's), or part of a participant's or employee's name or email",
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
