import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** How many rows one upsertEmployees call takes. */
const MAX_IMPORT_ROWS = 1000;

// Row fields are checked row by row by the import plan (one bad phone fails
// its row, not the call), so only GraphQL types constrain them here.
@InputType({ description: 'One employee to create or update; omitted or null keeps what is stored, an empty string clears email, phone, time zone or language' })
export class EmployeeImportRowInput {
  @Field(() => ID, { nullable: true, description: 'Update this employee; without it the row matches by email, then by phone, or creates a new one' })
  id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Any format libphonenumber understands (A5)' }) phone?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'E2: the SMS opt-in; a change is a consent record (source BULK)' }) smsOptIn?: boolean | null;
  @Field(() => String, { nullable: true, description: 'How this employee consented; overrides the call\'s attestation for this row' }) attestation?: string | null;
  @Field(() => String, { nullable: true, description: 'T1: IANA zone' }) timeZone?: string | null;
  @Field(() => String, { nullable: true, description: 'T2: "en" or "es"' }) language?: string | null;
}

@InputType()
export class UpsertEmployeesInput {
  @Field(() => [EmployeeImportRowInput], { description: `At most ${MAX_IMPORT_ROWS} rows; each succeeds or fails on its own` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  employees!: EmployeeImportRowInput[];

  @Field(() => String, { nullable: true, description: 'How consent was obtained, for rows that opt in without their own statement (10 to 2000 characters)' })
  @IsOptional()
  @Length(10, 2000)
  attestation?: string | null;

  @Field(() => String, { nullable: true, description: 'A retry with the same key and rows answers with the first result and changes nothing' })
  @IsOptional()
  @Length(1, 191)
  idempotencyKey?: string | null;
}

export enum EmployeeImportRowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
}
registerEnumType(EmployeeImportRowStatus, { name: 'EmployeeImportRowStatus' });

@ObjectType({ description: 'What happened to one row, by its position in the call' })
export class EmployeeImportRowResult {
  @Field(() => Int, { description: 'The row\'s position in employees, from 0' }) index!: number;
  @Field(() => EmployeeImportRowStatus) status!: EmployeeImportRowStatus;
  @Field(() => ID, { nullable: true }) employeeId!: string | null;
  @Field(() => String, { nullable: true, description: 'FAILED: the row field at fault' }) field!: string | null;
  @Field(() => String, { nullable: true, description: 'FAILED: BAD_USER_INPUT, NOT_FOUND or CONFLICT' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'FAILED: what is wrong, in words' }) message!: string | null;
}

@ObjectType({ description: 'What upsertEmployees did; rows has one entry per row given, in order' })
export class UpsertEmployeesResult {
  @Field(() => ID) importId!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'E2: consent records written (source BULK)' }) consentRecords!: number;
  @Field(() => [EmployeeImportRowResult]) rows!: EmployeeImportRowResult[];
}
