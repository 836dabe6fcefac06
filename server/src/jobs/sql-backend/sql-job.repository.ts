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
import { In, type DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { FixedUpdateStatement } from '../../db/fixed-update.statement.js';
import { newId } from '../../db/id.util.js';
import { isUniqueViolation } from '../../db/unique-violation.util.js';
import { readableFailReason } from '../fail-reason.util.js';
import { AgendaJob, SINGLE_JOB_KEY } from './agenda-job.entity.js';
import { newRow, RUN_STATE_COLUMNS, runStateColumns, scheduleColumns, toJobParameters } from './agenda-job.mapper.js';
import { matchesData } from './data-match.util.js';
import { debounceSchedule } from './debounce-schedule.util.js';
import { LockAheadBuffer } from './lock-ahead.buffer.js';
import { uniqueKeyHash } from './unique-key.util.js';

// SQLite: how many lockable jobs one round looks at at least, and how many
// rounds it tries when other workers take some of them first.
const LOCK_CANDIDATES = 10;
const MAX_LOCK_ROUNDS = 5;
// Bound on ids in one IN (...) list.
const ID_CHUNK = 500;

/** One lock round's ask: up to `size` lockable jobs of one name, to be given this lock. */
interface LockAsk {
  jobName: string;
  nextScanAt: Date;
  lockDeadline: Date;
  lockedAt: Date;
  worker: string | null;
  size: number;
}

/** What one lock round took, and whether it found fewer lockable jobs than it asked for. */
interface LockRound {
  locked: JobParameters[];
  exhausted: boolean;
}

type Where = { andWhere(where: string, parameters?: ObjectLiteral): unknown };
type OrderBy = [expression: string, direction: 'ASC' | 'DESC'];

/**
 * Agenda's JobRepository on the application database (TypeORM; MySQL/MariaDB or
 * SQLite), behaving as Agenda's official Redis backend does. Every lock
 * re-checks the "lockable" test on the row it takes (under SELECT … FOR UPDATE
 * SKIP LOCKED on MySQL/MariaDB, in a conditional UPDATE on SQLite), so of
 * several workers racing for one job exactly one gets it (L2). Jobs are locked
 * in batches and handed to Agenda one at a time (see LockAheadBuffer).
 */
export class SqlJobRepository implements JobRepository {
  private readonly lockedAhead = new LockAheadBuffer((ids, lockedAt) => this.clearLocks(ids, lockedAt));

  // saveJobState runs twice for every job a worker runs.
  private readonly stateUpdate: FixedUpdateStatement<AgendaJob>;

  constructor(private readonly dataSource: DataSource) {
    this.stateUpdate = new FixedUpdateStatement(dataSource, AgendaJob, RUN_STATE_COLUMNS, ['id', 'name']);
  }

  // Row locks that skip what another worker holds: MySQL 8 and MariaDB 10.6 on.
  private get skipLocked(): boolean {
    return this.dataSource.options.type !== 'better-sqlite3';
  }

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
      // MySQL/MariaDB have no OFFSET without LIMIT: skip alone pages to the end.
      if (skip > 0) qb.offset(skip).limit(limit > 0 ? limit : Number.MAX_SAFE_INTEGER);
      else if (limit > 0) qb.limit(limit);
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

  /**
   * Removes the jobs of one name saved with these unique() queries: one DELETE
   * per chunk on the (name, dedupeKey) index, where a `data` filter reads every
   * job of the name.
   */
  async removeUniqueJobs(name: string, uniques: Record<string, unknown>[]): Promise<number> {
    let removed = 0;
    for (const keys of chunks(uniques.map(uniqueKeyHash))) {
      const result = await this.jobs.createQueryBuilder().delete().where('name = :name AND dedupeKey IN (:...keys)', { name, keys }).execute();
      removed += result.affected ?? 0;
    }
    return removed;
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
    await this.clearLocks(jobIds.map(String));
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
    const worker = options?.lastModifiedBy ?? null;
    const held = this.lockedAhead.take(jobName, worker, nextScanAt, lockDeadline);
    if (held) return held;
    const ask: LockAsk = { jobName, nextScanAt, lockDeadline, lockedAt: now ?? new Date(), worker, size: this.lockedAhead.batchSize(jobName, worker) };
    const round = this.skipLocked ? await this.lockSkippingLocked(ask) : await this.lockOneByOne(ask);
    return this.lockedAhead.hold(jobName, worker, round, ask);
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new Error('Cannot save job state without job ID');
    const affected = await this.stateUpdate.run(runStateColumns(job, options?.lastModifiedBy), { id: String(job._id), name: job.name });
    if (affected !== 1) {
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
        ...(job.failReason !== undefined && { failReason: readableFailReason(job.failReason) ?? null }),
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
  // as it is; debounce moves its run time (see debounceSchedule). Most saves
  // are of a new key, so the insert goes first and a conflict falls back to
  // the stored job: one statement for a new job instead of a look-up and an insert.
  private async saveUnique(
    job: JobParameters,
    unique: Record<string, unknown>,
    lastModifiedBy: string | undefined,
    retried = false,
  ): Promise<JobParameters> {
    const dedupeKey = uniqueKeyHash(unique);
    const debounce = job.uniqueOpts?.debounce;
    const now = new Date();
    const fresh = debounce ? debounceSchedule(debounce, job.nextRunAt, null, now) : null;
    const toInsert = fresh ? { ...job, nextRunAt: fresh.nextRunAt, debounceStartedAt: fresh.debounceStartedAt ?? undefined } : job;
    try {
      return await this.insert(toInsert, lastModifiedBy, dedupeKey);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await this.jobs.findOneBy({ name: job.name, dedupeKey });
    if (!existing) {
      // Removed between the two statements: insert again, once.
      if (!retried) return this.saveUnique(job, unique, lastModifiedBy, true);
      throw new Error(`job ${job.name} with unique key ${dedupeKey} could not be saved`);
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

  // MySQL/MariaDB: read up to `size` candidates (a plain read of the due
  // index), then in one short transaction lock those rows by primary key,
  // skipping any another worker holds, re-check on the locked rows that each is
  // still lockable, and mark them locked. What is handed out is what was
  // locked, as it is now (no re-read), and no two workers take one job (L2).
  // Locking reads go by primary key only: a locking scan of the due index
  // deadlocked against the processor's own state writes on MariaDB.
  private async lockSkippingLocked({ jobName, nextScanAt, lockDeadline, lockedAt, worker, size }: LockAsk): Promise<LockRound> {
    const candidates = await this.lockCandidates(jobName, nextScanAt, lockDeadline, size);
    if (candidates.length === 0) return { locked: [], exhausted: true };
    const locked = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const jobs = manager.getRepository(AgendaJob);
      const rows = await jobs
        .createQueryBuilder('job')
        .where('job.id IN (:...candidates) AND job.name = :jobName AND job.disabled = :enabled', { candidates, jobName, enabled: false })
        .andWhere(`((${DUE}) OR ${LOCK_EXPIRED})`, { nextScanAt, lockDeadline })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return [];
      await jobs
        .createQueryBuilder()
        .update()
        .set({ lockedAt, lastModifiedBy: worker })
        .where('id IN (:...ids)', { ids: rows.map((row) => row.id) })
        .updateEntity(false)
        .execute();
      return rows.sort(runOrder).map((row) => toJobParameters({ ...row, lockedAt, lastModifiedBy: worker }));
    });
    return { locked, exhausted: candidates.length < size };
  }

  // SQLite has no SKIP LOCKED: read candidates, then lock each with a
  // conditional UPDATE that repeats the "lockable" test on the row, so of
  // several workers racing for one job exactly one changes it (L2).
  private async lockOneByOne({ jobName, nextScanAt, lockDeadline, lockedAt, worker, size }: LockAsk): Promise<LockRound> {
    const locked: JobParameters[] = [];
    for (let round = 0; round < MAX_LOCK_ROUNDS && locked.length < size; round++) {
      const candidates = await this.lockCandidates(jobName, nextScanAt, lockDeadline, Math.max(size, LOCK_CANDIDATES));
      if (candidates.length === 0) return { locked, exhausted: true };
      for (const id of candidates) {
        if (locked.length === size) break;
        const result = await this.jobs
          .createQueryBuilder()
          .update()
          .set({ lockedAt, lastModifiedBy: worker })
          .where('id = :id AND name = :jobName AND disabled = :enabled', { id, jobName, enabled: false })
          .andWhere(`(${DUE} OR ${LOCK_EXPIRED})`, { nextScanAt, lockDeadline })
          .updateEntity(false)
          .execute();
        if (result.affected !== 1) continue;
        const job = await this.getJobById(id);
        if (job) locked.push(job);
      }
    }
    return { locked, exhausted: false };
  }

  // The ids of jobs of one name a worker may lock now, in run order.
  private async lockCandidates(jobName: string, nextScanAt: Date, lockDeadline: Date, limit: number): Promise<string[]> {
    const pick = (where: string, parameters: ObjectLiteral) =>
      this.jobs
        .createQueryBuilder('job')
        .select(['job.id', 'job.nextRunAt', 'job.priority'])
        .where('job.name = :jobName AND job.disabled = :enabled', { jobName, enabled: false })
        .andWhere(where, parameters)
        .orderBy('job.nextRunAt', 'ASC')
        .addOrderBy('job.priority', 'DESC')
        .limit(limit)
        .getMany();
    // Two index range scans rather than one OR over every job of the name.
    const [due, expired] = await Promise.all([pick(DUE, { nextScanAt }), pick(LOCK_EXPIRED, { lockDeadline })]);
    return [...due, ...expired].sort(runOrder).slice(0, limit).map((row) => row.id);
  }

  /**
   * L6: moves the locks of jobs a worker holds but has not started to
   * `renewedAt`, where each still holds the lock it was given (`heldSince`);
   * returns the ids renewed (held-locks.ts).
   */
  async renewLocks(ids: string[], heldSince: Date, renewedAt: Date): Promise<string[]> {
    const renewed: string[] = [];
    for (const chunk of chunks(ids)) {
      const { affected } = await this.jobs
        .createQueryBuilder()
        .update()
        .set({ lockedAt: renewedAt })
        .where('id IN (:...ids) AND lockedAt = :heldSince', { ids: chunk, heldSince })
        .updateEntity(false)
        .execute();
      if (affected === chunk.length) renewed.push(...chunk);
      // Some had changed hands (an expired lock another worker took): find which are ours.
      else if (affected) renewed.push(...(await this.jobs.find({ select: { id: true }, where: { id: In(chunk), lockedAt: renewedAt } })).map((row) => row.id));
    }
    return renewed;
  }

  // Unlocks jobs; with `heldSince`, only those still holding that lock (jobs
  // locked ahead that Agenda never took, unless the lock has changed hands since).
  private async clearLocks(ids: string[], heldSince?: Date): Promise<void> {
    for (const chunk of chunks(ids)) {
      const qb = this.jobs.createQueryBuilder().update().set({ lockedAt: null }).where('id IN (:...ids)', { ids: chunk }).updateEntity(false);
      if (heldSince) qb.andWhere('lockedAt = :heldSince', { heldSince });
      await qb.execute();
    }
  }
}

// A job a worker may lock now: due and unlocked, or locked longer ago than the
// lock lifetime (its worker is presumed dead).
const DUE = 'lockedAt IS NULL AND nextRunAt <= :nextScanAt';
const LOCK_EXPIRED = 'lockedAt <= :lockDeadline';

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
