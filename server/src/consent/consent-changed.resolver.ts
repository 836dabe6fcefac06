import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { CONSENT_CHANGED_TOPIC } from '../graphql/live-pubsub.js';
import type { ConsentChangeSummary } from './consent-events.js';
import { ConsentChangedEvent } from './dtos/consent-changed.payload.js';

@Resolver()
export class ConsentChangedResolver {
  @Authorized()
  @Subscription(() => ConsentChangedEvent, {
    description: "K5: consent records as they are written in the caller's workspace (after their transaction commits)",
    topics: CONSENT_CHANGED_TOPIC,
    // A2/K6: only the subscriber's own workspace. With subjectId, only changes
    // that name it, or that are too big to list their subjects.
    filter: ({ payload, args, context }: { payload: ConsentChangeSummary; args: { subjectId?: string | null }; context: GraphQLContext }) =>
      context.actor.kind === 'apiKey' &&
      payload.workspaceId === context.actor.workspaceId &&
      (!args.subjectId || payload.subjectIds.length === 0 || payload.subjectIds.includes(args.subjectId)),
  })
  consentChanged(
    @Root() change: ConsentChangeSummary,
    @Arg('subjectId', () => ID, { nullable: true, description: 'Only changes of this participant or employee' }) _subjectId: string | null,
  ): ConsentChangedEvent {
    return change;
  }
}
