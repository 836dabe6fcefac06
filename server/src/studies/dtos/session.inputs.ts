import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class CreateSessionInput {
  @Field(() => ID) studyId!: string;
  @Field(() => Date, { description: 'Must be in the future' }) startsAt!: Date;
  @Field(() => Int, { description: '5 to 480 minutes' }) @Min(5) @Max(480) durationMinutes!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 191) idempotencyKey?: string | null;
}
