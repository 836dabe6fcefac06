import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DayOfUpdate } from '../../messaging/templates/message-templates.js';
import { StudySession } from '../study-session.entity.js';

registerEnumType(DayOfUpdate, { name: 'DayOfUpdate' });

@InputType()
export class CreateSessionInput {
  @Field(() => ID) studyId!: string;
  @Field(() => Date, { description: 'Must be in the future' }) startsAt!: Date;
  @Field(() => Int, { description: '5 to 480 minutes' }) @Min(5) @Max(480) durationMinutes!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}

@InputType()
export class RescheduleSessionInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => Date, { description: 'The new start; must be in the future' }) startsAt!: Date;
}

@InputType()
export class SendDayOfUpdateInput {
  @Field(() => ID) sessionId!: string;
  @Field(() => DayOfUpdate, { description: 'One of the fixed day-of texts (texts are not customisable)' }) update!: DayOfUpdate;
  @Field(() => String, { nullable: true, description: 'A retry with the same key sends nothing more' })
  @IsOptional()
  @Length(1, 191)
  idempotencyKey?: string | null;
}

@ObjectType()
export class SessionChangePayload {
  @Field(() => StudySession) session!: StudySession;
  @Field(() => Int, { description: 'Texts recorded for booked participants; each still passes the send policy when due' })
  messagesQueued!: number;
}
