import { action, json, query } from '@solidjs/router';
import { gql } from '../../lib/graphql';
import { renameWorkspace } from '../../lib/session';

export type DeliveryProvider = 'VONAGE' | 'SANDBOX' | 'NONE';

export interface WorkspaceDelivery {
  configured: boolean;
  provider: DeliveryProvider;
  emailFallback: boolean;
  senderNumber: string | null;
  summary: string;
}

export interface AuditEntry {
  id: string;
  createdAt: string;
  actorLabel: string;
  setting: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditPage {
  nodes: AuditEntry[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface WorkspaceSettings {
  id: string;
  name: string;
  smsEnabled: boolean;
  senderNumber: string | null;
  shiftAlertLeadMinutes: number;
  timeZone: string;
  language: string;
  quietHoursEnabled: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
  updatedAt: string;
  delivery: WorkspaceDelivery;
  destinationPolicy: { allowedCountries: string[]; isDefault: boolean };
  pumpingBreaker: PumpingBreaker;
  auditTrail: AuditPage;
}

/** A8: the SMS pumping breaker. */
export interface PumpingBreaker {
  tripped: boolean;
  trippedAt: string | null;
  budgetPerHour: number;
  newNumbersThisHour: number;
}

const AUDIT_FIELDS = /* GraphQL */ `
  nodes { id createdAt actorLabel setting oldValue newValue }
  pageInfo { endCursor hasNextPage }
`;

const WORKSPACE_QUERY = /* GraphQL */ `
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
      auditTrail(first: 25) { ${AUDIT_FIELDS} }
    }
  }
`;

const AUDIT_PAGE_QUERY = /* GraphQL */ `
  query ConsoleWorkspaceAudit($after: String) {
    workspace { id auditTrail(first: 25, after: $after) { ${AUDIT_FIELDS} } }
  }
`;

const SET_SMS = /* GraphQL */ `
  mutation ConsoleSetWorkspaceSms($enabled: Boolean!) {
    setWorkspaceSms(enabled: $enabled) { id smsEnabled }
  }
`;

const UPDATE_SETTINGS = /* GraphQL */ `
  mutation ConsoleUpdateWorkspaceSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) { id name senderNumber shiftAlertLeadMinutes timeZone language quietHoursEnabled quietHoursStart quietHoursEnd }
  }
`;

export const getWorkspace = query(async (): Promise<WorkspaceSettings> => {
  const data = await gql<{ workspace: WorkspaceSettings }>(WORKSPACE_QUERY);
  return data.workspace;
}, 'workspace');

export async function loadAuditPage(after: string): Promise<AuditPage> {
  const data = await gql<{ workspace: { auditTrail: AuditPage } }>(AUDIT_PAGE_QUERY, { after });
  return data.workspace.auditTrail;
}

// W1: the server refuses MEMBER keys with FORBIDDEN; the page shows that error.
export const setWorkspaceSms = action(async (enabled: boolean) => {
  await gql(SET_SMS, { enabled });
  return json(enabled, { revalidate: getWorkspace.key });
}, 'setWorkspaceSms');

export interface SettingsInput {
  name: string;
  senderNumber: string;
  shiftAlertLeadMinutes: number;
  timeZone: string;
  language: string;
  quietHoursEnabled: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
}

export const updateWorkspaceSettings = action(async (input: SettingsInput) => {
  const data = await gql<{ updateWorkspaceSettings: { name: string } }>(UPDATE_SETTINGS, { input });
  renameWorkspace(data.updateWorkspaceSettings.name);
  return json(true, { revalidate: getWorkspace.key });
}, 'updateWorkspaceSettings');

const UPDATE_ABUSE_SETTINGS = /* GraphQL */ `
  mutation ConsoleUpdateAbuseSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) { id }
  }
`;

const RESET_BREAKER = /* GraphQL */ `
  mutation ConsoleResetPumpingBreaker {
    resetPumpingBreaker { id }
  }
`;

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
  await gql(RESET_BREAKER);
  return json(true, { revalidate: getWorkspace.key });
}, 'resetPumpingBreaker');

// Starts this page's data loading while its code loads.
export function preloadWorkspace(): void {
  void getWorkspace();
}
