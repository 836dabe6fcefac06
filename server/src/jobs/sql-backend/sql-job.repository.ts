import {
  computeJobState,
  type JobId,
  type JobParameters,
  type JobRepository,
  type JobRepositoryOptions,
  type JobsOverview,
  type JobsQueryOptions,
  type JobsResult,
  type JobsSort,
  type JobWithState,
  type RemoveJobsOptions,
} from 'agenda';
import type { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { newId } from '../../db/id.util.js';
import { isUniqueViolation } from '../../db/unique-violation.util.js';
import { AgendaJob, SINGLE_JOB_KEY } from './agenda-job.entity.js';
import { newRow, runStateColumns, scheduleColumns, toJobParameters } from './agenda-job.mapper.js';
import { matchesData } from './data-match.util.js';
import { debounceSchedule } from './debounce-schedule.util.js';
import { uniqueKeyHash } from './unique-key.util.js';

// How many lockable jobs one poll looks at before it asks again; other workers
// may take some of them first.
const LOCK_CANDIDATES = 10;
const MAX_LOCK_ROUNDS = 5;
// Bound on ids in one IN (...) list.
const ID_CHUNK = 500;

type Where = { andWhere(where: string, parameters?: ObjectLiteral): unknown };
type OrderBy = [expression: string, direction: 'ASC' | 'DESC'];

/**
 * Agenda's JobRepository on the application database (TypeORM; MySQL/MariaDB or
 * SQLite), behaving as Agenda's official Redis backend does. Locks are taken by
 * a conditional UPDATE whose WHERE repeats the "lockable" test, so of several
 * workers racing for one job exactly one changes the row (L2).
 */
export class SqlJobRepository implements JobRepository {
  constructor(private readonly dataSource: DataSource) {}

  // Looked up on use: the backend may be built before the DataSource is initialised.
  private get jobs(): Repository<AgendaJob> {
    return this.dataSource.getRepository(AgendaJob);
  }

  async connect(): Promise<void> {
    // The application opens and migrates the database; the job store only uses it.
    if (!this.dataSource.isInitialized) throw new Error('The job store needs an initialised application DataSource');
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const row = await this.jobs.findOneBy({ id: String(id) });
    return row ? toJobParameters(row) : null;
  }

  async queryJobs(options: JobsQueryOptions = {}): Promise<JobsResult> {
    const { state, data, skip = 0, limit = 0 } = options;
    const qb = this.jobs.createQueryBuilder('job');
    if (options.name) qb.andWhere('job.name = :qName', { qName: options.name });
    else if (options.names?.length) qb.andWhere('job.name IN (:...qNames)', { qNames: options.names });
    if (options.id) qb.andWhere('job.id = :qId', { qId: String(options.id) });
    else if (options.ids?.length) qb.andWhere('job.id IN (:...qIds)', { qIds: options.ids.map(String) });
    if (options.search) {
      qb.andWhere(`LOWER(job.name) LIKE :qSearch ESCAPE '!'`, {
        qSearch: `%${options.search.toLowerCase().replace(/[!%_]/g, '!$&')}%`,
      });
    }
    if (options.includeDisabled === false) qb.andWhere('job.disabled = :qEnabled', { qEnabled: false });
    for (const [expression, direction] of orderBy(options.sort)) qb.addOrderBy(expression, direction);

    const now = new Date();
    const withState = (row: AgendaJob): JobWithState => {
      const job = toJobParameters(row);
      return { ...job, _id: job._id as JobId, state: computeJobState(job, now) };
    };
    if (!state && data === undefined) {
      // Nothing is filtered in code, so the database pages.
      const total = await qb.clone().getCount();
      if (skip > 0) qb.offset(skip);
      if (limit > 0) qb.limit(limit);
      return { jobs: (await qb.getMany()).map(withState), total };
    }
    const jobs = (await qb.getMany())
      .map(withState)
      .filter((job) => data === undefined || matchesData(job.data, data))
      .filter((job) => !state || (state === 'paused' ? job.disabled === true : job.state === state));
    return { jobs: limit > 0 ? jobs.slice(skip, skip + limit) : jobs.slice(skip), total: jobs.length };
  }

  async getJobsOverview(): Promise<JobsOverview[]> {
    const now = new Date();
    const rows = await this.jobs
      .createQueryBuilder('job')
      .select(['job.id', 'job.name', 'job.nextRunAt', 'job.lockedAt', 'job.lastFinishedAt', 'job.failedAt', 'job.repeatInterval', 'job.disabled'])
      .orderBy('job.name', 'ASC')
      .getMany();
    const overviews = new Map<string, JobsOverview>();
    for (const row of rows) {
      let overview = overviews.get(row.name);
      if (!overview) {
        overview = { name: row.name, total: 0, running: 0, scheduled: 0, queued: 0, completed: 0, failed: 0, repeating: 0, paused: 0 };
        overviews.set(row.name, overview);
      }
      overview.total++;
      // Only the columns a state depends on were read; the rest stay empty.
      overview[computeJobState(toJobParameters({ ...row, data: '{}', skipDays: null }), now)]++;
      if (row.disabled) overview.paused++;
    }
    return [...overviews.values()];
  }

  async getDistinctJobNames(): Promise<string[]> {
    const rows = await this.jobs.createQueryBuilder('job').select('DISTINCT job.name', 'name').orderBy('name', 'ASC').getRawMany<{ name: string }>();
    return rows.map((row) => row.name);
  }

  async getQueueSize(): Promise<number> {
    return this.jobs.createQueryBuilder('job').where('job.nextRunAt < :now', { now: new Date() }).getCount();
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    if (options.data === undefined) {
      const qb = this.jobs.createQueryBuilder().delete();
      if (!applyJobFilter(qb, options)) return 0;
      return (await qb.execute()).affected ?? 0;
    }
    let removed = 0;
    for (const ids of chunks(await this.idsMatching(options))) {
      removed += (await this.jobs.createQueryBuilder().delete().where('id IN (:...ids)', { ids }).execute()).affected ?? 0;
    }
    return removed;
  }

  disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, true);
  }

  enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, false);
  }

  async purgeAllJobs(): Promise<number> {
    return (await this.jobs.createQueryBuilder().delete().execute()).affected ?? 0;
  }

  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id) return;
    // A one-off job that is running has no nextRunAt; its lock stays until it finishes.
    await this.jobs
      .createQueryBuilder()
      .update()
      .set({ lockedAt: null })
      .where('id = :id AND nextRunAt IS NOT NULL', { id: String(job._id) })
      .updateEntity(false)
      .execute();
  }

  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    for (const ids of chunks(jobIds.map(String))) {
      await this.jobs.createQueryBuilder().update().set({ lockedAt: null }).where('id IN (:...ids)', { ids }).updateEntity(false).execute();
    }
  }

  async lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    if (!job._id) return undefined;
    const qb = this.jobs
      .createQueryBuilder()
      .update()
      .set({ lockedAt: new Date(), lastModifiedBy: options?.lastModifiedBy ?? null })
      .where('id = :id AND name = :name AND lockedAt IS NULL AND disabled = :enabled', {
        id: String(job._id),
        name: job.name,
        enabled: false,
      })
      .updateEntity(false);
    // Only the run the caller saw: a job rescheduled meanwhile is not taken.
    if (job.nextRunAt) qb.andWhere('nextRunAt = :nextRunAt', { nextRunAt: job.nextRunAt });
    const result = await qb.execute();
    return result.affected === 1 ? ((await this.getJobById(String(job._id))) ?? undefined) : undefined;
  }

  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const lockedAt = now ?? new Date();
    for (let round = 0; round < MAX_LOCK_ROUNDS; round++) {
      const candidates = await this.lockCandidates(jobName, nextScanAt, lockDeadline);
      if (candidates.length === 0) return undefined;
      for (const id of candidates) {
        // L2: the UPDATE re-checks "lockable" on the row itself, so one worker wins.
        const result = await this.jobs
          .createQueryBuilder()
          .update()
          .set({ lockedAt, lastModifiedBy: options?.lastModifiedBy ?? null })
          .where('id = :id AND name = :jobName AND disabled = :enabled', { id, jobName, enabled: false })
          .andWhere('((lockedAt IS NULL AND nextRunAt <= :nextScanAt) OR lockedAt <= :lockDeadline)', {
            nextScanAt,
            lockDeadline,
          })
          .updateEntity(false)
          .execute();
        if (result.affected !== 1) continue;
        const locked = await this.getJobById(id);
        if (locked) return locked;
      }
    }
    return undefined;
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new Error('Cannot save job state without job ID');
    const result = await this.jobs
      .createQueryBuilder()
      .update()
      .set(runStateColumns(job, options?.lastModifiedBy))
      .where('id = :id AND name = :name', { id: String(job._id), name: job.name })
      .updateEntity(false)
      .execute();
    if (result.affected !== 1) {
      throw new Error(`job ${job._id} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`);
    }
  }

  async saveJob<DATA = unknown>(job: JobParameters<DATA>, options: JobRepositoryOptions | undefined): Promise<JobParameters<DATA>> {
    const lastModifiedBy = options?.lastModifiedBy;
    const params = job as JobParameters;
    let saved: JobParameters;
    if (params._id) saved = await this.updateById(params, lastModifiedBy);
    else if (params.type === 'single') saved = await this.saveSingle(params, lastModifiedBy);
    else if (params.unique) saved = await this.saveUnique(params, params.unique, lastModifiedBy);
    else saved = await this.insert(params, lastModifiedBy, null);
    return saved as JobParameters<DATA>;
  }

  // An existing job, by id: its schedule and data, never its run state. A job
  // removed meanwhile (or renamed) is not brought back.
  private async updateById(job: JobParameters, lastModifiedBy: string | undefined): Promise<JobParameters> {
    const id = String(job._id);
    const result = await this.jobs
      .createQueryBuilder()
      .update()
      .set({
        ...scheduleColumns(job, lastModifiedBy),
        fork: job.fork ?? false,
        ...(job.failReason !== undefined && { failReason: job.failReason }),
        ...(job.failedAt !== undefined && { failedAt: job.failedAt }),
        ...(job.failCount !== undefined && { failCount: job.failCount }),
      })
      .where('id = :id AND name = :name', { id, name: job.name })
      .updateEntity(false)
      .execute();
    if (result.affected !== 1) return job;
    return (await this.getJobById(id)) ?? job;
  }

  // every(): one row per name. Saved again (each worker does at start), it takes
  // the new schedule but keeps a due run and the run state.
  private async saveSingle(job: JobParameters, lastModifiedBy: string | undefined, retried = false): Promise<JobParameters> {
    const existing = await this.jobs.findOneBy({ name: job.name, dedupeKey: SINGLE_JOB_KEY });
    if (!existing) {
      try {
        return await this.insert(job, lastModifiedBy, SINGLE_JOB_KEY);
      } catch (error) {
        // Another worker inserted it first: update that row instead.
        if (!retried && isUniqueViolation(error)) return this.saveSingle(job, lastModifiedBy, true);
        throw error;
      }
    }
    const { type: _type, nextRunAt, ...schedule } = scheduleColumns(job, lastModifiedBy);
    const keepStoredRun = job.nextRunAt !== null && job.nextRunAt <= new Date() && existing.nextRunAt !== null;
    await this.jobs
      .createQueryBuilder()
      .update()
      .set({ ...schedule, ...(!keepStoredRun && { nextRunAt }) })
      .where('id = :id', { id: existing.id })
      .updateEntity(false)
      .execute();
    return (await this.getJobById(existing.id)) ?? toJobParameters(existing);
  }

  // unique(): one row per (name, unique query). insertOnly keeps the stored job
  // as it is; debounce moves its run time (see debounceSchedule).
  private async saveUnique(
    job: JobParameters,
    unique: Record<string, unknown>,
    lastModifiedBy: string | undefined,
    retried = false,
  ): Promise<JobParameters> {
    const dedupeKey = uniqueKeyHash(unique);
    const debounce = job.uniqueOpts?.debounce;
    const now = new Date();
    const existing = await this.jobs.findOneBy({ name: job.name, dedupeKey });
    if (!existing) {
      const schedule = debounce ? debounceSchedule(debounce, job.nextRunAt, null, now) : null;
      const toInsert = schedule ? { ...job, nextRunAt: schedule.nextRunAt, debounceStartedAt: schedule.debounceStartedAt ?? undefined } : job;
      try {
        return await this.insert(toInsert, lastModifiedBy, dedupeKey);
      } catch (error) {
        if (!retried && isUniqueViolation(error)) return this.saveUnique(job, unique, lastModifiedBy, true);
        throw error;
      }
    }
    if (job.uniqueOpts?.insertOnly && !debounce) return toJobParameters(existing);
    const schedule = debounce
      ? debounceSchedule(debounce, job.nextRunAt, existing, now)
      : { nextRunAt: job.nextRunAt ?? null, debounceStartedAt: null };
    await this.jobs
      .createQueryBuilder()
      .update()
      .set({ ...scheduleColumns(job, lastModifiedBy), ...schedule })
      .where('id = :id', { id: existing.id })
      .updateEntity(false)
      .execute();
    return (await this.getJobById(existing.id)) ?? toJobParameters(existing);
  }

  private async insert(job: JobParameters, lastModifiedBy: string | undefined, dedupeKey: string | null): Promise<JobParameters> {
    const row = newRow(newId(), job, lastModifiedBy, dedupeKey);
    await this.jobs.createQueryBuilder().insert().into(AgendaJob).values(row).updateEntity(false).execute();
    return toJobParameters(row);
  }

  private async setDisabled(options: RemoveJobsOptions, disabled: boolean): Promise<number> {
    if (options.data === undefined) {
      const qb = this.jobs.createQueryBuilder().update().set({ disabled }).updateEntity(false);
      if (!applyJobFilter(qb, options)) return 0;
      return (await qb.execute()).affected ?? 0;
    }
    let changed = 0;
    for (const ids of chunks(await this.idsMatching(options))) {
      const result = await this.jobs.createQueryBuilder().update().set({ disabled }).where('id IN (:...ids)', { ids }).updateEntity(false).execute();
      changed += result.affected ?? 0;
    }
    return changed;
  }

  // Ids of the jobs a filter with `data` selects; data is JSON text, matched in code.
  private async idsMatching(options: RemoveJobsOptions): Promise<string[]> {
    const qb = this.jobs.createQueryBuilder('job').select(['job.id', 'job.data']);
    applyJobFilter(qb, options, 'job');
    const rows = await qb.getMany();
    return rows.filter((row) => matchesData(JSON.parse(row.data), options.data)).map((row) => row.id);
  }

  // The jobs of one name a worker may lock now, in run order: due and unlocked,
  // or locked longer ago than the lock lifetime (its worker is presumed dead).
  private async lockCandidates(jobName: string, nextScanAt: Date, lockDeadline: Date): Promise<string[]> {
    const pick = (where: string, parameters: ObjectLiteral) =>
      this.jobs
        .createQueryBuilder('job')
        .select(['job.id', 'job.nextRunAt', 'job.priority'])
        .where('job.name = :jobName AND job.disabled = :enabled', { jobName, enabled: false })
        .andWhere(where, parameters)
        .orderBy('job.nextRunAt', 'ASC')
        .addOrderBy('job.priority', 'DESC')
        .limit(LOCK_CANDIDATES)
        .getMany();
    // Two index range scans rather than one OR over every job of the name.
    const [due, expired] = await Promise.all([
      pick('job.lockedAt IS NULL AND job.nextRunAt <= :nextScanAt', { nextScanAt }),
      pick('job.lockedAt <= :lockDeadline', { lockDeadline }),
    ]);
    return [...due, ...expired].sort(runOrder).map((row) => row.id);
  }
}

