import { action, json, query } from '@solidjs/router';
import { graphql } from '../../gql';
import type { AuditPageFieldsFragment, ConsoleWorkspaceQuery, UpdateWorkspaceSettingsInput } from '../../gql/graphql';
import { gql } from '../../lib/graphql';
import { renameWorkspace } from '../../lib/session';

export type { DeliveryProvider } from '../../gql/graphql';

export type WorkspaceSettings = ConsoleWorkspaceQuery['workspace'];
export type WorkspaceDelivery = WorkspaceSettings['delivery'];
/** A8: the SMS pumping breaker. */
export type PumpingBreaker = WorkspaceSettings['pumpingBreaker'];
export type AuditPage = AuditPageFieldsFragment;
export type AuditEntry = AuditPage['nodes'][number];

graphql(`
  fragment AuditPageFields on WorkspaceAuditEntryConnection {
    nodes { id createdAt actorLabel setting oldValue newValue }
    pageInfo { endCursor hasNextPage }
  }
`);

const WORKSPACE_QUERY = graphql(`
  query ConsoleWorkspace {
    workspace {
      id
      name
      smsEnabled
      senderNumber
      shiftAlertLeadMinutes
      timeZone
      language
      quietHoursEnabled
      quietHoursStart
      quietHoursEnd
      updatedAt
      delivery { configured provider emailFallback senderNumber summary }
      destinationPolicy { allowedCountries isDefault }
      pumpingBreaker { tripped trippedAt budgetPerHour newNumbersThisHour }
      auditTrail(first: 25) { ...AuditPageFields }
    }
  }
`);

const AUDIT_PAGE_QUERY = graphql(`
  query ConsoleWorkspaceAudit($after: String) {
    workspace { id auditTrail(first: 25, after: $after) { ...AuditPageFields } }
  }
`);

const SET_SMS = graphql(`
  mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {
    setWorkspaceSms(enabled: $enabled) { id smsEnabled }
  }
`);

const UPDATE_SETTINGS = graphql(`
  mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) { id name senderNumber shiftAlertLeadMinutes timeZone language quietHoursEnabled quietHoursStart quietHoursEnd }
  }
`);

export const getWorkspace = query(async (): Promise<WorkspaceSettings> => {
  const data = await gql(WORKSPACE_QUERY, {});
  return data.workspace;
}, 'workspace');

export async function loadAuditPage(after: string): Promise<AuditPage> {
  const data = await gql(AUDIT_PAGE_QUERY, { after });
  return data.workspace.auditTrail;
}

// W1: the server refuses MEMBER keys with FORBIDDEN; the page shows that error.
export const setWorkspaceSms = action(async (enabled: boolean) => {
  await gql(SET_SMS, { enabled });
  return json(enabled, { revalidate: getWorkspace.key });
}, 'setWorkspaceSms');

export type SettingsInput = Required<
  Pick<UpdateWorkspaceSettingsInput, 'name' | 'senderNumber' | 'shiftAlertLeadMinutes' | 'timeZone' | 'language' | 'quietHoursEnabled' | 'quietHoursStart' | 'quietHoursEnd'>
>;

export const updateWorkspaceSettings = action(async (input: SettingsInput) => {
  const data = await gql(UPDATE_SETTINGS, { input });
  renameWorkspace(data.updateWorkspaceSettings.name);
  return json(true, { revalidate: getWorkspace.key });
}, 'updateWorkspaceSettings');

const UPDATE_ABUSE_SETTINGS = graphql(`
  mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) { id }
  }
`);

const RESET_BREAKER = graphql(`
  mutation ConsoleResetPumpingBreaker {
    resetPumpingBreaker { id }
  }
`);

export interface AbuseSettingsInput {
  /** A7: empty restores the default. */
  allowedDestinationCountries: string[];
  pumpingBudgetPerHour: number;
}

// A7/A8: ADMIN only, audited by the server.
export const updateAbuseSettings = action(async (input: AbuseSettingsInput) => {
  await gql(UPDATE_ABUSE_SETTINGS, { input });
  return json(true, { revalidate: getWorkspace.key });
}, 'updateAbuseSettings');

export const resetPumpingBreaker = action(async () => {
  await gql(RESET_BREAKER, {});
  return json(true, { revalidate: getWorkspace.key });
}, 'resetPumpingBreaker');

// Starts this page's data loading while its code loads.
export function preloadWorkspace(): void {
  void getWorkspace();
}
