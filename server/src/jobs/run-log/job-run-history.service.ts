import type { Agenda } from 'agenda';
import { runsFromLog, type JobRun } from './job-runs.util.js';

// Enough entries for the last ~100 runs of a job (start, outcome, complete, retry).
const MAX_ENTRIES = 500;

/**
 * A job's run history, from Agenda's job log: Tock's SQL store logs to the
 * application database (SqlJobLogger), the official backends to their own.
 */
export class JobRunHistoryService {
  constructor(private readonly agenda: Agenda) {}

  /** The job's runs, newest first (at most `limit`); none when job logging is off. */
  async listRuns(jobId: string, limit = 20): Promise<JobRun[]> {
    const newest = await this.agenda.getLogs({ jobId, sort: 'desc', limit: MAX_ENTRIES });
    return runsFromLog([...newest.entries].reverse())
      .reverse()
      .slice(0, Math.max(0, limit));
  }
}
