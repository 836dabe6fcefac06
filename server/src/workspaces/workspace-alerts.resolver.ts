import { Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { WORKSPACE_ALERTS_TOPIC } from '../graphql/live-pubsub.js';
import { WorkspaceAlertEvent } from './dtos/workspace-alert.payload.js';
import type { WorkspaceAlert } from './workspace-alerts.js';

@Resolver()
export class WorkspaceAlertsResolver {
  @Authorized()
  @Subscription(() => WorkspaceAlertEvent, {
    description: "A8: alerts of the caller's workspace as they happen (the pumping breaker tripping or being reset), on every API process",
    topics: WORKSPACE_ALERTS_TOPIC,
    // A2: only the subscriber's own workspace.
    filter: ({ payload, context }: { payload: WorkspaceAlert; context: GraphQLContext }) => context.actor.kind === 'apiKey' && payload.workspaceId === context.actor.workspaceId,
  })
  workspaceAlerts(@Root() alert: WorkspaceAlert): WorkspaceAlertEvent {
    return alert;
  }
}
