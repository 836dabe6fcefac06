import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';

@InputType({ description: 'K5: narrows consent records; the fields given combine with AND' })
export class ConsentRecordFilter {
  @Field(() => ConsentSubjectType, { nullable: true }) subjectType?: ConsentSubjectType | null;
  @Field(() => ID, { nullable: true, description: 'A participant or employee id' })
  @IsOptional()
  @MaxLength(36)
  subjectId?: string | null;
  @Field(() => String, { nullable: true, description: 'Any format libphonenumber understands; matched as E.164' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;
  @Field(() => ConsentAction, { nullable: true }) action?: ConsentAction | null;
  @Field(() => ConsentSource, { nullable: true }) source?: ConsentSource | null;
  @Field(() => Date, { nullable: true, description: 'Recorded at or after this instant' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Recorded before this instant' }) to?: Date | null;
}
