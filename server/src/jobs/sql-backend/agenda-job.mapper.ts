import { toJobId, type JobParameters } from 'agenda';
import { readableFailReason } from '../fail-reason.util.js';
import type { AgendaJob } from './agenda-job.entity.js';

// Between a stored row and Agenda's JobParameters. Absent values are
// `undefined` on Agenda's side and NULL in the table; `data` defaults to {} and
// repeatInterval comes back as text, as the official Redis backend does.

export function toJobParameters(row: AgendaJob): JobParameters {
  return {
    _id: toJobId(row.id),
    name: row.name,
    priority: row.priority,
    nextRunAt: row.nextRunAt,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    disabled: row.disabled,
    fork: row.fork,
    lockedAt: row.lockedAt ?? undefined,
    lastRunAt: row.lastRunAt ?? undefined,
    lastFinishedAt: row.lastFinishedAt ?? undefined,
    failedAt: row.failedAt ?? undefined,
    failCount: row.failCount ?? undefined,
    failReason: row.failReason ?? undefined,
    repeatInterval: row.repeatInterval ?? undefined,
    repeatTimezone: row.repeatTimezone ?? undefined,
    repeatAt: row.repeatAt ?? undefined,
    startDate: row.startDate ?? undefined,
    endDate: row.endDate ?? undefined,
    skipDays: row.skipDays ? (JSON.parse(row.skipDays) as number[]) : undefined,
    debounceStartedAt: row.debounceStartedAt ?? undefined,
    progress: row.progress ?? undefined,
    lastModifiedBy: row.lastModifiedBy ?? undefined,
  };
}

/** The scheduling fields a user's save() may set (Agenda keeps run state out of save()). */
export function scheduleColumns(job: JobParameters, lastModifiedBy: string | undefined) {
  return {
    priority: job.priority ?? 0,
    nextRunAt: job.nextRunAt ?? null,
    type: job.type ?? 'normal',
    data: JSON.stringify(job.data ?? {}),
    disabled: job.disabled ?? false,
    repeatInterval: job.repeatInterval === undefined || job.repeatInterval === null ? null : String(job.repeatInterval),
    repeatTimezone: job.repeatTimezone ?? null,
    repeatAt: job.repeatAt ?? null,
    startDate: job.startDate ?? null,
    endDate: job.endDate ?? null,
    skipDays: job.skipDays ? JSON.stringify(job.skipDays) : null,
    lastModifiedBy: lastModifiedBy ?? null,
  } satisfies Partial<AgendaJob>;
}

/** The run-state fields Agenda's job processor writes through saveJobState(). */
export const RUN_STATE_COLUMNS = [
  'lockedAt',
  'nextRunAt',
  'lastRunAt',
  'lastFinishedAt',
  'failedAt',
  'failCount',
  'failReason',
  'progress',
  'fork',
  'lastModifiedBy',
] as const satisfies readonly (keyof AgendaJob)[];

/** A job's run state as those columns. */
export function runStateColumns(job: JobParameters, lastModifiedBy: string | undefined): Pick<AgendaJob, (typeof RUN_STATE_COLUMNS)[number]> {
  return {
    lockedAt: job.lockedAt ?? null,
    nextRunAt: job.nextRunAt ?? null,
    lastRunAt: job.lastRunAt ?? null,
    lastFinishedAt: job.lastFinishedAt ?? null,
    failedAt: job.failedAt ?? null,
    failCount: job.failCount ?? null,
    failReason: readableFailReason(job.failReason) ?? null,
    progress: job.progress ?? null,
    fork: job.fork ?? false,
    lastModifiedBy: lastModifiedBy ?? null,
  };
}

/** A whole new row. */
export function newRow(id: string, job: JobParameters, lastModifiedBy: string | undefined, dedupeKey: string | null): AgendaJob {
  return {
    id,
    name: job.name,
    dedupeKey,
    uniqueQuery: job.unique ? JSON.stringify(job.unique) : null,
    ...scheduleColumns(job, lastModifiedBy),
    ...runStateColumns(job, lastModifiedBy),
    debounceStartedAt: job.debounceStartedAt ?? null,
  };
}
