import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import type { CommsLogHistory } from '../../comms-log/comms-log-history.writer.js';
import { MessageDirection, MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { MessageEventType } from '../../comms-log/message-event-type.enum.js';
import { conflict, ErrorCode, notFound, TockError } from '../../common/tock-error.js';
import type { WorkspaceActor } from '../../common/actor.js';
import type { IdempotencyService } from '../../idempotency/idempotency.service.js';
import type { DeliveryService } from './delivery.service.js';

/** A line in the workspace's audit trail (W1), written in the caller's transaction; workspaces/ keeps the trail. */
interface AuditNote {
  workspaceId: string;
  setting: string;
  oldValue: string | null;
  newValue: string | null;
  actorApiKeyId: string | null;
  actorLabel: string;
  createdAt: Date;
}

type RecordAudit = (manager: EntityManager, note: AuditNote) => Promise<void>;

// Kinds whose text was fixed when recorded; the others are rendered afresh when due.
const FIXED_BODY_KINDS = new Set([MessageKind.DAY_OF_UPDATE, MessageKind.KEYWORD_REPLY]);

// L9: an ADMIN resends a text that FAILED (or was interrupted and marked so):
// a new QUEUED entry about the same subject, linked to the original, decided
// afresh by decideSend when its job runs. Audited in the workspace's trail.
export class MessageResendService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly idempotency: IdempotencyService,
    private readonly history: CommsLogHistory,
    private readonly recordAudit: RecordAudit,
  ) {}

  async resend(actor: WorkspaceActor, entryId: string, idempotencyKey: string, now = new Date()): Promise<CommsLogEntry> {
    if (!idempotencyKey.trim()) throw new TockError(ErrorCode.BAD_USER_INPUT, 'idempotencyKey must not be empty', 'idempotencyKey');
    if (!/^\d{1,10}$/.test(entryId)) throw notFound('Message');
    let created: CommsLogEntry[] = [];
    const resent = await this.idempotency.run({
      scope: actor.workspaceId,
      operation: 'resendMessage',
      key: idempotencyKey,
      input: { entryId },
      create: async (manager) => {
        const original = await manager.findOneBy(CommsLogEntry, { id: entryId, workspaceId: actor.workspaceId });
        if (!original) throw notFound('Message');
        if (original.direction !== MessageDirection.OUTBOUND) throw conflict('Only an outbound text can be resent', 'entryId');
        if (original.status !== MessageStatus.FAILED) throw conflict(`Only a FAILED or interrupted text can be resent; this one is ${original.status}`, 'entryId');
        created = await this.delivery.record(manager, [this.intent(original, idempotencyKey, now)], now);
        const entry = created[0];
        await this.audit(manager, actor, original, entry, now);
        // C2: the original's timeline names its resend.
        await this.history.appendKnown(manager, [{ entryId: String(original.id), workspaceId: original.workspaceId, type: MessageEventType.RESENT, detail: String(entry.id) }], now);
        return entry;
      },
      load: async (id) => this.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ id }),
      idOf: (entry) => String(entry.id),
    });
    // After the commit: the job goes on the store (the reconciler covers a crash in between).
    if (created.length) await this.delivery.schedule(created);
    return resent;
  }

  private intent(original: CommsLogEntry, idempotencyKey: string, now: Date) {
    const key = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
    return {
      workspaceId: original.workspaceId,
      kind: original.kind,
      idempotencyKey: `resend:${original.id}:${key}`,
      sendAt: now,
      participantId: original.participantId,
      employeeId: original.employeeId,
      studyId: original.studyId,
      sessionId: original.sessionId,
      bookingId: original.bookingId,
      shiftId: original.shiftId,
      scheduleWeekId: original.scheduleWeekId,
      timeOffRequestId: original.timeOffRequestId,
      eventKey: original.eventKey,
      subjectStartsAt: original.subjectStartsAt,
      recipientPhone: original.kind === MessageKind.KEYWORD_REPLY ? original.recipientPhone : null,
      senderPhone: original.kind === MessageKind.KEYWORD_REPLY ? original.senderPhone : null,
      body: FIXED_BODY_KINDS.has(original.kind) ? original.body : null,
      resendOfId: original.id,
    };
  }

  private async audit(manager: EntityManager, actor: WorkspaceActor, original: CommsLogEntry, resent: CommsLogEntry, now: Date): Promise<void> {
    await this.recordAudit(manager, {
      workspaceId: actor.workspaceId,
      setting: 'resendMessage',
      oldValue: `message ${original.id} (${original.status}${original.errorCode ? ` ${original.errorCode}` : ''})`,
      newValue: `message ${resent.id}`,
      actorApiKeyId: actor.apiKeyId,
      actorLabel: actor.label,
      createdAt: now,
    });
  }
}
