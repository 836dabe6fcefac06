import { FieldResolver, Resolver, Root } from 'type-graphql';
import { explainProviderCode } from '../messaging/providers/provider-code-explanations.js';
import { CommsLogEvent } from './comms-log-event.entity.js';
import { CodeExplanation } from './dtos/code-explanation.type.js';
import { MessageEventType } from './message-event-type.enum.js';

// Event types whose code is the provider's (or Tock's) answer; a skip's code is a skip reason.
const EXPLAINED = new Set([MessageEventType.FAILED, MessageEventType.RETRY_SCHEDULED, MessageEventType.WAITING, MessageEventType.INTERRUPTED, MessageEventType.RECEIPT]);

@Resolver(() => CommsLogEvent)
export class CommsLogEventResolver {
  @FieldResolver(() => CodeExplanation, { nullable: true, description: 'C2: the code in words, with what to do' })
  explanation(@Root() event: CommsLogEvent): CodeExplanation | null {
    if (!EXPLAINED.has(event.type)) return null;
    return explainProviderCode(event.code, event.type === MessageEventType.RECEIPT ? 'RECEIPT' : 'SUBMISSION');
  }
}
