import { action, query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { gql } from '../../lib/graphql';

export interface WeekFilter {
  employeeId?: string;
  weekStart?: string;
}

export interface WeekShift {
  id: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface ScheduleWeekRow {
  id: string;
  weekStart: string;
  sendSmsAlert: boolean;
  publishedAt: string | null;
  employee: { id: string; name: string; smsOptIn: boolean; phone: string | null };
  shifts: WeekShift[];
}

export interface EmployeeChoice {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  smsOptIn: boolean;
}

export interface TimeOffRow {
  id: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  status: 'PENDING' | 'APPROVED' | 'DENIED';
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  employee: { id: string; name: string };
}

const WEEKS = /* GraphQL */ `
  query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {
    scheduleWeeks(first: 25, after: $after, filter: $filter) {
      nodes { id weekStart sendSmsAlert publishedAt employee { id name smsOptIn phone } shifts { id startsAt endsAt note } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

const EMPLOYEE_SEARCH = /* GraphQL */ `
  query ConsoleScheduleEmployees($filter: EmployeeFilter) {
    employees(first: 10, filter: $filter) { nodes { id name email phone smsOptIn } }
  }
`;
const TIME_OFF = /* GraphQL */ `
  query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {
    timeOffRequests(first: 25, after: $after, filter: $filter) {
      nodes { id startsOn endsOn reason status createdAt decidedAt decidedBy employee { id name } }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export async function fetchWeeks(filter: WeekFilter, after?: string): Promise<Connection<ScheduleWeekRow>> {
  return (await gql<{ scheduleWeeks: Connection<ScheduleWeekRow> }>(WEEKS, { filter, after })).scheduleWeeks;
}

export const getWeeks = query((filter: WeekFilter) => fetchWeeks(filter), 'scheduleWeeks');

/** The pickers' matches: ten employees whose name, email or phone holds what was typed. */
export async function searchEmployees(text: string): Promise<EmployeeChoice[]> {
  const filter = text ? { search: text } : null;
  return (await gql<{ employees: { nodes: EmployeeChoice[] } }>(EMPLOYEE_SEARCH, { filter })).employees.nodes;
}

export async function fetchTimeOff(status: TimeOffRow['status'] | '', after?: string): Promise<Connection<TimeOffRow>> {
  return (await gql<{ timeOffRequests: Connection<TimeOffRow> }>(TIME_OFF, { filter: status ? { status } : null, after })).timeOffRequests;
}

export const getTimeOff = query((status: TimeOffRow['status'] | '') => fetchTimeOff(status), 'timeOffRequests');

export function preloadSchedules(): void {
  void getWeeks({});
  void getTimeOff('PENDING');
}

// E4: the week's Send SMS Alert switch.
export const setWeekSmsAlert = action(async (weekId: string, enabled: boolean) => {
  await gql(`mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) { setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert } }`, { weekId, enabled });
}, 'setWeekSmsAlert');

export interface WeekInput {
  employeeId: string;
  weekStart: string;
  /** Omitted: a new week takes the employee's smsOptIn, a saved week keeps its setting (E4). */
  sendSmsAlert?: boolean;
  shifts: { startsAt: string; endsAt: string; note: string | null }[];
}

export const saveScheduleWeek = action(async (input: WeekInput) => {
  await gql(`mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`, { input });
}, 'saveScheduleWeek');

export interface PublishResult {
  weeksPublished: number;
  messagesQueued: number;
  employeesUnchanged: number;
}

/** C3: CHANGED texts only employees whose shifts changed since the last publish; EVERYONE all with shifts. */
export type PublishAudience = 'CHANGED' | 'EVERYONE';

export interface PublishPreview {
  weekStart: string;
  weeks: number;
  changed: number;
  everyone: number;
}

// C3: both counts, before anything is sent.
export async function fetchPublishPreview(weekStart: string): Promise<PublishPreview> {
  return (
    await gql<{ schedulePublishPreview: PublishPreview }>(
      `query ConsolePublishPreview($weekStart: String!) { schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone } }`,
      { weekStart },
    )
  ).schedulePublishPreview;
}

// E6/C3: who is texted is the admin's choice; a retry with the same key texts nobody twice.
export const publishSchedule = action(async (weekStart: string, audience: PublishAudience, idempotencyKey: string): Promise<PublishResult> => {
  const { publishSchedule: result } = await gql<{ publishSchedule: PublishResult }>(
    `mutation ConsolePublish($input: PublishScheduleInput!) { publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged } }`,
    { input: { weekStart, audience, idempotencyKey } },
  );
  return result;
}, 'publishSchedule');

// E6: the employee is texted the answer.
export const decideTimeOff = action(async (id: string, approved: boolean) => {
  await gql(`mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) { decideTimeOff(id: $id, approved: $approved) { id status } }`, { id, approved });
}, 'decideTimeOff');
