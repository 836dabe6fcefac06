import type { Agenda } from 'agenda';
import type { FanOutRequest, FanOutScheduler } from '../messaging/delivery/fan-out.js';
import type { MessageScheduler } from '../messaging/delivery/message-intent.js';
import { currentLogContext } from '../observability/log-context.js';
import { FAN_OUT_JOB } from './definitions/fan-out.job.js';
import { SEND_MESSAGE_JOB, type SendMessageJobData } from './definitions/send-message.job.js';
import { SqlJobRepository } from './sql-backend/sql-job.repository.js';

const sendUnique = (entryId: string) => ({ 'data.entryId': entryId });

// One Agenda job per log entry, unique on the entry id: scheduling the same
// entry again (the reconciler does) moves its job instead of adding one.
export class AgendaMessageScheduler implements MessageScheduler, FanOutScheduler {
  constructor(private readonly agenda: Agenda) {}

  async scheduleSend(entryId: string, at: Date): Promise<void> {
    await this.agenda.ready;
    // O1: the request that recorded the text travels with its job, so the worker's lines carry its id.
    const requestId = currentLogContext()?.requestId;
    await this.agenda.create<SendMessageJobData>(SEND_MESSAGE_JOB, { entryId, ...(requestId && { requestId }) }).unique(sendUnique(entryId)).schedule(at).save();
  }

  /** Item 9: a fan-out runs in a worker, soon. */
  async requestFanOut(request: FanOutRequest): Promise<void> {
    await this.agenda.ready;
    await this.agenda.now(FAN_OUT_JOB, request);
  }

  async cancelSends(entryIds: string[]): Promise<void> {
    if (entryIds.length === 0) return;
    await this.agenda.ready;
    // Tock's own store removes them all by their unique keys, set-based.
    if (this.agenda.db instanceof SqlJobRepository) {
      await this.agenda.db.removeUniqueJobs(SEND_MESSAGE_JOB, entryIds.map(sendUnique));
      return;
    }
    // The official backends take a data filter, one job at a time.
    for (const entryId of entryIds) await this.agenda.cancel({ name: SEND_MESSAGE_JOB, data: { entryId } });
  }
}
