import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import { SessionStatus } from './session-status.enum.js';
import type { StudyService } from './study.service.js';
import { StudySession } from './study-session.entity.js';

interface NewSession {
  studyId: string;
  startsAt: Date;
  durationMinutes: number;
  location?: string | null;
}

interface SessionQuery {
  studyId?: string | null;
  from?: Date | null;
  to?: Date | null;
  status?: SessionStatus | null;
}

export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly studies: StudyService,
    private readonly idempotency: Pick<IdempotencyService, 'run'>,
  ) {}

  /** Soonest first; `from` is inclusive, `to` exclusive. */
  async list(workspaceId: string, query: SessionQuery, page: Page): Promise<ConnectionShape<StudySession>> {
    if (query.from && query.to && query.from >= query.to) throw badInput('to', '`to` must be later than `from`');
    const qb = this.dataSource
      .getRepository(StudySession)
      .createQueryBuilder('session')
      .where('session.workspaceId = :workspaceId', { workspaceId });
    if (query.studyId) {
      await this.studies.get(workspaceId, query.studyId);
      qb.andWhere('session.studyId = :studyId', { studyId: query.studyId });
    }
    if (query.from) qb.andWhere('session.startsAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('session.startsAt < :to', { to: query.to });
    if (query.status) qb.andWhere('session.status = :status', { status: query.status });
    return paginate(qb, page, { property: 'startsAt', direction: 'ASC', kind: 'date' });
  }

  /** `create` in its own transaction, once per idempotency key. */
  createOnce(workspaceId: string, { idempotencyKey, ...input }: NewSession & { idempotencyKey?: string | null }): Promise<StudySession> {
    return this.idempotency.run<StudySession>({
      scope: workspaceId,
      operation: 'createSession',
      key: idempotencyKey,
      input,
      create: (manager) => this.create(manager, workspaceId, input),
      load: (id) => this.dataSource.getRepository(StudySession).findOneByOrFail({ id, workspaceId }),
      idOf: (session) => session.id,
    });
  }

  async create(manager: EntityManager, workspaceId: string, input: NewSession, now = new Date()): Promise<StudySession> {
    const study = await this.studies.get(workspaceId, input.studyId, manager);
    if (input.startsAt.getTime() <= now.getTime()) throw badInput('startsAt', 'A session must start in the future');
    const location = input.location?.trim() || null;
    const session = manager.create(StudySession, {
      id: newId(),
      workspaceId,
      studyId: study.id,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      location,
      status: SessionStatus.SCHEDULED,
    });
    await manager.insert(StudySession, session);
    return manager.findOneByOrFail(StudySession, { id: session.id });
  }
}
