import { relayThroughRedis, reviveDates } from '../common/redis-relay.js';
import { WorkspaceAlertKind, type WorkspaceAlert, type WorkspaceAlerts } from './workspace-alerts.js';

const CHANNEL = 'tock:workspace-alerts';
const KINDS = new Set<string>(Object.values(WorkspaceAlertKind));

// A8: a breaker tripped by a signup on one API process alerts admins watching any other.
export function bridgeWorkspaceAlertsToRedis(alerts: WorkspaceAlerts, redisUrl: string): Promise<() => Promise<void>> {
  return relayThroughRedis(alerts, redisUrl, CHANNEL, (wire) => {
    if (typeof wire.workspaceId !== 'string' || typeof wire.kind !== 'string' || !KINDS.has(wire.kind)) return null;
    return reviveDates({ ...wire } as unknown as WorkspaceAlert, ['at']);
  });
}
