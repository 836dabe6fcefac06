import { createHash } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import type { CommsEvents } from '../../comms-log/comms-events.js';
import { MessageDirection, MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { logEntryDefaults } from '../../comms-log/log-entry-defaults.util.js';
import { newId } from '../../db/id.util.js';
import { retryOnDeadlock } from '../../db/retry-on-deadlock.util.js';
import { isUniqueViolation } from '../../db/unique-violation.util.js';
import { Language } from '../../common/language.js';
import { IdempotencyRecord } from '../../idempotency/idempotency-record.entity.js';
import type { DeliveryService } from '../delivery/delivery.service.js';
import type { SendFactsLoader } from '../delivery/send-facts.loader.js';
import { renderMessage, type Brand, type KeywordReply } from '../templates/message-templates.js';
import { InboundPart } from './inbound-part.entity.js';
import { parseKeyword, suggestsOptOut, type Keyword } from './keyword.js';
import type { NumberConsent, NumberHolder, NumberHolders } from './number-consent.port.js';

/** An inbound text as Tock reads it: whole (parts joined), numbers in E.164. */
interface InboundText {
  messageId: string;
  /** The handset that wrote. */
  from: string;
  /** Our number it was sent to. */
  to: string;
  text: string;
  /** One part of a longer text, when the text came in several webhooks. */
  concat?: { ref: string; total: number; part: number } | null;
}

/** What became of an inbound webhook. */
type InboundOutcome = 'processed' | 'duplicate' | 'awaiting-parts';

interface InboundSettings {
  brand: Brand;
  /** The sender used by workspaces without a number of their own (VONAGE_FROM). */
  defaultSender: string | null;
}

const KEYWORD_REPLIES: Record<Keyword['action'], KeywordReply> = { OPT_OUT: 'OPTED_OUT', OPT_IN: 'OPTED_IN', HELP: 'HELP' };
// K8: an auto-reply loop guard: one confirmation of each keyword per number per 10 minutes.
const CONFIRMATION_WINDOW_MS = 10 * 60_000;
// K8: the clarifying "reply STOP to opt out" goes to a number at most once in 30 days.
const CLARIFICATION_WINDOW_MS = 30 * 24 * 60 * 60_000;
// The guards' rows, in the idempotency table: (scope, reply kind, hash of the number).
const REPLY_GUARD_SCOPE = 'keyword-reply-guard';
// Processed inbound message ids, in the idempotency table.
const PROCESSED_SCOPE = 'vonage-inbound';
const PROCESSED_OPERATION = 'inbound-sms';

/** A participant or employee with the number, in one workspace. */
interface Subject {
  kind: 'participant' | 'employee';
  id: string;
  workspaceId: string;
  createdAt: Date;
}

// Rolls back a transaction that finds its message already handled by another request.
class AlreadyProcessed extends Error {}

// K1-K4, L1: an inbound text is read for a keyword before anything else, acted
// on for its number in every workspace, logged in each workspace that knows the
// number (K6), and answered once when it is a keyword.
export class InboundMessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
    private readonly numberConsent: NumberConsent,
    /** The one declared read of the workspaces: which send from a number, and in which language. */
    private readonly workspaces: Pick<SendFactsLoader, 'workspacesSendingFrom' | 'workspaceLanguage'>,
    private readonly events: CommsEvents,
    private readonly settings: InboundSettings,
  ) {}

  async receive(inbound: InboundText, now = new Date()): Promise<InboundOutcome> {
    if (!inbound.concat) return this.process(inbound, [], now);
    const whole = await this.assemble(inbound, now);
    return whole ? this.process(whole.text, whole.partIds, now) : 'awaiting-parts';
  }

  // A long text comes as parts in separate webhooks, in any order. Each part is
  // stored (and committed) before the parts are counted, so whichever part
  // arrives last sees them all.
  private async assemble(inbound: InboundText, now: Date): Promise<{ text: InboundText; partIds: string[] } | null> {
    const { ref, total, part } = inbound.concat!;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InboundPart)
      .values({
        id: newId(),
        messageId: inbound.messageId,
        sender: inbound.from,
        recipient: inbound.to,
        concatRef: ref,
        partCount: total,
        partNumber: part,
        text: inbound.text,
        receivedAt: now,
        consumedAt: null,
      })
      .orIgnore()
      .execute();
    const waiting = await this.dataSource.getRepository(InboundPart).find({
      where: { sender: inbound.from, recipient: inbound.to, concatRef: ref, consumedAt: IsNull(), partCount: total },
      order: { partNumber: 'ASC', receivedAt: 'ASC', id: 'ASC' },
    });
    const byNumber = new Map<number, InboundPart>();
    for (const p of waiting) if (!byNumber.has(p.partNumber)) byNumber.set(p.partNumber, p);
    if (byNumber.size < total) return null;
    const parts = [...byNumber.values()];
    // The message is known by its first part's id (K2: one reply per message).
    const text = { messageId: parts[0].messageId, from: inbound.from, to: inbound.to, text: parts.map((p) => p.text).join('') };
    return { text, partIds: parts.map((p) => p.id) };
  }

  private async process(inbound: InboundText, partIds: string[], now: Date): Promise<InboundOutcome> {
    // K1: keywords first, before anything else is read from the text.
    const keyword = parseKeyword(inbound.text);
    const reply: KeywordReply | null = keyword ? KEYWORD_REPLIES[keyword.action] : suggestsOptOut(inbound.text) ? 'HOW_TO_OPT_OUT' : null;
    let done: { logged: CommsLogEntry[]; replies: CommsLogEntry[] };
    try {
      // K8: concurrent texts from one number lock the same rows; a deadlock victim runs again.
      done = await retryOnDeadlock(() => this.dataSource.transaction(async (manager) => {
        // Parts are consumed with the processing, so a crash leaves them waiting for Vonage's retry.
        if (partIds.length) {
          const consumed = await manager.update(InboundPart, { id: In(partIds), consumedAt: IsNull() }, { consumedAt: now });
          if (consumed.affected !== partIds.length) throw new AlreadyProcessed();
        }
        await this.markProcessed(manager, inbound, now);
        const subjects = await this.applyKeyword(manager, inbound.from, keyword, now);
        const logged = await this.logInbound(manager, inbound, subjects, now);
        const replies = reply ? await this.recordReply(manager, inbound, reply, keyword?.language ?? null, subjects, now) : [];
        return { logged, replies };
      }));
    } catch (error) {
      if (error instanceof AlreadyProcessed) return 'duplicate';
      throw error;
    }
    for (const entry of done.logged) this.events.publish({ type: 'created', entry });
    await this.delivery.schedule(done.replies);
    return 'processed';
  }

  // A replayed message id (Vonage retries until it gets a 200) is processed
  // once: the marker's unique index makes a concurrent second request wait for
  // the first and then find it done.
  private async markProcessed(manager: EntityManager, inbound: InboundText, now: Date): Promise<void> {
    try {
      await manager.insert(IdempotencyRecord, {
        id: newId(),
        scope: PROCESSED_SCOPE,
        operation: PROCESSED_OPERATION,
        idempotencyKey: inbound.messageId,
        requestHash: createHash('sha256').update(`${inbound.from}\n${inbound.to}\n${inbound.text}`).digest('hex'),
        resultId: null,
        createdAt: now,
      });
    } catch (error) {
      throw isUniqueViolation(error) ? new AlreadyProcessed() : error;
    }
  }

  private async applyKeyword(manager: EntityManager, phone: string, keyword: Keyword | null, now: Date): Promise<NumberHolders> {
    switch (keyword?.action) {
      case 'OPT_OUT':
        return this.numberConsent.keywordOptOut(manager, phone, keyword.keyword, now);
      case 'OPT_IN':
        return this.numberConsent.keywordOptIn(manager, phone, keyword.keyword, now);
      default:
        return this.numberConsent.subjects(manager, phone);
    }
  }

  // L1/K6: one INBOUND entry in each workspace that knows the number, and none elsewhere.
  private async logInbound(manager: EntityManager, inbound: InboundText, subjects: NumberHolders, now: Date): Promise<CommsLogEntry[]> {
    const logged: CommsLogEntry[] = [];
    for (const [workspaceId, own] of byWorkspace(subjects)) {
      const entry = manager.create(CommsLogEntry, {
        ...logEntryDefaults(now),
        workspaceId,
        direction: MessageDirection.INBOUND,
        kind: MessageKind.INBOUND,
        status: MessageStatus.RECEIVED,
        recipientPhone: inbound.from,
        senderPhone: inbound.to,
        participantId: own.find((s) => s.kind === 'participant')?.id ?? null,
        employeeId: own.find((s) => s.kind === 'employee')?.id ?? null,
        body: inbound.text,
        idempotencyKey: `inbound:${inbound.messageId}:${workspaceId}`,
      });
      await manager.insert(CommsLogEntry, entry);
      logged.push(entry);
    }
    return logged;
  }

  // K2-K4: exactly one confirmation, keyed by the message id so a replay cannot
  // record a second; it passes the send policy as a KEYWORD_REPLY. K8: and
  // none when the number had the same reply a moment ago.
  private async recordReply(
    manager: EntityManager,
    inbound: InboundText,
    reply: KeywordReply,
    keywordLanguage: Language | null,
    subjects: NumberHolders,
    now: Date,
  ): Promise<CommsLogEntry[]> {
    const attribution = await this.replyWorkspace(manager, inbound.to, subjects);
    if (!attribution) return [];
    const window = reply === 'HOW_TO_OPT_OUT' ? CLARIFICATION_WINDOW_MS : CONFIRMATION_WINDOW_MS;
    if (!(await claimReplySlot(manager, reply, inbound.from, window, now))) return [];
    return this.delivery.record(
      manager,
      [
        {
          workspaceId: attribution.workspaceId,
          kind: MessageKind.KEYWORD_REPLY,
          idempotencyKey: `keyword-reply:${inbound.messageId}`,
          sendAt: now,
          participantId: attribution.subject?.kind === 'participant' ? attribution.subject.id : null,
          employeeId: attribution.subject?.kind === 'employee' ? attribution.subject.id : null,
          recipientPhone: inbound.from,
          senderPhone: inbound.to,
          body: renderMessage({ kind: MessageKind.KEYWORD_REPLY, reply }, this.settings.brand, {
            timeZone: 'UTC',
            language: replyLanguage(keywordLanguage, subjects, attribution.subject, await this.workspaces.workspaceLanguage(manager, attribution.workspaceId)),
          }),
        },
      ],
      now,
    );
  }

  /**
   * A log entry belongs to one workspace. The reply goes in, in order: a
   * workspace that owns the number texted and knows the handset; the one
   * workspace that owns that number; the workspace that has known the handset
   * longest. A number no workspace knows, texted to a number no single
   * workspace owns, gets no logged reply (its opt-out still stands).
   */
  private async replyWorkspace(
    manager: EntityManager,
    ourNumber: string,
    subjects: NumberHolders,
  ): Promise<{ workspaceId: string; subject: Subject | null } | null> {
    // Workspaces without a number of their own send from the default sender.
    const owners = await this.workspaces.workspacesSendingFrom(manager, ourNumber, this.settings.defaultSender === ourNumber);
    const ownerIds = new Set(owners);
    const oldestFirst = allSubjects(subjects).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const known = oldestFirst.find((s) => ownerIds.has(s.workspaceId));
    if (known) return { workspaceId: known.workspaceId, subject: known };
    if (owners.length === 1) return { workspaceId: owners[0], subject: null };
    const oldest = oldestFirst[0];
    return oldest ? { workspaceId: oldest.workspaceId, subject: oldest } : null;
  }
}

