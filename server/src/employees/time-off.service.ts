import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import { paginate, type ConnectionShape, type PageArgs } from '../graphql/pagination.js';
import type { CreateTimeOffRequestInput, TimeOffRequestFilter } from './dtos/schedule.inputs.js';
import { Employee } from './employee.entity.js';
import { parseIsoDate } from './iso-date.util.js';
import { TimeOffRequest, TimeOffStatus } from './time-off-request.entity.js';

// Time-off requests as data; deciding one sends a text (E6) and is a later issue.
export class TimeOffService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first (keyset on the time-ordered id). */
  list(workspaceId: string, filter: TimeOffRequestFilter | null | undefined, page: PageArgs): Promise<ConnectionShape<TimeOffRequest>> {
    const qb = this.dataSource.getRepository(TimeOffRequest).createQueryBuilder('t').where('t.workspaceId = :workspaceId', { workspaceId });
    if (filter?.employeeId) qb.andWhere('t.employeeId = :employeeId', { employeeId: filter.employeeId });
    if (filter?.status) qb.andWhere('t.status = :status', { status: filter.status });
    return paginate(qb, page, { property: 'id', direction: 'DESC', kind: 'string' });
  }

  async get(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<TimeOffRequest> {
    const request = await manager.findOneBy(TimeOffRequest, { id, workspaceId });
    if (!request) throw notFound('Time-off request');
    return request;
  }

  /** Runs in the caller's transaction (the idempotency wrapper's). */
  async create(manager: EntityManager, workspaceId: string, input: CreateTimeOffRequestInput): Promise<TimeOffRequest> {
    const startsOn = parseIsoDate(input.startsOn, 'startsOn');
    const endsOn = parseIsoDate(input.endsOn, 'endsOn');
    if (endsOn < startsOn) throw badInput('endsOn', 'endsOn must be on or after startsOn');
    const employee = await manager.findOneBy(Employee, { id: input.employeeId, workspaceId });
    if (!employee) throw notFound('Employee');
    const id = newId();
    await manager.insert(TimeOffRequest, {
      id,
      workspaceId,
      employeeId: employee.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason?.trim() || null,
      status: TimeOffStatus.PENDING,
      decidedAt: null,
      decidedBy: null,
    });
    return this.get(workspaceId, id, manager);
  }
}
