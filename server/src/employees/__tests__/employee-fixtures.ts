import { ConsentRecord } from '../../consent/consent-record.entity.js';
import { newId } from '../../db/id.util.js';
import type { TestServer } from '../../../test/harness.js';
import { Employee } from '../employee.entity.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { Shift } from '../shift.entity.js';
import { TimeOffRequest } from '../time-off-request.entity.js';

export const UPSERT = `mutation($input: UpsertEmployeeInput!) {
  upsertEmployee(input: $input) { id name email phone smsOptIn carrierLookupStatus carrierName carrierGatewayDomain }
}`;
export const SET_OPT_IN = `mutation($input: SetEmployeeSmsOptInInput!) {
  setEmployeeSmsOptIn(input: $input) { id smsOptIn scheduleWeeks { id weekStart sendSmsAlert } }
}`;
export const BULK = `mutation($input: BulkSetEmployeeSmsOptInInput!) {
  bulkSetEmployeeSmsOptIn(input: $input) { matched changed unchanged skippedNoPhone weeksAlertEnabled }
}`;
export const SAVE_WEEK = `mutation($input: SaveScheduleWeekInput!) {
  saveScheduleWeek(input: $input) { id employeeId weekStart sendSmsAlert shifts { id startsAt endsAt note } }
}`;

/** Creates an employee over the API and returns its id. */
export async function createEmployee(server: TestServer, key: string, input: { name: string; phone?: string | null; email?: string | null }): Promise<string> {
  const data = await server.ok(UPSERT, { input }, key);
  return data.upsertEmployee.id as string;
}

/** Opts an employee in over the API (ADMIN source). */
export async function optIn(server: TestServer, key: string, employeeId: string, value = true): Promise<void> {
  await server.ok(SET_OPT_IN, { input: { employeeId, optIn: value, ...(value ? { attestation: 'Asked in person at the briefing' } : {}) } }, key);
}

/** Saves an empty week over the API and returns its id. */
export async function saveWeek(server: TestServer, key: string, employeeId: string, weekStart: string, sendSmsAlert?: boolean): Promise<string> {
  const data = await server.ok(SAVE_WEEK, { input: { employeeId, weekStart, sendSmsAlert, shifts: [] } }, key);
  return data.saveScheduleWeek.id as string;
}

/**
 * Inserts many employees straight into the database (one multi-row INSERT per
 * chunk), for tests that need volume; names sort in creation order.
 */
export async function seedEmployees(server: TestServer, workspaceId: string, count: number, options: { prefix?: string; withPhone?: boolean } = {}): Promise<string[]> {
  const prefix = options.prefix ?? 'Seeded';
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    workspaceId,
    name: `${prefix} ${String(i).padStart(5, '0')}`,
    email: null,
    phone: options.withPhone === false ? null : `+1415555${String(i % 10000).padStart(4, '0')}`,
    smsOptIn: false,
    carrierLookupStatus: null,
    carrierName: null,
    carrierGatewayDomain: null,
    carrierLookedUpAt: null,
  }));
  for (let i = 0; i < rows.length; i += 500) await server.app.dataSource.getRepository(Employee).insert(rows.slice(i, i + 500));
  return rows.map((r) => r.id);
}

/** Everything the employees domain stores for a workspace, read back from the database, for "nothing changed" checks. */
export async function snapshot(server: TestServer, workspaceId: string) {
  const ds = server.app.dataSource;
  const [employees, weeks, shifts, timeOff, consentRecords] = await Promise.all([
    ds.getRepository(Employee).find({ where: { workspaceId }, order: { id: 'ASC' } }),
    ds.getRepository(ScheduleWeek).find({ where: { workspaceId }, order: { id: 'ASC' } }),
    ds.getRepository(Shift).find({ where: { workspaceId }, order: { id: 'ASC' } }),
    ds.getRepository(TimeOffRequest).find({ where: { workspaceId }, order: { id: 'ASC' } }),
    ds.getRepository(ConsentRecord).find({ where: { workspaceId }, order: { id: 'ASC' } }),
  ]);
  return { employees, weeks, shifts, timeOff, consentRecords };
}

export async function consentRecordsOf(server: TestServer, workspaceId: string, subjectId?: string): Promise<ConsentRecord[]> {
  return server.app.dataSource.getRepository(ConsentRecord).find({
    where: subjectId ? { workspaceId, subjectId } : { workspaceId },
    order: { id: 'ASC' },
  });
}
