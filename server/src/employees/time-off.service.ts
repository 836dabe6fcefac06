import type { DataSource, EntityManager } from 'typeorm';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import { badInput, conflict, notFound } from '../common/tock-error.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import { newId } from '../db/id.util.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import type { CreateTimeOffRequestInput, TimeOffRequestFilter } from './dtos/schedule.inputs.js';
import { Employee } from './employee.entity.js';
import { timeOffResponseIntent } from './employee-messages.js';
import { parseIsoDate } from './iso-date.util.js';
import { TimeOffRequest, TimeOffStatus } from './time-off-request.entity.js';

// Time-off requests; deciding one sends the answer (E6).
export class TimeOffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly idempotency: Pick<IdempotencyService, 'run'>,
  ) {}

  /** E6: approve or decline a PENDING request and text the answer; deciding the same way again changes nothing. */
  async decide(actor: WorkspaceActor, id: string, approved: boolean, now = new Date()): Promise<TimeOffRequest> {
    const status = approved ? TimeOffStatus.APPROVED : TimeOffStatus.DENIED;
    let queued: CommsLogEntry[] = [];
    const request = await this.dataSource.transaction(async (manager) => {
      const current = await lockForUpdate(manager.createQueryBuilder(TimeOffRequest, 't'))
        .where('t.id = :id AND t.workspaceId = :workspaceId', { id, workspaceId: actor.workspaceId })
        .getOne();
      if (!current) throw notFound('Time-off request');
      if (current.status === status) return current;
      if (current.status !== TimeOffStatus.PENDING) throw conflict(`This request was already ${current.status.toLowerCase()}`);
      await manager.update(TimeOffRequest, { id }, { status, decidedAt: now, decidedBy: actor.label });
      const decided = await manager.findOneByOrFail(TimeOffRequest, { id });
      queued = await this.delivery.record(manager, [timeOffResponseIntent(decided, now)]);
      return decided;
    });
    await this.delivery.schedule(queued);
    return request;
  }

  /** Newest first (keyset on the time-ordered id). */
  list(workspaceId: string, filter: TimeOffRequestFilter | null | undefined, page: Page): Promise<ConnectionShape<TimeOffRequest>> {
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
  /** `create` in its own transaction, once per idempotency key. */
  createOnce(workspaceId: string, input: CreateTimeOffRequestInput): Promise<TimeOffRequest> {
    const { idempotencyKey, ...request } = input;
    return this.idempotency.run<TimeOffRequest>({
      scope: workspaceId,
      operation: 'createTimeOffRequest',
      key: idempotencyKey,
      input: request,
      create: (manager) => this.create(manager, workspaceId, input),
      load: (id) => this.get(workspaceId, id),
      idOf: (created) => created.id,
    });
  }

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
