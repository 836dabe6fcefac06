import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { readByIds } from '../db/read-entities.util.js';
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
    const rows = await readByIds(ds, entity, ids, workspaceId);
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

// Built on first use: most operations read one or two relations (and a
// subscription none), so a request or socket pays only for those it touches.
export class Loaders {
  private built?: Partial<Record<string, DataLoader<string, unknown>>>;

  constructor(
    private readonly ds: DataSource,
    private readonly workspaceId: string | null,
  ) {}

  private lazy<T extends DataLoader<string, unknown>>(name: string, build: (ds: DataSource, workspaceId: string | null) => T): T {
    const built = (this.built ??= {});
    return (built[name] ??= build(this.ds, this.workspaceId)) as T;
  }

  get study() {
    return this.lazy('study', (ds, ws) => byId(ds, Study, ws));
  }
  get session() {
    return this.lazy('session', (ds, ws) => byId(ds, StudySession, ws));
  }
  get participant() {
    return this.lazy('participant', (ds, ws) => byId(ds, Participant, ws));
  }
  get booking() {
    return this.lazy('booking', (ds, ws) => byId(ds, Booking, ws));
  }
  get employee() {
    return this.lazy('employee', (ds, ws) => byId(ds, Employee, ws));
  }
  get scheduleWeek() {
    return this.lazy('scheduleWeek', (ds, ws) => byId(ds, ScheduleWeek, ws));
  }
  get sessionsByStudy() {
    return this.lazy('sessionsByStudy', (ds, ws) => groupedBy(ds, StudySession, 'studyId', ws, { startsAt: 'ASC', id: 'ASC' }));
  }
  get bookingsBySession() {
    return this.lazy('bookingsBySession', (ds, ws) => groupedBy(ds, Booking, 'sessionId', ws, { id: 'ASC' }));
  }
  get bookingsByParticipant() {
    return this.lazy('bookingsByParticipant', (ds, ws) => groupedBy(ds, Booking, 'participantId', ws, { id: 'ASC' }));
  }
  get shiftsByWeek() {
    return this.lazy('shiftsByWeek', (ds, ws) => groupedBy(ds, Shift, 'scheduleWeekId', ws, { startsAt: 'ASC', id: 'ASC' }));
  }
  get weeksByEmployee() {
    return this.lazy('weeksByEmployee', (ds, ws) => groupedBy(ds, ScheduleWeek, 'employeeId', ws, { weekStart: 'ASC' }));
  }
  get historyByEntry() {
    return this.lazy('historyByEntry', (ds, ws) => historyByEntry(ds, ws));
  }
}

export function createLoaders(ds: DataSource, workspaceId: string | null): Loaders {
  return new Loaders(ds, workspaceId);
}
