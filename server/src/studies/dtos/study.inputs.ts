import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateStudyInput {
  @Field(() => String) @Length(1, 160) name!: string;
  @Field(() => Boolean, { nullable: true, description: 'S1: Interview Reminder SMS; on unless set to false' })
  @IsOptional()
  smsRemindersEnabled?: boolean | null;
  @Field(() => String, { nullable: true, description: "T1: the IANA zone its sessions are in; the workspace's if omitted" })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}

@InputType()
export class StudyFilter {
  @Field(() => String, { nullable: true, description: 'Part of the study name, any case' })
  @IsOptional()
  @MaxLength(160)
  search?: string | null;
}