// Earliest run first (no run time last), then higher priority: the Redis backend's order.
function runOrder(a: Pick<AgendaJob, 'id' | 'nextRunAt' | 'priority'>, b: Pick<AgendaJob, 'id' | 'nextRunAt' | 'priority'>): number {
  const at = (row: Pick<AgendaJob, 'nextRunAt'>) => row.nextRunAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return at(a) - at(b) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// The id/name criteria of RemoveJobsOptions, ANDed; false when there are none
// (Agenda's backends then touch nothing).
function applyJobFilter(qb: Where, options: RemoveJobsOptions, alias = ''): boolean {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  let criteria = options.data !== undefined;
  if (options.id) {
    qb.andWhere(`${column('id')} = :fId`, { fId: String(options.id) });
    criteria = true;
  } else if (options.ids?.length) {
    qb.andWhere(`${column('id')} IN (:...fIds)`, { fIds: options.ids.map(String) });
    criteria = true;
  }
  if (options.name) {
    qb.andWhere(`${column('name')} = :fName`, { fName: options.name });
    criteria = true;
  } else if (options.names?.length) {
    qb.andWhere(`${column('name')} IN (:...fNames)`, { fNames: options.names });
    criteria = true;
  } else if (options.notNames?.length) {
    qb.andWhere(`${column('name')} NOT IN (:...fNotNames)`, { fNotNames: options.notNames });
    criteria = true;
  }
  return criteria;
}

// queryJobs order, as the Redis backend sorts: the asked-for keys in a fixed
// order (a missing nextRunAt counts as latest, a missing lastRunAt or
// lastFinishedAt as earliest), then nextRunAt and lastRunAt descending.
function orderBy(sort: JobsSort | undefined): OrderBy[] {
  const dir = (d: 'asc' | 'desc'): 'ASC' | 'DESC' => (d === 'asc' ? 'ASC' : 'DESC');
  const nullsLatest = (column: string, d: 'ASC' | 'DESC'): OrderBy[] => [
    [`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, d],
    [column, d],
  ];
  const nullsEarliest = (column: string, d: 'ASC' | 'DESC'): OrderBy[] => [
    [`CASE WHEN ${column} IS NULL THEN 0 ELSE 1 END`, d],
    [column, d],
  ];
  const keys: OrderBy[] = [];
  if (sort?.nextRunAt) keys.push(...nullsLatest('job.nextRunAt', dir(sort.nextRunAt)));
  if (sort?.priority) keys.push(['job.priority', dir(sort.priority)]);
  if (sort?.lastRunAt) keys.push(...nullsEarliest('job.lastRunAt', dir(sort.lastRunAt)));
  if (sort?.lastFinishedAt) keys.push(...nullsEarliest('job.lastFinishedAt', dir(sort.lastFinishedAt)));
  if (sort?.name) keys.push(['job.name', dir(sort.name)]);
  keys.push(...nullsEarliest('job.nextRunAt', 'DESC'), ...nullsEarliest('job.lastRunAt', 'DESC'), ['job.id', 'ASC']);
  // TypeORM keys ORDER BY by expression: the first mention of one wins.
  const seen = new Set<string>();
  return keys.filter(([expression]) => !seen.has(expression) && Boolean(seen.add(expression)));
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) out.push(items.slice(i, i + ID_CHUNK));
  return out;
}
