import { In, type DataSource } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { Employee } from '../../employees/employee.entity.js';
import { CARRIER_LOOKUP_JOB } from '../definitions/carrier-lookup.job.js';
import { OPT_IN_CONFIRMATIONS_JOB } from '../definitions/opt-in-confirmations.job.js';
import { RECONCILE_JOB } from '../definitions/reconcile.job.js';
import { SEND_MESSAGE_JOB } from '../definitions/send-message.job.js';
import { SHIFT_ALERTS_JOB } from '../definitions/shift-alerts.job.js';
import { summarizeQueue, type QueueJob } from './job-queue-state.util.js';
import type { JobQueueReader } from './job-queue.readers.js';
import type { JobQueue, QueuedJob } from './job-queue.types.js';

const JOB_NAMES = [SEND_MESSAGE_JOB, CARRIER_LOOKUP_JOB, SHIFT_ALERTS_JOB, RECONCILE_JOB, OPT_IN_CONFIRMATIONS_JOB];
// Recurring jobs that serve every workspace.
const SYSTEM_JOBS = new Set([SHIFT_ALERTS_JOB, RECONCILE_JOB, OPT_IN_CONFIRMATIONS_JOB]);
const ID_CHUNK = 1000;

interface JobQueueOptions {
  /** Pending jobs read at most; past it the view says it is partial. */
  window: number;
  dueSoonMs: number;
  failedWithinMs: number;
  listLimit: number;
}

const JOB_QUEUE_DEFAULTS: JobQueueOptions = { window: 5000, dueSoonMs: 15 * 60_000, failedWithinMs: 24 * 60 * 60_000, listLimit: 100 };

// C2/A2: the job store is shared by every workspace, so the view keeps the
// jobs of this workspace's texts and people, and the system's recurring jobs
// (without their error text, which may be about anyone).
export class JobQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: JobQueueReader,
    private readonly store: string,
    private readonly options: JobQueueOptions = JOB_QUEUE_DEFAULTS,
  ) {}

  async view(workspaceId: string, now = new Date()): Promise<JobQueue> {
    const [{ jobs: pending, more }, failed] = await Promise.all([
      this.reader.pending(JOB_NAMES, this.options.window),
      this.reader.failedSince(JOB_NAMES, new Date(now.getTime() - this.options.failedWithinMs), this.options.window),
    ]);
    const jobs = [...new Map([...pending, ...failed].map((job) => [job.id, job])).values()];
    const messages = await this.entriesOf(workspaceId, jobs);
    const employees = await this.employeesOf(workspaceId, jobs);
    const mine = jobs.filter((job) => {
      if (SYSTEM_JOBS.has(job.name)) return true;
      if (job.name === SEND_MESSAGE_JOB) return messages.has(dataField(job, 'entryId') ?? '');
      if (job.name === CARRIER_LOOKUP_JOB) return employees.has(dataField(job, 'employeeId') ?? '');
      return false;
    });
    const summary = summarizeQueue(mine, now, this.options.dueSoonMs, this.options.listLimit);
    const shown = ({ job, state }: { job: QueueJob; state: QueuedJob['state'] }): QueuedJob => ({
      id: job.id,
      name: job.name,
      state,
      nextRunAt: job.nextRunAt,
      lastRunAt: job.lastRunAt,
      lockedAt: job.lockedAt,
      failedAt: job.failedAt,
      failCount: job.failCount,
      system: SYSTEM_JOBS.has(job.name),
      failReason: SYSTEM_JOBS.has(job.name) ? null : job.failReason,
      message: job.name === SEND_MESSAGE_JOB ? (messages.get(dataField(job, 'entryId') ?? '') ?? null) : null,
    });
    return {
      store: this.store,
      generatedAt: now,
      dueSoonMinutes: Math.round(this.options.dueSoonMs / 60_000),
      partial: more,
      counts: summary.counts,
      next: summary.next.map(shown),
      oldestOverdue: summary.oldestOverdue && shown(summary.oldestOverdue),
    };
  }

  private async entriesOf(workspaceId: string, jobs: QueueJob[]): Promise<Map<string, CommsLogEntry>> {
    const ids = idsOf(jobs, SEND_MESSAGE_JOB, 'entryId').filter((id) => /^\d{1,10}$/.test(id));
    const found = new Map<string, CommsLogEntry>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.dataSource.getRepository(CommsLogEntry).findBy({ id: In(ids.slice(i, i + ID_CHUNK)), workspaceId });
      for (const row of rows) found.set(String(row.id), row);
    }
    return found;
  }

  private async employeesOf(workspaceId: string, jobs: QueueJob[]): Promise<Set<string>> {
    const ids = idsOf(jobs, CARRIER_LOOKUP_JOB, 'employeeId');
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.dataSource.getRepository(Employee).find({ select: { id: true }, where: { id: In(ids.slice(i, i + ID_CHUNK)), workspaceId } });
      for (const row of rows) found.add(row.id);
    }
    return found;
  }
}

function dataField(job: QueueJob, field: string): string | null {
  const value = job.data && typeof job.data === 'object' ? (job.data as Record<string, unknown>)[field] : undefined;
  return value == null ? null : String(value);
}

function idsOf(jobs: QueueJob[], name: string, field: string): string[] {
  return [...new Set(jobs.filter((job) => job.name === name).map((job) => dataField(job, field)).filter((id): id is string => !!id))];
}
