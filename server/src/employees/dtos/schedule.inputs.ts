import { IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PublishAudience } from '../publish-audience.js';
import { TimeOffStatus } from '../time-off-request.entity.js';

@InputType()
export class ScheduleWeekFilter {
  @Field(() => ID, { nullable: true }) employeeId?: string | null;
  @Field(() => String, { nullable: true, description: 'Monday, YYYY-MM-DD' }) weekStart?: string | null;
  @Field(() => Boolean, { nullable: true }) published?: boolean | null;
}

@InputType()
export class ShiftInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 255) note?: string | null;
}

@InputType()
export class SaveScheduleWeekInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => String, { description: 'Monday of the week, YYYY-MM-DD' }) weekStart!: string;
  @Field(() => Boolean, {
    nullable: true,
    description: "E4: omitted, a new week takes the employee's smsOptIn and a saved week keeps its setting",
  })
  sendSmsAlert?: boolean | null;
  @Field(() => [ShiftInput], { description: "Replaces the week's shifts; at most 14" })
  @ValidateNested()
  shifts!: ShiftInput[];
}

@InputType()
export class TimeOffRequestFilter {
  @Field(() => ID, { nullable: true }) employeeId?: string | null;
  @Field(() => TimeOffStatus, { nullable: true }) status?: TimeOffStatus | null;
}

@InputType()
export class CreateTimeOffRequestInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) startsOn!: string;
  @Field(() => String, { description: 'YYYY-MM-DD, inclusive' }) endsOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) reason?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}

@InputType()
export class PublishScheduleInput {
  @Field(() => String, { description: 'Monday of the week, YYYY-MM-DD' }) weekStart!: string;
  @Field(() => String, { nullable: true, description: 'A retry with the same key texts nobody twice' })
  @IsOptional()
  @Length(1, 191)
  idempotencyKey?: string | null;
  @Field(() => PublishAudience, {
    defaultValue: PublishAudience.CHANGED,
    description: 'C3: CHANGED texts only employees whose shifts changed since the last publish; EVERYONE texts every employee with shifts',
  })
  audience: PublishAudience = PublishAudience.CHANGED;
}

@ObjectType()
export class PublishSchedulePayload {
  @Field(() => Int) weeksPublished!: number;
  @Field(() => Int, { description: 'SCHEDULE_PUBLISHED texts recorded; each still passes the send policy' }) messagesQueued!: number;
  @Field(() => Int, { description: 'C3: employees with shifts not texted because their shifts had not changed' }) employeesUnchanged!: number;
}

@ObjectType({ description: 'C3: what publishSchedule would text for this week now; changes nothing' })
export class SchedulePublishPreview {
  @Field(() => String) weekStart!: string;
  @Field(() => Int, { description: 'Employee schedules saved for the week' }) weeks!: number;
  @Field(() => Int, { description: 'Employees with shifts whose shifts changed since the last publish (or never published): audience CHANGED' }) changed!: number;
  @Field(() => Int, { description: 'Employees with shifts: audience EVERYONE' }) everyone!: number;
}
