import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { COMMS_EVENTS_TOPIC } from '../graphql/live-pubsub.js';
import type { CommsEvent } from './comms-events.js';
import { CommsEventFilter, CommsEventPayload, CommsEventType } from './dtos/comms-event.payload.js';

const matches = <T>(allowed: T[] | null | undefined, value: T | null) => !allowed?.length || (value !== null && allowed.includes(value));

@Resolver()
export class CommsEventsResolver {
  @Authorized()
  @Subscription(() => CommsEventPayload, {
    description: "L4: every new log entry and status change of the caller's workspace, as it happens",
    topics: COMMS_EVENTS_TOPIC,
    // A2/K6: only the subscriber's own workspace, whatever the filter says.
    filter: ({ payload, args, context }: { payload: CommsEvent; args: { filter?: CommsEventFilter | null }; context: GraphQLContext }) => {
      const { entry } = payload;
      const filter = args.filter ?? {};
      return (
        context.actor.kind === 'apiKey' &&
        entry.workspaceId === context.actor.workspaceId &&
        matches(filter.kinds, entry.kind) &&
        matches(filter.statuses, entry.status) &&
        matches(filter.skipReasons, entry.skipReason)
      );
    },
  })
  commsEvents(
    @Root() event: CommsEvent,
    @Arg('filter', () => CommsEventFilter, { nullable: true }) _filter: CommsEventFilter | null,
  ): CommsEventPayload {
    return { type: event.type === 'created' ? CommsEventType.CREATED : CommsEventType.UPDATED, entry: event.entry };
  }
}
