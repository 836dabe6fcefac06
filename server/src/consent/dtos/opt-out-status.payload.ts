import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'K6: whether a number is on the global opt-out list, and nothing about where or how it got there' })
export class OptOutStatus {
  @Field(() => String, { description: 'E.164' }) phone!: string;
  @Field(() => Boolean) optedOut!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the current opt-out began; null when not opted out' }) since!: Date | null;
}
