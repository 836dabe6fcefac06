import { Field, Int, ObjectType } from 'type-graphql';
import { SkipReason } from '../../send-policy/skip-reason.js';

@ObjectType({ description: 'Outbound messages by their current status; each message counts once' })
export class CommsCounts {
  @Field(() => Int, { description: 'Waiting for their moment, or being handed to the provider' }) queued!: number;
  @Field(() => Int, { description: 'Accepted by the provider, waiting for a delivery receipt' }) sent!: number;
  @Field(() => Int) delivered!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'Held back by the send policy, with a reason' }) skipped!: number;
}

@ObjectType()
export class CommsHourCounts extends CommsCounts {
  @Field(() => Date, { description: 'Start of the hour (UTC); messages are counted in the hour they were logged' })
  hourStart!: Date;
}

@ObjectType()
export class CommsBinCounts extends CommsCounts {
  @Field(() => Date, { description: 'Start of the bin (UTC); messages are counted in the bin they were logged in' })
  start!: Date;
}

@ObjectType()
class SkipReasonCount {
  @Field(() => SkipReason) reason!: SkipReason;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The console overview: outbound messages logged from `from` until `to`' })
export class CommsOverview {
  @Field(() => Date, { description: 'Start of the first bin counted' }) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => Int, { description: 'Minutes per bin' }) binMinutes!: number;
  @Field(() => CommsCounts) totals!: CommsCounts;
  @Field(() => [CommsBinCounts], { description: 'One per bin of `binMinutes`, oldest first; the last is the current one' })
  bins!: CommsBinCounts[];
  @Field(() => [CommsHourCounts], { description: 'One per hour, oldest first; the last is the current hour' })
  byHour!: CommsHourCounts[];
  @Field(() => [SkipReasonCount], { description: 'The most frequent skip reasons, most first (at most 5)' })
  topSkipReasons!: SkipReasonCount[];
}
