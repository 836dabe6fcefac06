import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A7: where this workspace may text' })
export class DestinationPolicy {
  @Field(() => [String], { description: 'ISO country codes texts may go to' }) allowedCountries!: string[];
  @Field(() => Boolean, { description: "True when no list is set: the sender number's country, else DEFAULT_PHONE_COUNTRY" }) isDefault!: boolean;
  @Field(() => [String], { description: 'Number types never texted (libphonenumber types)' }) refusedNumberTypes!: string[];
}

@ObjectType({ description: 'A8: the SMS pumping breaker' })
export class PumpingBreakerState {
  @Field(() => Boolean, { description: 'Public texts to new numbers are held (SKIPPED SUSPECTED_ABUSE) until an ADMIN resets it' }) tripped!: boolean;
  @Field(() => Date, { nullable: true }) trippedAt!: Date | null;
  @Field(() => Int) budgetPerHour!: number;
  @Field(() => Int, { description: 'Publicly triggered texts to new numbers in the last hour' }) newNumbersThisHour!: number;
}
