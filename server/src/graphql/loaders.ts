import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { CommsLogEvent } from '../comms-log/comms-log-event.entity.js';
import { Employee } from '../employees/employee.entity.js';
import { ScheduleWeek } from '../employees/schedule-week.entity.js';
import { Shift } from '../employees/shift.entity.js';
import { Booking } from '../studies/booking.entity.js';
import { Participant } from '../studies/participant.entity.js';
import { StudySession } from '../studies/study-session.entity.js';
import { Study } from '../studies/study.entity.js';

// Relations load through per-request DataLoaders, always inside the caller's
// workspace (A2), so a page of rows with nested fields costs one query per
// relation, not one per row.
function byId<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>, workspaceId: string | null) {
  return new DataLoader<string, T | null>(async (ids) => {
    if (!workspaceId) return ids.map(() => null);
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]), workspaceId } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupedBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  workspaceId: string | null,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    if (!workspaceId) return keys.map(() => []);
    const rows = await ds.getRepository(entity).find({ where: { [property]: In([...keys]), workspaceId } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[property] as string)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

// C2: each entry's timeline, oldest first; one query for a page of entries.
function historyByEntry(ds: DataSource, workspaceId: string | null) {
  return new DataLoader<string, CommsLogEvent[]>(async (entryIds) => {
    if (!workspaceId) return entryIds.map(() => []);
    const rows = await ds.getRepository(CommsLogEvent).find({ where: { entryId: In([...entryIds]), workspaceId }, order: { entryId: 'ASC', id: 'ASC' } });
    const groups = new Map<string, CommsLogEvent[]>(entryIds.map((id) => [id, []]));
    for (const row of rows) groups.get(String(row.entryId))?.push(row);
    return entryIds.map((id) => groups.get(id) ?? []);
  });
}

export function createLoaders(ds: DataSource, workspaceId: string | null) {
  return {
    study: byId(ds, Study, workspaceId),
    session: byId(ds, StudySession, workspaceId),
    participant: byId(ds, Participant, workspaceId),
    booking: byId(ds, Booking, workspaceId),
    employee: byId(ds, Employee, workspaceId),
    scheduleWeek: byId(ds, ScheduleWeek, workspaceId),
    sessionsByStudy: groupedBy(ds, StudySession, 'studyId', workspaceId, { startsAt: 'ASC', id: 'ASC' }),
    bookingsBySession: groupedBy(ds, Booking, 'sessionId', workspaceId, { id: 'ASC' }),
    bookingsByParticipant: groupedBy(ds, Booking, 'participantId', workspaceId, { id: 'ASC' }),
    shiftsByWeek: groupedBy(ds, Shift, 'scheduleWeekId', workspaceId, { startsAt: 'ASC', id: 'ASC' }),
    weeksByEmployee: groupedBy(ds, ScheduleWeek, 'employeeId', workspaceId, { weekStart: 'ASC' }),
    historyByEntry: historyByEntry(ds, workspaceId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
