import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Language } from '../../common/language.js';
import { Field, InputType, Int } from 'type-graphql';
import { Role } from '../../common/role.enum.js';

@InputType()
export class CreateWorkspaceInput {
  @Field(() => String) @Length(1, 120) name!: string;
  @Field(() => String, { nullable: true, description: 'Sender number; any format libphonenumber understands' })
  @IsOptional()
  senderNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'T1: IANA time zone (UTC if omitted)' }) @IsOptional() @MaxLength(64) timeZone?: string | null;
  @Field(() => Language, { nullable: true, description: 'T2: English if omitted' }) language?: Language | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}

@InputType()
export class UpdateWorkspaceSettingsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 120) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty string or null clears it' }) senderNumber?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(5) @Max(24 * 60) shiftAlertLeadMinutes?: number | null;
  @Field(() => [String], { nullable: true, description: 'A7: ISO country codes texts may go to; an empty list restores the default' })
  @IsOptional()
  @ArrayMaxSize(60)
  allowedDestinationCountries?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'A8: publicly triggered texts to new numbers per hour before the pumping breaker trips' })
  @IsOptional()
  @Min(1)
  @Max(100_000)
  pumpingBudgetPerHour?: number | null;
  @Field(() => String, { nullable: true, description: 'T1: IANA time zone' }) @IsOptional() @MaxLength(64) timeZone?: string | null;
  @Field(() => Language, { nullable: true, description: "T2: the language of employees without one of their own" }) language?: Language | null;
  @Field(() => Boolean, { nullable: true, description: 'T3: false switches quiet hours off' }) quietHoursEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'T3: HH:MM (24-hour) in the recipient\'s zone' }) @IsOptional() @MaxLength(5) quietHoursStart?: string | null;
  @Field(() => String, { nullable: true, description: 'T3: HH:MM (24-hour) in the recipient\'s zone' }) @IsOptional() @MaxLength(5) quietHoursEnd?: string | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) @Length(1, 120) name!: string;
  @Field(() => Role) role!: Role;
}
