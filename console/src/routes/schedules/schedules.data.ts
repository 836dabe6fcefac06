import { action, query } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { graphql } from '../../gql';
import type {
  ConsolePublishMutation,
  ConsolePublishPreviewQuery,
  ConsoleScheduleEmployeesQuery,
  ConsoleScheduleWeeksQuery,
  ConsoleTimeOffQuery,
  PublishAudience,
  SaveScheduleWeekInput,
  ScheduleWeekFilter,
  TimeOffStatus,
} from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type WeekFilter = Pick<ScheduleWeekFilter, 'employeeId' | 'weekStart'>;
export type ScheduleWeekRow = ConsoleScheduleWeeksQuery['scheduleWeeks']['nodes'][number];
export type WeekShift = ScheduleWeekRow['shifts'][number];
export type EmployeeChoice = ConsoleScheduleEmployeesQuery['employees']['nodes'][number];
export type TimeOffRow = ConsoleTimeOffQuery['timeOffRequests']['nodes'][number];

const WEEKS = graphql(`
  query ConsoleScheduleWeeks($after: String, $filter: ScheduleWeekFilter) {
    scheduleWeeks(first: 25, after: $after, filter: $filter) {
      nodes { id weekStart sendSmsAlert publishedAt employee { id name smsOptIn phone } shifts { id startsAt endsAt note } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const EMPLOYEE_SEARCH = graphql(`
  query ConsoleScheduleEmployees($filter: EmployeeFilter) {
    employees(first: 10, filter: $filter) { nodes { id name email phone smsOptIn } }
  }
`);

const TIME_OFF = graphql(`
  query ConsoleTimeOff($after: String, $filter: TimeOffRequestFilter) {
    timeOffRequests(first: 25, after: $after, filter: $filter) {
      nodes { id startsOn endsOn reason status createdAt decidedAt decidedBy employee { id name } }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const SET_WEEK_ALERT = graphql(`
  mutation ConsoleWeekAlert($weekId: ID!, $enabled: Boolean!) {
    setWeekSmsAlert(weekId: $weekId, enabled: $enabled) { id sendSmsAlert }
  }
`);

const SAVE_WEEK = graphql(`
  mutation ConsoleSaveWeek($input: SaveScheduleWeekInput!) {
    saveScheduleWeek(input: $input) { id }
  }
`);

const PUBLISH_PREVIEW = graphql(`
  query ConsolePublishPreview($weekStart: String!) {
    schedulePublishPreview(weekStart: $weekStart) { weekStart weeks changed everyone }
  }
`);

const PUBLISH = graphql(`
  mutation ConsolePublish($input: PublishScheduleInput!) {
    publishSchedule(input: $input) { weeksPublished messagesQueued employeesUnchanged }
  }
`);

const DECIDE_TIME_OFF = graphql(`
  mutation ConsoleDecideTimeOff($id: ID!, $approved: Boolean!) {
    decideTimeOff(id: $id, approved: $approved) { id status }
  }
`);

export async function fetchWeeks(filter: WeekFilter, after?: string): Promise<Connection<ScheduleWeekRow>> {
  return (await gql(WEEKS, { filter, after })).scheduleWeeks;
}

export const getWeeks = query((filter: WeekFilter) => fetchWeeks(filter), 'scheduleWeeks');

/** The pickers' matches: ten employees whose name, email or phone holds what was typed. */
export async function searchEmployees(text: string): Promise<EmployeeChoice[]> {
  const filter = text ? { search: text } : null;
  return (await gql(EMPLOYEE_SEARCH, { filter })).employees.nodes;
}

export async function fetchTimeOff(status: TimeOffStatus | '', after?: string): Promise<Connection<TimeOffRow>> {
  return (await gql(TIME_OFF, { filter: status ? { status } : null, after })).timeOffRequests;
}

export const getTimeOff = query((status: TimeOffStatus | '') => fetchTimeOff(status), 'timeOffRequests');

export function preloadSchedules(): void {
  void getWeeks({});
  void getTimeOff('PENDING');
}

// E4: the week's Send SMS Alert switch.
export const setWeekSmsAlert = action(async (weekId: string, enabled: boolean) => {
  await gql(SET_WEEK_ALERT, { weekId, enabled });
}, 'setWeekSmsAlert');

/** sendSmsAlert omitted: a new week takes the employee's smsOptIn, a saved week keeps its setting (E4). */
export type WeekInput = SaveScheduleWeekInput;

export const saveScheduleWeek = action(async (input: WeekInput) => {
  await gql(SAVE_WEEK, { input });
}, 'saveScheduleWeek');

export type PublishResult = ConsolePublishMutation['publishSchedule'];

/** C3: CHANGED texts only employees whose shifts changed since the last publish; EVERYONE all with shifts. */
export type { PublishAudience };

export type PublishPreview = ConsolePublishPreviewQuery['schedulePublishPreview'];

// C3: both counts, before anything is sent.
export async function fetchPublishPreview(weekStart: string): Promise<PublishPreview> {
  return (await gql(PUBLISH_PREVIEW, { weekStart })).schedulePublishPreview;
}

// E6/C3: who is texted is the admin's choice; a retry with the same key texts nobody twice.
export const publishSchedule = action(async (weekStart: string, audience: PublishAudience, idempotencyKey: string): Promise<PublishResult> => {
  const { publishSchedule: result } = await gql(PUBLISH, { input: { weekStart, audience, idempotencyKey } });
  return result;
}, 'publishSchedule');

// E6: the employee is texted the answer.
export const decideTimeOff = action(async (id: string, approved: boolean) => {
  await gql(DECIDE_TIME_OFF, { id, approved });
}, 'decideTimeOff');
