import { action, query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { gql } from '../../lib/graphql';

export interface EmployeeFilter {
  search?: string;
  smsOptIn?: boolean;
  hasPhone?: boolean;
}

export interface EmployeeRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  smsOptIn: boolean;
  carrierName: string | null;
  carrierLookupStatus: string | null;
  /** T1/T2: null means the workspace's. */
  timeZone: string | null;
  language: string | null;
}

const EMPLOYEES = /* GraphQL */ `
  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {
    employees(first: 25, after: $after, filter: $filter) {
      nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

const BULK_PREVIEW = /* GraphQL */ `
  query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {
    bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone }
  }
`;

export async function fetchEmployees(filter: EmployeeFilter, after?: string): Promise<Connection<EmployeeRow>> {
  return (await gql<{ employees: Connection<EmployeeRow> }>(EMPLOYEES, { filter, after })).employees;
}

export const getEmployees = query((filter: EmployeeFilter) => fetchEmployees(filter), 'employees');

export function preloadTeam(): void {
  void getEmployees({});
}

export type BulkScope = { employeeIds: string[] } | { filter: EmployeeFilter };

export interface BulkPreview {
  matched: number;
  changed: number;
  unchanged: number;
  skippedNoPhone: number;
}

/** What bulkSetEmployeeSmsOptIn would do now, counted by the server (ADMIN only; changes nothing). */
export async function fetchBulkPreview(scope: BulkScope, optIn: boolean): Promise<BulkPreview> {
  return (await gql<{ bulkSmsOptInPreview: BulkPreview }>(BULK_PREVIEW, { input: { ...scope, optIn } })).bulkSmsOptInPreview;
}

// EmployeeConnection has no total count: the preview's matched is the size of
// the filter's scope, whichever direction it is asked for.
export const getMatchingCount = query(async (filter: EmployeeFilter) => (await fetchBulkPreview({ filter }, true)).matched, 'employeeMatchingCount');

// E2: one employee's opt-in, any workspace key (source ADMIN, the key as actor); a grant carries how consent was obtained.
export const setEmployeeSmsOptIn = action(async (employeeId: string, optIn: boolean, attestation?: string) => {
  await gql(`mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id smsOptIn } }`, {
    input: { employeeId, optIn, source: 'ADMIN', attestation: attestation?.trim() || null },
  });
}, 'setEmployeeSmsOptIn');

export interface EmployeeInput {
  id?: string;
  name: string;
  email: string;
  phone: string;
  timeZone: string;
  language: string;
  idempotencyKey?: string;
}

// A5: the server parses the phone to E.164 and names the field when it cannot.
export const upsertEmployee = action(async (input: EmployeeInput) => {
  await gql(`mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, {
    input: { ...input, email: input.email.trim() || null, phone: input.phone.trim() || null, timeZone: input.timeZone || null, language: input.language || null },
  });
}, 'upsertEmployee');

export interface BulkResult {
  matched: number;
  changed: number;
  unchanged: number;
  skippedNoPhone: number;
  weeksAlertEnabled: number;
}

// E2/E5 in bulk: all or nothing, every change a BULK consent record with the attestation.
export const bulkSetEmployeeSmsOptIn = action(async (scope: BulkScope, optIn: boolean, attestation: string): Promise<BulkResult> => {
  const { bulkSetEmployeeSmsOptIn: result } = await gql<{ bulkSetEmployeeSmsOptIn: BulkResult }>(
    `mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) { bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled } }`,
    { input: { ...scope, optIn, attestation } },
  );
  return result;
}, 'bulkSetEmployeeSmsOptIn');

export interface ImportRowResult {
  index: number;
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
  employeeId: string | null;
  field: string | null;
  message: string | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  consentRecords: number;
  rows: ImportRowResult[];
}

/** How many rows one upsertEmployees call takes. */
export const IMPORT_CHUNK = 1000;

// E2 in bulk (ADMIN): one call of up to 1,000 rows; each row succeeds or fails on
// its own. The key makes a retried chunk answer with its first result.
export async function importEmployees(
  employees: { id?: string; name: string; email?: string; phone?: string; smsOptIn?: boolean; attestation?: string; timeZone?: string; language?: string }[],
  attestation: string | null,
  idempotencyKey: string,
): Promise<ImportResult> {
  return (
    await gql<{ upsertEmployees: ImportResult }>(
      `mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {
        upsertEmployees(input: $input) { created updated unchanged failed consentRecords rows { index status employeeId field message } }
      }`,
      { input: { employees, attestation, idempotencyKey } },
    )
  ).upsertEmployees;
}
