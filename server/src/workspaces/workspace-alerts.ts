import { EventBus } from '../common/event-bus.js';

/** A8: what a workspace's admins must act on. */
export enum WorkspaceAlertKind {
  PUMPING_BREAKER_TRIPPED = 'PUMPING_BREAKER_TRIPPED',
  PUMPING_BREAKER_RESET = 'PUMPING_BREAKER_RESET',
}

export interface WorkspaceAlert {
  workspaceId: string;
  kind: WorkspaceAlertKind;
  at: Date;
  /** Who reset it (an API key's label); null for Tock itself. */
  actorLabel: string | null;
  /** Set on events relayed from another process, so they are not relayed back. */
  remote?: boolean;
}

/** Where a workspace's alerts are announced, after their change commits; the workspaceAlerts subscription listens. */
export class WorkspaceAlerts extends EventBus<WorkspaceAlert> {
  constructor() {
    super('workspace-alerts');
  }
}
