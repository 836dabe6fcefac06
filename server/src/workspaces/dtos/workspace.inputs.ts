import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { Role } from '../role.enum.js';

@InputType()
export class CreateWorkspaceInput {
  @Field(() => String) @Length(1, 120) name!: string;
  @Field(() => String, { nullable: true, description: 'Sender number; any format libphonenumber understands' })
  @IsOptional()
  senderNumber?: string | null;
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
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) @Length(1, 120) name!: string;
  @Field(() => Role) role!: Role;
}
