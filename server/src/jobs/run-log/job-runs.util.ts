import type { JobLogEntry } from 'agenda';

/** One run of a job, as its log tells it. */
export interface JobRun {
  jobId: string;
  jobName: string;
  startedAt: Date;
  /** null while it runs (or if its worker died mid-run). */
  finishedAt: Date | null;
  outcome: 'running' | 'succeeded' | 'failed';
  failReason: string | null;
  /** When Agenda scheduled the next attempt after this failed run, if it did. */
  retryAt: Date | null;
  /** The Agenda (host:pid) that ran it. */
  worker: string | null;
}

// Pure: a job's log entries, oldest first, folded into its runs, oldest first.
// A 'start' opens a run; 'success' or 'fail' sets its outcome; 'retry' when
// it goes again; 'complete' closes it. Entries before the first start are ignored.
export function runsFromLog(entries: readonly JobLogEntry[]): JobRun[] {
  const runs: JobRun[] = [];
  let open: JobRun | undefined;
  for (const entry of entries) {
    if (entry.event === 'start') {
      open = {
        jobId: entry.jobId ?? '',
        jobName: entry.jobName,
        startedAt: entry.timestamp,
        finishedAt: null,
        outcome: 'running',
        failReason: null,
        retryAt: null,
        worker: entry.agendaName ?? null,
      };
      runs.push(open);
      continue;
    }
    if (!open) continue;
    if (entry.event === 'success') open.outcome = 'succeeded';
    else if (entry.event === 'fail') {
      open.outcome = 'failed';
      open.failReason = entry.error ?? entry.message;
    } else if (entry.event === 'retry' && entry.retryDelay !== undefined) open.retryAt = new Date(entry.timestamp.getTime() + entry.retryDelay);
    else if (entry.event === 'complete') open.finishedAt = entry.timestamp;
  }
  return runs;
}
