import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { CommsLogEntry } from '../comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../comms-log.enums.js';

export enum CommsEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
}
registerEnumType(CommsEventType, { name: 'CommsEventType' });

@ObjectType({ description: 'L4: a new log entry, or a status change of one' })
export class CommsEventPayload {
  @Field(() => CommsEventType) type!: CommsEventType;
  @Field(() => CommsLogEntry) entry!: CommsLogEntry;
}

@InputType()
export class CommsEventFilter {
  @Field(() => [MessageKind], { nullable: true }) kinds?: MessageKind[] | null;
  @Field(() => [MessageStatus], { nullable: true }) statuses?: MessageStatus[] | null;
  @Field(() => [SkipReason], { nullable: true }) skipReasons?: SkipReason[] | null;
}
