import { action, query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { graphql } from '../../gql';
import type {
  ConsoleBulkOptInMutation,
  ConsoleBulkOptInPreviewQuery,
  ConsoleEmployeesQuery,
  ConsoleImportEmployeesMutation,
  EmployeeFilter as EmployeeFilterInput,
  EmployeeImportRowInput,
  Language,
} from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type EmployeeFilter = Pick<EmployeeFilterInput, 'search' | 'smsOptIn' | 'hasPhone'>;

/** T1/T2: a null timeZone or language means the workspace's. */
export type EmployeeRow = ConsoleEmployeesQuery['employees']['nodes'][number];

const EMPLOYEES = graphql(`
  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {
    employees(first: 25, after: $after, filter: $filter) {
      nodes { id name email phone smsOptIn carrierName carrierLookupStatus timeZone language }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const BULK_PREVIEW = graphql(`
  query ConsoleBulkOptInPreview($input: BulkSmsOptInScopeInput!) {
    bulkSmsOptInPreview(input: $input) { matched changed unchanged skippedNoPhone }
  }
`);

const SET_OPT_IN = graphql(`
  mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) {
    setEmployeeSmsOptIn(input: $input) { id smsOptIn }
  }
`);

const UPSERT = graphql(`
  mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) {
    upsertEmployee(input: $input) { id }
  }
`);

const BULK_OPT_IN = graphql(`
  mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) {
    bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled }
  }
`);

const IMPORT = graphql(`
  mutation ConsoleImportEmployees($input: UpsertEmployeesInput!) {
    upsertEmployees(input: $input) { created updated unchanged failed consentRecords rows { index status employeeId field message } }
  }
`);

export async function fetchEmployees(filter: EmployeeFilter, after?: string): Promise<Connection<EmployeeRow>> {
  return (await gql(EMPLOYEES, { filter, after })).employees;
}

export const getEmployees = query((filter: EmployeeFilter) => fetchEmployees(filter), 'employees');

export function preloadTeam(): void {
  void getEmployees({});
}

export type BulkScope = { employeeIds: string[] } | { filter: EmployeeFilter };

export type BulkPreview = ConsoleBulkOptInPreviewQuery['bulkSmsOptInPreview'];

/** What bulkSetEmployeeSmsOptIn would do now, counted by the server (ADMIN only; changes nothing). */
export async function fetchBulkPreview(scope: BulkScope, optIn: boolean): Promise<BulkPreview> {
  return (await gql(BULK_PREVIEW, { input: { ...scope, optIn } })).bulkSmsOptInPreview;
}

// EmployeeConnection has no total count: the preview's matched is the size of
// the filter's scope, whichever direction it is asked for.
export const getMatchingCount = query(async (filter: EmployeeFilter) => (await fetchBulkPreview({ filter }, true)).matched, 'employeeMatchingCount');

// E2: one employee's opt-in, any workspace key (source ADMIN, the key as actor); a grant carries how consent was obtained.
export const setEmployeeSmsOptIn = action(async (employeeId: string, optIn: boolean, attestation?: string) => {
  await gql(SET_OPT_IN, {
    input: { employeeId, optIn, source: 'ADMIN', attestation: attestation?.trim() || null },
  });
}, 'setEmployeeSmsOptIn');

export interface EmployeeInput {
  id?: string;
  name: string;
  email: string;
  phone: string;
  timeZone: string;
  /** Empty: the workspace's. */
  language: Language | '';
  idempotencyKey?: string;
}

// A5: the server parses the phone to E.164 and names the field when it cannot.
export const upsertEmployee = action(async (input: EmployeeInput) => {
  await gql(UPSERT, {
    input: { ...input, email: input.email.trim() || null, phone: input.phone.trim() || null, timeZone: input.timeZone || null, language: input.language || null },
  });
}, 'upsertEmployee');

export type BulkResult = ConsoleBulkOptInMutation['bulkSetEmployeeSmsOptIn'];

// E2/E5 in bulk: all or nothing, every change a BULK consent record with the attestation.
export const bulkSetEmployeeSmsOptIn = action(async (scope: BulkScope, optIn: boolean, attestation: string): Promise<BulkResult> => {
  const { bulkSetEmployeeSmsOptIn: result } = await gql(BULK_OPT_IN, { input: { ...scope, optIn, attestation } });
  return result;
}, 'bulkSetEmployeeSmsOptIn');

export type ImportResult = ConsoleImportEmployeesMutation['upsertEmployees'];
export type ImportRowResult = ImportResult['rows'][number];

/** How many rows one upsertEmployees call takes. */
export const IMPORT_CHUNK = 1000;

// E2 in bulk (ADMIN): one call of up to 1,000 rows; each row succeeds or fails on
// its own. The key makes a retried chunk answer with its first result.
export async function importEmployees(
  employees: { id?: string; name: string; email?: string; phone?: string; smsOptIn?: boolean; attestation?: string; timeZone?: string; language?: string }[],
  attestation: string | null,
  idempotencyKey: string,
): Promise<ImportResult> {
  // A file's language goes as written: the server fails that row alone when it is not one Tock speaks.
  const rows = employees as EmployeeImportRowInput[];
  return (await gql(IMPORT, { input: { employees: rows, attestation, idempotencyKey } })).upsertEmployees;
}
