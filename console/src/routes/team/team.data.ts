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
}

const EMPLOYEES = /* GraphQL */ `
  query ConsoleEmployees($after: String, $filter: EmployeeFilter) {
    employees(first: 25, after: $after, filter: $filter) {
      nodes { id name email phone smsOptIn carrierName carrierLookupStatus }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

const EMPLOYEE_SCOPE = /* GraphQL */ `
  query ConsoleEmployeeScope($after: String, $filter: EmployeeFilter) {
    employees(first: 100, after: $after, filter: $filter) {
      nodes { id smsOptIn phone }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export async function fetchEmployees(filter: EmployeeFilter, after?: string): Promise<Connection<EmployeeRow>> {
  return (await gql<{ employees: Connection<EmployeeRow> }>(EMPLOYEES, { filter, after })).employees;
}

export const getEmployees = query((filter: EmployeeFilter) => fetchEmployees(filter), 'employees');

export function preloadTeam(): void {
  void getEmployees({});
}

/** Who a bulk change would touch: enough to say "how many will change" before confirming. */
export type ScopeMember = Pick<EmployeeRow, 'id' | 'smsOptIn' | 'phone'>;

// EmployeeConnection has no total count, so "all N matching" walks the ids by
// cursor (reported to the lead: a totalCount would make this one request).
export async function getEmployeeScope(filter: EmployeeFilter): Promise<ScopeMember[]> {
  const members: ScopeMember[] = [];
  let after: string | null = null;
  do {
    const page: Connection<ScopeMember> = (await gql<{ employees: Connection<ScopeMember> }>(EMPLOYEE_SCOPE, { filter, after })).employees;
    members.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return members;
}

export interface BulkPreview {
  matched: number;
  willChange: number;
  unchanged: number;
  skippedNoPhone: number;
}

/** What bulkSetEmployeeSmsOptIn will do, counted the way the server counts it. */
export function previewBulk(members: ScopeMember[], optIn: boolean): BulkPreview {
  const unchanged = members.filter((m) => m.smsOptIn === optIn).length;
  // Opting in needs a phone; those without one stay out (skippedNoPhone).
  const skippedNoPhone = optIn ? members.filter((m) => !m.smsOptIn && !m.phone).length : 0;
  return { matched: members.length, unchanged, skippedNoPhone, willChange: members.length - unchanged - skippedNoPhone };
}

// E2: one employee's opt-in, from the Team page (source ADMIN).
export const setEmployeeSmsOptIn = action(async (employeeId: string, optIn: boolean) => {
  await gql(`mutation ConsoleEmployeeOptIn($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id smsOptIn } }`, {
    input: { employeeId, optIn, source: 'ADMIN' },
  });
}, 'setEmployeeSmsOptIn');

export interface EmployeeInput {
  id?: string;
  name: string;
  email: string;
  phone: string;
  idempotencyKey?: string;
}

// A5: the server parses the phone to E.164 and names the field when it cannot.
export const upsertEmployee = action(async (input: EmployeeInput) => {
  await gql(`mutation ConsoleUpsertEmployee($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, {
    input: { ...input, email: input.email.trim() || null, phone: input.phone.trim() || null },
  });
}, 'upsertEmployee');

export interface BulkResult {
  matched: number;
  changed: number;
  unchanged: number;
  skippedNoPhone: number;
  weeksAlertEnabled: number;
}

export type BulkScope = { employeeIds: string[] } | { filter: EmployeeFilter };

// E2/E5 in bulk: all or nothing, every change a BULK consent record with the attestation.
export const bulkSetEmployeeSmsOptIn = action(async (scope: BulkScope, optIn: boolean, attestation: string): Promise<BulkResult> => {
  const { bulkSetEmployeeSmsOptIn: result } = await gql<{ bulkSetEmployeeSmsOptIn: BulkResult }>(
    `mutation ConsoleBulkOptIn($input: BulkSetEmployeeSmsOptInInput!) { bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled } }`,
    { input: { ...scope, optIn, attestation } },
  );
  return result;
}, 'bulkSetEmployeeSmsOptIn');
