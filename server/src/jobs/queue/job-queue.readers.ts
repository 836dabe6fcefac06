import type { Agenda, JobParameters } from 'agenda';
import { In, IsNull, MoreThanOrEqual, Not, type DataSource } from 'typeorm';
import { AgendaJob } from '../sql-backend/agenda-job.entity.js';
import type { QueueJob } from './job-queue-state.util.js';

/** What the queue view reads from a job store: the jobs still to run (earliest first), those running, and recent failures. */
export interface JobQueueReader {
  /** At most `limit` jobs with a next run, earliest first, plus every running one; `more` when the limit cut the list. */
  pending(names: string[], limit: number): Promise<{ jobs: QueueJob[]; more: boolean }>;
  /** Jobs that failed since `since` and will not run again, newest first, at most `limit`. */
  failedSince(names: string[], since: Date, limit: number): Promise<QueueJob[]>;
}

const parseData = (data: string): unknown => {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
};

function fromRow(row: AgendaJob): QueueJob {
  return {
    id: row.id,
    name: row.name,
    nextRunAt: row.nextRunAt,
    lockedAt: row.lockedAt,
    lastRunAt: row.lastRunAt,
    lastFinishedAt: row.lastFinishedAt,
    failedAt: row.failedAt,
    failCount: row.failCount,
    failReason: row.failReason,
    repeatInterval: row.repeatInterval,
    data: parseData(row.data),
  };
}

// Tock's SQL store: indexed reads only, so the view costs the same with a
// million finished jobs in the table: (name, nextRunAt) for what is due,
// lockedAt for what runs, failedAt for what failed lately.
export class SqlJobQueueReader implements JobQueueReader {
  constructor(private readonly dataSource: DataSource) {}

  async pending(names: string[], limit: number) {
    const repo = this.dataSource.getRepository(AgendaJob);
    const [due, running] = await Promise.all([
      repo.find({ where: { name: In(names), nextRunAt: Not(IsNull()) }, order: { nextRunAt: 'ASC', id: 'ASC' }, take: limit + 1 }),
      repo.find({ where: { name: In(names), lockedAt: Not(IsNull()) }, take: limit }),
    ]);
    const jobs = new Map([...due.slice(0, limit), ...running].map((row) => [row.id, fromRow(row)]));
    return { jobs: [...jobs.values()], more: due.length > limit };
  }

  async failedSince(names: string[], since: Date, limit: number) {
    const rows = await this.dataSource.getRepository(AgendaJob).find({
      where: { name: In(names), failedAt: MoreThanOrEqual(since), nextRunAt: IsNull() },
      order: { failedAt: 'DESC' },
      take: limit,
    });
    return rows.map(fromRow);
  }
}

function fromParameters(job: JobParameters & { _id?: unknown }): QueueJob {
  const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);
  return {
    id: String(job._id),
    name: job.name,
    nextRunAt: date(job.nextRunAt),
    lockedAt: date(job.lockedAt),
    lastRunAt: date(job.lastRunAt),
    lastFinishedAt: date(job.lastFinishedAt),
    failedAt: date(job.failedAt),
    failCount: job.failCount ?? null,
    failReason: job.failReason ?? null,
    repeatInterval: job.repeatInterval == null ? null : String(job.repeatInterval),
    data: job.data,
  };
}

// Agenda's official MongoDB and Redis backends, through Agenda's own query API.
export class AgendaJobQueueReader implements JobQueueReader {
  constructor(private readonly agenda: Agenda) {}

  async pending(names: string[], limit: number) {
    const [due, running] = await Promise.all([
      this.agenda.queryJobs({ names, sort: { nextRunAt: 'asc' }, limit: limit + 1 }),
      this.agenda.queryJobs({ names, state: 'running', limit }),
    ]);
    const withNextRun = due.jobs.map(fromParameters).filter((job) => job.nextRunAt);
    const jobs = new Map([...withNextRun.slice(0, limit), ...running.jobs.map(fromParameters)].map((job) => [job.id, job]));
    return { jobs: [...jobs.values()], more: withNextRun.length > limit };
  }

  async failedSince(names: string[], since: Date, limit: number) {
    const { jobs } = await this.agenda.queryJobs({ names, state: 'failed', sort: { lastFinishedAt: 'desc' }, limit });
    return jobs.map(fromParameters).filter((job) => !job.nextRunAt && job.failedAt && job.failedAt >= since);
  }
}
