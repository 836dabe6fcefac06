import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';

@ObjectType({ description: 'Consent records a committed change wrote in your workspace, all with the same action, source and subject type' })
export class ConsentChangedEvent {
  @Field(() => Int, { description: 'How many records (one per subject)' }) count!: number;
  @Field(() => ConsentAction) action!: ConsentAction;
  @Field(() => ConsentSource) source!: ConsentSource;
  @Field(() => ConsentSubjectType) subjectType!: ConsentSubjectType;
  @Field(() => [ID], { description: 'The participants or employees, when at most 100; empty for a bigger change such as a bulk opt-in' })
  subjectIds!: string[];
  @Field(() => String, { nullable: true, description: 'Who made the change, as on the records' }) actorLabel!: string | null;
  @Field(() => Date) recordedAt!: Date;
}
