import type { Agenda } from 'agenda';
import type { MessageScheduler } from '../messaging/delivery/message-intent.js';
import { currentLogContext } from '../observability/log-context.js';
import { SEND_MESSAGE_JOB, type SendMessageJobData } from './definitions/send-message.job.js';

// One Agenda job per log entry, unique on the entry id: scheduling the same
// entry again (the reconciler does) moves its job instead of adding one.
export class AgendaMessageScheduler implements MessageScheduler {
  constructor(private readonly agenda: Agenda) {}

  async scheduleSend(entryId: string, at: Date): Promise<void> {
    await this.agenda.ready;
    // O1: the request that recorded the text travels with its job, so the worker's lines carry its id.
    const requestId = currentLogContext()?.requestId;
    await this.agenda.create<SendMessageJobData>(SEND_MESSAGE_JOB, { entryId, ...(requestId && { requestId }) }).unique({ 'data.entryId': entryId }).schedule(at).save();
  }

  async cancelSends(entryIds: string[]): Promise<void> {
    for (const entryId of entryIds) await this.agenda.cancel({ name: SEND_MESSAGE_JOB, data: { entryId } });
  }
}
