import { parseTimeZone } from '../common/time-zone.util.js';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import { likePattern } from '../db/like-pattern.util.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { newSecretToken } from './secret-token.util.js';
import { Study } from './study.entity.js';

interface NewStudy {
  name: string;
  smsRemindersEnabled?: boolean | null;
  timeZone?: string | null;
}

export class StudyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: Pick<IdempotencyService, 'run'>,
  ) {}

  // A2: another workspace's study answers NOT_FOUND, exactly like a missing one.
  async get(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Study> {
    const study = await manager.findOneBy(Study, { id, workspaceId });
    if (!study) throw notFound('Study');
    return study;
  }

  /** Newest first. */
  list(workspaceId: string, search: string | null | undefined, page: Page): Promise<ConnectionShape<Study>> {
    const qb = this.dataSource
      .getRepository(Study)
      .createQueryBuilder('study')
      .where('study.workspaceId = :workspaceId', { workspaceId });
    if (search?.trim()) qb.andWhere("LOWER(study.name) LIKE :search ESCAPE '!'", { search: likePattern(search) });
    return paginate(qb, page, { property: 'id', direction: 'DESC', kind: 'string' });
  }

  /** `create` in its own transaction, once per idempotency key. */
  createOnce(workspaceId: string, { idempotencyKey, ...input }: NewStudy & { idempotencyKey?: string | null }): Promise<Study> {
    return this.idempotency.run<Study>({
      scope: workspaceId,
      operation: 'createStudy',
      key: idempotencyKey,
      input,
      create: (manager) => this.create(manager, workspaceId, input),
      load: (id) => this.get(workspaceId, id),
      idOf: (study) => study.id,
    });
  }

  /** S1: the Interview Reminder SMS is on unless the caller says otherwise. */
  async create(manager: EntityManager, workspaceId: string, input: NewStudy): Promise<Study> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'A study needs a name');
    const study = manager.create(Study, {
      id: newId(),
      workspaceId,
      name,
      smsRemindersEnabled: input.smsRemindersEnabled ?? true,
      timeZone: input.timeZone?.trim() ? parseTimeZone(input.timeZone) : null,
      inviteToken: newSecretToken(),
    });
    await manager.insert(Study, study);
    return manager.findOneByOrFail(Study, { id: study.id });
  }

  /** T1: the zone a study's sessions are in (null: the workspace's). */
  async setTimeZone(workspaceId: string, studyId: string, timeZone: string | null): Promise<Study> {
    const study = await this.get(workspaceId, studyId);
    const zone = timeZone?.trim() ? parseTimeZone(timeZone) : null;
    await this.dataSource.getRepository(Study).update({ id: study.id, workspaceId }, { timeZone: zone });
    return this.get(workspaceId, studyId);
  }

  /** S1: any workspace user (MEMBER too) may switch a study's reminders. */
  async setSmsReminders(workspaceId: string, studyId: string, enabled: boolean): Promise<Study> {
    const study = await this.get(workspaceId, studyId);
    if (study.smsRemindersEnabled === enabled) return study;
    await this.dataSource.getRepository(Study).update({ id: study.id, workspaceId }, { smsRemindersEnabled: enabled });
    return this.get(workspaceId, studyId);
  }
}
