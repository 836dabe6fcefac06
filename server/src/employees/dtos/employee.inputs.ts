import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Language } from '../../common/language.js';

@InputType({ description: 'Every given condition must hold' })
export class EmployeeFilter {
  @Field(() => String, { nullable: true, description: 'Name or email contains this (case-insensitive), or the phone number contains these digits (four or more)' })
  @IsOptional()
  @Length(1, 160)
  search?: string | null;

  @Field(() => Boolean, { nullable: true }) hasPhone?: boolean | null;
  @Field(() => Boolean, { nullable: true }) smsOptIn?: boolean | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  ids?: string[] | null;
}

@InputType()
export class UpsertEmployeeInput {
  @Field(() => ID, { nullable: true, description: 'Update this employee; without it a new one is created (E1: opted out)' })
  id?: string | null;

  @Field(() => String) @Length(1, 160) name!: string;

  @Field(() => String, { nullable: true, description: 'Omit to keep; null or empty clears' })
  @ValidateIf((input: UpsertEmployeeInput) => Boolean(input.email))
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Any format libphonenumber understands (A5); omit to keep, null or empty clears' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "T1: IANA zone; omit to keep, null uses the workspace's" })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => Language, { nullable: true, description: "T2: omit to keep, null uses the workspace's" })
  language?: Language | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}

/** Where a one-employee opt-in change comes from (E2); keywords and bulk have their own paths. */
export enum EmployeeOptInSource {
  ADMIN = 'ADMIN',
  SIGNUP = 'SIGNUP',
}
registerEnumType(EmployeeOptInSource, { name: 'EmployeeOptInSource' });

@InputType()
export class SetEmployeeSmsOptInInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => Boolean) optIn!: boolean;
  @Field(() => EmployeeOptInSource, { defaultValue: EmployeeOptInSource.ADMIN }) source: EmployeeOptInSource = EmployeeOptInSource.ADMIN;
  @Field(() => String, { nullable: true, description: 'How consent was obtained; required to opt in with source ADMIN (E2)' })
  @IsOptional()
  @MaxLength(2000)
  attestation?: string | null;
}

@InputType({ description: 'Who a bulk opt-in covers: give exactly one of employeeIds or filter' })
export class BulkSmsOptInScopeInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  employeeIds?: string[] | null;

  @Field(() => EmployeeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: EmployeeFilter | null;

  @Field(() => Boolean) optIn!: boolean;
}

@InputType({ description: 'Give exactly one of employeeIds or filter' })
export class BulkSetEmployeeSmsOptInInput extends BulkSmsOptInScopeInput {
  @Field(() => String, { description: 'How consent was obtained, kept on every consent record (10 to 2000 characters)' })
  @Length(10, 2000)
  attestation!: string;
}