// T2: a Spanish keyword is answered in Spanish; any other in the language of
// the person the reply is attributed to, and for one who has none (an employee
// without a language of their own) in their workspace's, as their texts are.
function replyLanguage(keywordLanguage: Language | null, subjects: NumberHolders, subject: Subject | null, workspaceLanguage: Language): Language {
  if ((keywordLanguage && keywordLanguage !== Language.EN) || !subject) return keywordLanguage ?? Language.EN;
  const person = subject.kind === 'participant' ? subjects.participants.find((p) => p.id === subject.id) : subjects.employees.find((e) => e.id === subject.id);
  return person?.language ?? workspaceLanguage;
}

/**
 * K8: takes the number's slot for this reply when its last one is older than
 * `windowMs` (or there was none). The guard row is locked until the caller's
 * transaction ends, so of many concurrent texts from one number exactly one
 * gets the slot; if that transaction rolls back, so does its claim.
 */
async function claimReplySlot(manager: EntityManager, reply: KeywordReply, phone: string, windowMs: number, now: Date): Promise<boolean> {
  const where = { scope: REPLY_GUARD_SCOPE, operation: reply, idempotencyKey: createHash('sha256').update(phone).digest('hex') };
  const renewed = await manager
    .createQueryBuilder()
    .update(IdempotencyRecord)
    .set({ createdAt: now })
    .where('scope = :scope AND operation = :operation AND idempotencyKey = :idempotencyKey', where)
    .andWhere('createdAt <= :cutoff', { cutoff: new Date(now.getTime() - windowMs) })
    .execute();
  if (renewed.affected) return true;
  const id = newId();
  await manager
    .createQueryBuilder()
    .insert()
    .into(IdempotencyRecord)
    .values({ id, ...where, requestHash: where.idempotencyKey, resultId: null, createdAt: now })
    .orIgnore()
    .execute();
  // Only our own insert carries our id; a row another text claimed does not.
  const row = await manager.findOne(IdempotencyRecord, { select: { id: true }, where });
  return row?.id === id;
}

function allSubjects(subjects: NumberHolders): Subject[] {
  const subject = (kind: Subject['kind']) => (s: NumberHolder): Subject => ({ kind, id: s.id, workspaceId: s.workspaceId, createdAt: s.createdAt });
  return [...subjects.participants.map(subject('participant')), ...subjects.employees.map(subject('employee'))];
}

function byWorkspace(subjects: NumberHolders): Map<string, Subject[]> {
  const map = new Map<string, Subject[]>();
  for (const subject of allSubjects(subjects)) map.set(subject.workspaceId, [...(map.get(subject.workspaceId) ?? []), subject]);
  return map;
}
