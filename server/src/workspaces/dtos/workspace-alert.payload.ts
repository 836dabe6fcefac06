import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { WorkspaceAlertKind } from '../workspace-alerts.js';

registerEnumType(WorkspaceAlertKind, {
  name: 'WorkspaceAlertKind',
  description: 'A8: what happened that admins must know of',
  valuesConfig: {
    PUMPING_BREAKER_TRIPPED: { description: 'Public texts to numbers new to the workspace passed the hourly budget; further ones are held (SKIPPED SUSPECTED_ABUSE) until an ADMIN resets the breaker' },
    PUMPING_BREAKER_RESET: { description: 'An ADMIN reset the breaker; held public texts flow again' },
  },
});

@ObjectType({ description: "A8: an alert of the caller's workspace, after its change committed" })
export class WorkspaceAlertEvent {
  @Field(() => WorkspaceAlertKind) kind!: WorkspaceAlertKind;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true, description: 'Who acted (an API key name); null when Tock itself did' }) actorLabel!: string | null;
}
