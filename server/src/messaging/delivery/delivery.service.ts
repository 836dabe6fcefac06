import { In, IsNull, LessThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageChannel, MessageDirection, MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { CommsEvents } from '../../comms-log/comms-events.js';
import type { CommsLogHistory } from '../../comms-log/comms-log-history.writer.js';
import { historyEventOf, type HistoryEvent } from '../../comms-log/history-event-of.util.js';
import { MessageEventType } from '../../comms-log/message-event-type.enum.js';
import { logEntryDefaults } from '../../comms-log/log-entry-defaults.util.js';
import { log } from '../../observability/logger.js';
import { FixedUpdateStatement } from '../../db/fixed-update.statement.js';
import { lockForUpdate } from '../../db/lock-for-update.util.js';
import { isTransientDbError } from '../../db/transient-db-error.util.js';
import { isUniqueViolation } from '../../db/unique-violation.util.js';
import { formatDateTime } from '../../common/time-zone.util.js';
import { decideSend, EVENT_TEXT_CAP } from '../../send-policy/decide-send.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import type { OutgoingSms, SendResult, SmsProvider } from '../providers/sms-provider.js';
import { renderMessage, type Brand } from '../templates/message-templates.js';
import { countSmsSegments } from '../templates/sms-segments.util.js';
import type { MessageIntent, MessageScheduler } from './message-intent.js';
import { DATABASE_ERROR_CODE, SHUTTING_DOWN, TransientSendError } from './retry-backoff.js';
import { COUNTED_STATUSES, type LoadedMessage, type SendFactsLoader } from './send-facts.loader.js';

/** E8: email-to-SMS through a carrier's gateway. */
interface EmailGateway {
  sendVia(gatewayDomain: string, sms: OutgoingSms): Promise<SendResult>;
}

export interface DeliveryChannels {
  /** Vonage, or the sandbox recorder outside production; null when none is configured. */
  sms: SmsProvider | null;
  email: EmailGateway | null;
  /** E8: gateways known to be shut down (AT&T, T-Mobile) are never used. */
  gatewayUsable(domain: string): boolean;
}

// Intents recorded per multi-row INSERT.
const RECORD_CHUNK = 500;
// Job saves in flight at once when scheduling recorded entries.
const SCHEDULE_CONCURRENCY = 8;
// A rate-limit wait longer than this and the facts are loaded again before the claim.
const REDECIDE_AFTER_WAIT_MS = 500;
// How long a write after the provider's answer keeps trying through database blips (L6).
const LANDING_PATIENCE_MS = 2 * 60_000;
/** The error code of an entry left SENDING by a worker that died mid-send (L6). */
export const INTERRUPTED = 'INTERRUPTED';

type DeliveryOutcome = 'sent' | 'skipped' | 'held' | 'failed' | 'not-queued';

export interface ReceiptUpdate {
  providerMessageId: string;
  /** Our client-ref: the entry id, for entries left mid-send. */
  clientRef?: string | null;
  outcome: MessageStatus.DELIVERED | MessageStatus.FAILED | null;
  errorCode: string | null;
  reason?: string | null;
  /** C2: the receipt's status as Vonage sent it (delivered, failed, expired, …) and its err-code. */
  providerStatus?: string | null;
  providerCode?: string | null;
  at: Date;
}

// The imperative shell around decideSend: record the intent (QUEUED), and when
// it is due load fresh facts, decide, and either log the skip or claim the
// entry and hand it to a channel, then publish every change (L1, L2, L4).
export class DeliveryService {
  // One prepared transition per set of changed columns (a handful: claim, sent, skipped, …).
  private readonly transitions = new Map<string, FixedUpdateStatement<CommsLogEntry>>();
  // L6: set by a graceful stop; a send not yet claimed goes back to the job store.
  private claiming = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: SendFactsLoader,
    private readonly channels: DeliveryChannels,
    private readonly scheduler: MessageScheduler,
    private readonly events: CommsEvents,
    private readonly brand: Brand,
    // C2: every transition below appends its timeline row.
    private readonly history: CommsLogHistory,
  ) {}

  /** L1/L2: one QUEUED entry per idempotency key, in the caller's transaction. Returns the entries that are new. */
  async record(manager: EntityManager, intents: MessageIntent[], now = new Date()): Promise<CommsLogEntry[]> {
    const created: CommsLogEntry[] = [];
    for (let i = 0; i < intents.length; i += RECORD_CHUNK) {
      const chunk = intents.slice(i, i + RECORD_CHUNK);
      const keys = chunk.map((intent) => intent.idempotencyKey);
      const known = new Set(
        (await manager.find(CommsLogEntry, { select: { idempotencyKey: true }, where: { idempotencyKey: In(keys) } })).map((e) => e.idempotencyKey),
      );
      const fresh = chunk.filter((intent) => !known.has(intent.idempotencyKey)).map((intent) => this.queuedEntry(manager, intent, now));
      if (fresh.length === 0) continue;
      try {
        // A savepoint keeps a lost race on a key from aborting the caller's transaction.
        await manager.transaction((inner) => inner.insert(CommsLogEntry, fresh));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        for (const entry of fresh) {
          await manager.transaction((inner) => inner.insert(CommsLogEntry, entry)).catch((e: unknown) => {
            if (!isUniqueViolation(e)) throw e;
          });
        }
      }
      // Read the rows back by key: their ids, and only the ones this call wrote.
      const mine = new Set(fresh.map((e) => e.idempotencyKey));
      const rows = (await manager.findBy(CommsLogEntry, { idempotencyKey: In([...mine]), createdAt: now })).filter((row) => mine.has(row.idempotencyKey));
      await this.history.appendKnown(
        manager,
        rows.map((row) => ({ entryId: String(row.id), workspaceId: row.workspaceId, type: MessageEventType.QUEUED, detail: row.resendOfId ? `resend of ${row.resendOfId}` : null })),
        now,
      );
      created.push(...rows);
    }
    return created;
  }

  private queuedEntry(manager: EntityManager, intent: MessageIntent, now: Date): CommsLogEntry {
    return manager.create(CommsLogEntry, {
      ...logEntryDefaults(now),
      workspaceId: intent.workspaceId,
      direction: MessageDirection.OUTBOUND,
      kind: intent.kind,
      status: MessageStatus.QUEUED,
      recipientPhone: intent.recipientPhone ?? null,
      senderPhone: intent.senderPhone ?? null,
      participantId: intent.participantId ?? null,
      employeeId: intent.employeeId ?? null,
      studyId: intent.studyId ?? null,
      sessionId: intent.sessionId ?? null,
      bookingId: intent.bookingId ?? null,
      shiftId: intent.shiftId ?? null,
      scheduleWeekId: intent.scheduleWeekId ?? null,
      timeOffRequestId: intent.timeOffRequestId ?? null,
      eventKey: intent.eventKey ?? null,
      body: intent.body ?? null,
      idempotencyKey: intent.idempotencyKey,
      scheduledFor: intent.sendAt,
      subjectStartsAt: intent.subjectStartsAt ?? null,
      resendOfId: intent.resendOfId ?? null,
      channel: intent.channel ?? null,
      publicToNewNumber: intent.publicToNewNumber ?? false,
    });
  }

  /** L8: how long the provider took to answer, for the send planner's pace (set once it exists). */
  recordAnswer: ((ms: number) => void) | null = null;

  /** L8: where a burst needs it, the early start for new entries (set once the send planner exists). */
  planStarts: ((entryIds: string[]) => Promise<Map<string, number>>) | null = null;

  /** After the recording transaction committed: put each new entry on the job store and announce it. */
  async schedule(entries: CommsLogEntry[]): Promise<void> {
    // L8: only texts due later can be planned earlier.
    const later = entries.filter((e) => e.scheduledFor && e.scheduledFor.getTime() > Date.now()).map((e) => String(e.id));
    const early = later.length && this.planStarts ? await this.planStarts(later) : new Map<string, number>();
    // A few saves in flight at once: one at a time, a thousand reminders took seconds.
    let next = 0;
    const scheduleNext = async (): Promise<void> => {
      for (let entry = entries[next++]; entry; entry = entries[next++]) {
        const start = early.get(String(entry.id));
        await this.scheduler.scheduleSend(String(entry.id), start !== undefined ? new Date(start) : (entry.scheduledFor ?? new Date()));
        this.events.publish({ type: 'created', entry });
      }
    };
    await Promise.all(Array.from({ length: Math.min(SCHEDULE_CONCURRENCY, entries.length) }, scheduleNext));
  }

  /** How many of these idempotency keys are already recorded. */
  async countRecorded(keys: string[]): Promise<number> {
    let count = 0;
    for (let i = 0; i < keys.length; i += RECORD_CHUNK) {
      count += await this.dataSource.getRepository(CommsLogEntry).countBy({ idempotencyKey: In(keys.slice(i, i + RECORD_CHUNK)) });
    }
    return count;
  }

  /**
   * The send job. Decides on the facts of now; a skip is logged with its reason.
   * A send waits for the provider's rate limit first, then claims the entry
   * (QUEUED -> SENDING, a conditional update; with the S5 count in the same
   * step for texts about a booking), so the only moment a crash leaves in
   * doubt is the provider call itself (L2, L6). Throws TransientSendError when
   * the channel says "try later" (L5) or the database blinked before the
   * provider was called (L6); after the provider accepted, the result is
   * written until it lands, never sent twice.
   */
  async deliver(entryId: string, now = new Date()): Promise<DeliveryOutcome> {
    try {
      return await this.deliverOnce(entryId, now);
    } catch (error) {
      if (isTransientDbError(error)) throw new TransientSendError(DATABASE_ERROR_CODE, `Database unavailable: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deliverOnce(entryId: string, calledAt: Date): Promise<DeliveryOutcome> {
    let now = calledAt;
    let loaded = await this.facts.load(entryId);
    // Anything but QUEUED is settled or in flight; an entry left SENDING by a
    // crash is settled by its receipt or marked for review, never resent.
    if (!loaded || loaded.entry.status !== MessageStatus.QUEUED) return 'not-queued';
    if (decideSend(loaded.facts, now).action === 'send') {
      // L5: wait for the provider's rate limit before claiming anything.
      const waitedFrom = Date.now();
      const held = await this.channels.sms?.awaitTurn?.(this.outgoing(loaded));
      if (held) {
        await this.transition(loaded.entry, MessageStatus.QUEUED, { errorCode: held.errorCode, errorReason: held.reason.slice(0, 255), updatedAt: new Date() });
        throw new TransientSendError(held.errorCode, held.reason, held.retryAfterMs);
      }
      // L8: the text goes after the wait, so it is decided at that time: a
      // reminder whose session started meanwhile is SKIPPED TOO_LATE, not sent late.
      const waitedMs = Date.now() - waitedFrom;
      now = new Date(calledAt.getTime() + waitedMs);
      // A long wait: decide on the facts as they are now (a STOP may have come meanwhile).
      if (waitedMs > REDECIDE_AFTER_WAIT_MS) {
        loaded = await this.facts.load(entryId);
        if (!loaded || loaded.entry.status !== MessageStatus.QUEUED) return 'not-queued';
      }
    }
    const { entry } = loaded;
    const decision = decideSend(loaded.facts, now);
    if (decision.action === 'hold') {
      // T3: it stays QUEUED, says why, and its job moves to the next allowed minute.
      const held = await this.transition(entry, MessageStatus.QUEUED, {
        scheduledFor: decision.until,
        holdReason: `held for quiet hours until ${formatDateTime(decision.until, loaded.reader.timeZone, loaded.reader.language)}`,
        recipientTimeZone: loaded.reader.timeZone,
        updatedAt: now,
      });
      if (held) await this.scheduler.scheduleSend(String(entry.id), decision.until);
      return held ? 'held' : 'not-queued';
    }
    if (decision.action === 'skip') return (await this.skip(entry, decision.reason, loaded.to, now)) ? 'skipped' : 'not-queued';

    if (!this.claiming) throw new TransientSendError(SHUTTING_DOWN, 'This worker is stopping; the text is left for another worker');
    const sms = this.outgoing(loaded);
    const { segments, encoding } = countSmsSegments(sms.text);
    const claimedAt = new Date();
    const claim = {
      status: MessageStatus.SENDING,
      attempts: entry.attempts + 1,
      body: sms.text,
      segments,
      encoding,
      recipientPhone: loaded.to,
      senderPhone: loaded.from,
      recipientTimeZone: loaded.reader.timeZone,
      holdReason: null,
      updatedAt: claimedAt,
    };
    let claimed: 'claimed' | 'capped' | 'lost';
    try {
      claimed = await this.claim(entry, loaded.facts.audience === 'PARTICIPANT' ? entry.eventKey : null, claim);
    } catch (error) {
      // The claim may have landed, or may land yet: fence it off, so a retry can claim the entry.
      if (isTransientDbError(error)) await this.landing(() => this.fenceClaim(entry, claimedAt)).catch(() => undefined);
      throw error;
    }
    if (claimed === 'capped') return 'skipped';
    if (claimed === 'lost') return 'not-queued';
    Object.assign(entry, claim);
    this.events.publish({ type: 'updated', entry });

    let channel = this.channels.sms?.channel ?? MessageChannel.EMAIL_GATEWAY;
    let result: SendResult;
    try {
      const asked = performance.now();
      // E8: an entry recorded for the gateway (a receipt said direct SMS cannot reach the carrier) skips the direct attempt.
      result =
        entry.channel === MessageChannel.EMAIL_GATEWAY
          ? { outcome: 'failed', errorCode: 'DIRECT_UNAVAILABLE', reason: 'Direct SMS cannot reach this carrier', directUnavailable: true }
          : this.channels.sms
            ? await this.channels.sms.send(sms)
            : { outcome: 'failed', errorCode: 'NO_SMS_PROVIDER', reason: 'No SMS provider is configured', directUnavailable: true };
      // L8: the provider's answer time, for the send planner's pace.
      if (result.outcome === 'sent') this.recordAnswer?.(performance.now() - asked);
      // E8: where direct SMS cannot reach the carrier, the gateway may.
      if (result.outcome === 'failed' && result.directUnavailable) {
        const gateway = loaded.gateway;
        if (gateway && this.channels.email && this.channels.gatewayUsable(gateway.domain)) {
          channel = MessageChannel.EMAIL_GATEWAY;
          result = await this.channels.email.sendVia(gateway.domain, sms);
        } else {
          result = { ...result, reason: `${result.reason}; ${noGatewayReason(gateway, this.channels)}` };
        }
      }
    } catch (error) {
      // An unexpected failure after the claim: give the entry back so a retry can claim it.
      await this.landing(() => this.transition(entry, MessageStatus.SENDING, { status: MessageStatus.QUEUED, updatedAt: new Date() }));
      throw error;
    }

    // From here the provider has answered: each write is retried until it lands (L6).
    const at = new Date();
    if (result.outcome === 'sent') {
      const sent = { status: MessageStatus.SENT, channel, providerMessageId: result.providerMessageId, sentAt: at, updatedAt: at };
      const landed = await this.landing(() => this.transition(entry, MessageStatus.SENDING, sent));
      // Marked interrupted while the write waited for the database: it was sent after all.
      if (!landed) await this.landing(() => this.transition(entry, MessageStatus.FAILED, { ...sent, errorCode: null, errorReason: null, failedAt: null }, { errorCode: INTERRUPTED }));
      return 'sent';
    }
    if (result.outcome === 'retry') {
      await this.landing(() =>
        this.transition(entry, MessageStatus.SENDING, {
          status: MessageStatus.QUEUED,
          errorCode: result.errorCode,
          errorReason: result.reason.slice(0, 255),
          updatedAt: at,
        }),
      );
      throw new TransientSendError(result.errorCode, result.reason, result.retryAfterMs);
    }
    await this.landing(() =>
      this.transition(entry, MessageStatus.SENDING, {
        status: MessageStatus.FAILED,
        channel,
        errorCode: result.errorCode,
        errorReason: result.reason.slice(0, 255),
        failedAt: at,
        updatedAt: at,
      }),
    );
    return 'failed';
  }

  private outgoing(loaded: LoadedMessage): OutgoingSms {
    const body = loaded.entry.body ?? renderMessage(loaded.template!, this.brand, loaded.reader);
    return { to: loaded.to!, from: loaded.from!, text: body, clientRef: String(loaded.entry.id) };
  }

  private skip(entry: CommsLogEntry, reason: SkipReason, to: string | null, now: Date): Promise<boolean> {
    return this.transition(entry, MessageStatus.QUEUED, { status: MessageStatus.SKIPPED, skipReason: reason, recipientPhone: to, updatedAt: now });
  }

  // S5 exact: for a text about a booking, the count and the claim are one step.
  // The booking's row is locked while its texts are counted (READ COMMITTED, so
  // the count sees every claim committed before the lock was granted), so two
  // workers can never both claim the 6th. Other texts: one conditional UPDATE.
  // A claim holds only while the entry is QUEUED at the attempt count it was
  // read with; fenceClaim relies on that.
  private async claim(entry: CommsLogEntry, eventKey: string | null, claim: Partial<CommsLogEntry>): Promise<'claimed' | 'capped' | 'lost'> {
    const unclaimed = { attempts: entry.attempts };
    if (!eventKey) return (await this.transition(entry, MessageStatus.QUEUED, claim, unclaimed, { publish: false })) ? 'claimed' : 'lost';
    const mysql = this.dataSource.options.type !== 'better-sqlite3';
    const work = async (manager: EntityManager) => {
      await this.facts.lockBooking(manager, eventKey);
      const counted = await manager.count(CommsLogEntry, { where: { eventKey, status: In(COUNTED_STATUSES) } });
      if (counted >= EVENT_TEXT_CAP) {
        const capped = { status: MessageStatus.SKIPPED, skipReason: SkipReason.EVENT_CAP_REACHED, recipientPhone: claim.recipientPhone, updatedAt: claim.updatedAt };
        const { affected } = await manager.update(CommsLogEntry, { id: entry.id, status: MessageStatus.QUEUED, ...unclaimed }, capped);
        if (affected) await this.recordHistory(entry.id, MessageStatus.QUEUED, capped, entry.attempts, manager);
        return affected ? ({ outcome: 'capped', patch: capped } as const) : ({ outcome: 'lost' } as const);
      }
      const { affected } = await manager.update(CommsLogEntry, { id: entry.id, status: MessageStatus.QUEUED, ...unclaimed }, claim);
      if (affected) await this.recordHistory(entry.id, MessageStatus.QUEUED, claim, entry.attempts, manager);
      return affected ? ({ outcome: 'claimed' } as const) : ({ outcome: 'lost' } as const);
    };
    const done = mysql ? await this.dataSource.transaction('READ COMMITTED', work) : await this.dataSource.transaction(work);
    if (done.outcome === 'capped') this.events.publish({ type: 'updated', entry: Object.assign(entry, done.patch) });
    return done.outcome;
  }

  /**
   * L6: after a claim failed on a lost connection, it may have run with its
   * answer lost, or may run yet: a KILL or a broken link closes the client's
   * side at once, while the server may still run what it was sent
   * (lost-claim.spec makes both happen). Our claim is given back if it
   * landed; otherwise the attempt count it needs is used up, so it never can.
   */
  private async fenceClaim(entry: CommsLogEntry, claimedAt: Date): Promise<void> {
    if (await this.releaseClaim(entry.id, claimedAt)) return;
    const usedUp = { attempts: entry.attempts + 1, updatedAt: new Date() };
    if (await this.transition(entry.id, MessageStatus.QUEUED, usedUp, { attempts: entry.attempts }, { publish: false })) return;
    // Neither: it landed between the two, or the entry has moved on.
    await this.releaseClaim(entry.id, claimedAt);
  }

  // Only our own claim is given back: the one stamped with our claim time.
  private releaseClaim(entryId: string, claimedAt: Date): Promise<boolean> {
    return this.transition(entryId, MessageStatus.SENDING, { status: MessageStatus.QUEUED, updatedAt: new Date() }, { updatedAt: claimedAt });
  }

  // L6: a write that must land once the provider has answered; retried through
  // database blips with a short back-off, for up to LANDING_PATIENCE_MS.
  private async landing<T>(write: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + LANDING_PATIENCE_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!isTransientDbError(error) || Date.now() > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
      }
    }
  }

  /** L6: from now on sends are not claimed here; their jobs retry (on another worker). */
  stopClaiming(): void {
    this.claiming = false;
  }

  /** L5: retries ran out; the entry ends FAILED with the last error. */
  async giveUp(entryId: string, reason: string, now = new Date()): Promise<void> {
    await this.transition(entryId, MessageStatus.QUEUED, {
      status: MessageStatus.FAILED,
      errorReason: `Gave up after retries: ${reason}`.slice(0, 255),
      failedAt: now,
      updatedAt: now,
    });
  }

  /** S6: texts that no longer hold are held back now, and their jobs dropped. */
  async dropQueued(where: FindOptionsWhere<CommsLogEntry>, now = new Date()): Promise<void> {
    const patch = { status: MessageStatus.SKIPPED, skipReason: SkipReason.NO_LONGER_VALID, updatedAt: now };
    const dropped = await this.transitionAll(where, MessageStatus.QUEUED, patch);
    if (dropped.length) await this.scheduler.cancelSends(dropped.map((e) => String(e.id)));
  }

  /**
   * L3/K7: a delivery receipt moves the entry to DELIVERED or FAILED; an unknown
   * id changes nothing. `settled` says whether this receipt was the one that
   * settled it (a replay or a late receipt is not).
   */
  async applyReceipt(receipt: ReceiptUpdate): Promise<{ entry: CommsLogEntry | null; settled: boolean }> {
    const repo = this.dataSource.getRepository(CommsLogEntry);
    let entry = await repo.findOneBy({ providerMessageId: receipt.providerMessageId });
    // An entry left SENDING by a crash knows no provider id yet; our client-ref names it.
    if (!entry && receipt.clientRef && /^\d+$/.test(receipt.clientRef)) {
      entry = await repo.findOneBy({ id: receipt.clientRef, providerMessageId: IsNull(), status: In([MessageStatus.SENDING, MessageStatus.FAILED]) });
    }
    if (!entry || !receipt.outcome) return { entry, settled: false };
    // A final state is not overwritten by a late or replayed receipt.
    if (entry.status === MessageStatus.DELIVERED || (entry.status === MessageStatus.FAILED && entry.providerMessageId)) return { entry, settled: false };
    const patch: Partial<CommsLogEntry> =
      receipt.outcome === MessageStatus.DELIVERED
        ? // L9: a DELIVERED receipt for an interrupted entry clears its error: it did go.
          { status: MessageStatus.DELIVERED, deliveredAt: receipt.at, providerMessageId: receipt.providerMessageId, errorCode: null, errorReason: null, failedAt: null, updatedAt: new Date() }
        : {
            status: MessageStatus.FAILED,
            failedAt: receipt.at,
            errorCode: receipt.errorCode,
            errorReason: receipt.reason?.slice(0, 255) ?? null,
            providerMessageId: receipt.providerMessageId,
            updatedAt: new Date(),
          };
    // The row's time is when the receipt arrived (the timeline's order); the carrier's time is the entry's deliveredAt/failedAt.
    const receiptEvent: HistoryEvent = {
      type: MessageEventType.RECEIPT,
      attempt: entry.attempts || null,
      providerStatus: receipt.providerStatus ?? receipt.outcome.toLowerCase(),
      code: receipt.providerCode ?? receipt.errorCode,
      detail: receipt.reason ?? null,
    };
    const settled = await this.transition(entry, entry.status, patch, {}, { event: receiptEvent });
    return { entry, settled };
  }

  /**
   * E8: a receipt said direct SMS cannot reach this recipient's carrier. Where
   * a usable email-to-SMS gateway is known, the same words go again through it:
   * a new entry linked to the failed one (once, whatever receipts repeat),
   * decided afresh when its job runs. Returns the new entry, or null.
   */
  async fallBackToGateway(failed: CommsLogEntry, now = new Date()): Promise<CommsLogEntry | null> {
    if (failed.channel !== MessageChannel.SMS || !failed.body) return null;
    const loaded = await this.facts.load(String(failed.id));
    const gateway = loaded?.gateway;
    if (!gateway || !this.channels.email || !this.channels.gatewayUsable(gateway.domain)) return null;
    const created = await this.dataSource.transaction(async (manager) => {
      const rows = await this.record(manager, [gatewayIntent(failed, now)], now);
      const entry = rows[0];
      if (entry) {
        const detail = `${entry.id} by the ${gateway.carrierName ?? gateway.domain} email-to-SMS gateway`;
        await this.history.appendKnown(manager, [{ entryId: String(failed.id), workspaceId: failed.workspaceId, type: MessageEventType.RESENT, detail }], now);
      }
      return rows;
    });
    await this.schedule(created);
    return created[0] ?? null;
  }

  /**
   * L2: entries left SENDING by a worker that died mid-send. They may have been
   * sent, so they are not resent: each is marked FAILED for review, and a late
   * receipt (matched by client-ref) still settles it.
   */
  async markInterrupted(olderThan: Date, now = new Date()): Promise<number> {
    const patch = {
      status: MessageStatus.FAILED,
      errorCode: INTERRUPTED,
      errorReason: 'Sending was interrupted; not resent to avoid a duplicate. Check the receipt before resending.',
      failedAt: now,
      updatedAt: now,
    };
    return (await this.transitionAll({ updatedAt: LessThan(olderThan) }, MessageStatus.SENDING, patch)).length;
  }

  // The set-based transition: every entry in `from` matching `where` gets one
  // patch, RECORD_CHUNK at a time. Each chunk's rows are locked, changed by one
  // UPDATE and given their timeline rows by one INSERT, in one transaction;
  // then each change is announced.
  private async transitionAll(where: FindOptionsWhere<CommsLogEntry>, from: MessageStatus, patch: Partial<CommsLogEntry>): Promise<CommsLogEntry[]> {
    const candidates = await this.dataSource.getRepository(CommsLogEntry).find({ select: { id: true }, where: { ...where, status: from } });
    const changed: CommsLogEntry[] = [];
    for (let i = 0; i < candidates.length; i += RECORD_CHUNK) {
      const ids = candidates.slice(i, i + RECORD_CHUNK).map((e) => e.id);
      const rows = await this.dataSource.transaction(async (manager) => {
        const locked = await lockForUpdate(
          manager.createQueryBuilder(CommsLogEntry, 'e').where('e.id IN (:...ids) AND e.status = :from', { ids, from }),
        ).getMany();
        if (locked.length === 0) return [];
        await manager.update(CommsLogEntry, { id: In(locked.map((e) => e.id)), status: from }, patch);
        const events = locked.flatMap((entry) => {
          const event = historyEventOf(from, patch, entry.attempts);
          return event ? [{ ...event, entryId: String(entry.id), workspaceId: entry.workspaceId }] : [];
        });
        await this.history.appendKnown(manager, events, patch.updatedAt ?? new Date());
        return locked.map((entry) => Object.assign(entry, patch));
      });
      changed.push(...rows);
    }
    for (const entry of changed) this.events.publish({ type: 'updated', entry });
    return changed;
  }

  // Every state change is a conditional UPDATE from the state we saw (and any
  // extra columns to match), then an event carrying the entry as it now is
  // (built from what we hold: no re-read).
  private async transition(
    entry: CommsLogEntry | string,
    from: MessageStatus,
    patch: Partial<CommsLogEntry>,
    also: Partial<CommsLogEntry> = {},
    options: { publish?: boolean; event?: HistoryEvent } = {},
  ): Promise<boolean> {
    // An id may come as the number the driver reads for the int column, though typed a string.
    const loaded = typeof entry === 'object' ? entry : null;
    const id = loaded ? loaded.id : (entry as string);
    const attemptsBefore = loaded ? loaded.attempts : null;
    const columns = Object.keys(patch) as (keyof CommsLogEntry & string)[];
    const matched = Object.keys(also) as (keyof CommsLogEntry & string)[];
    const shape = `${columns.join()}|${matched.join()}`;
    let update = this.transitions.get(shape);
    if (!update) {
      update = new FixedUpdateStatement(this.dataSource, CommsLogEntry, columns, ['id', 'status', ...matched]);
      this.transitions.set(shape, update);
    }
    if ((await update.run(patch, { ...also, id, status: from })) === 0) return false;
    await this.recordHistory(id, from, patch, attemptsBefore, undefined, options);
    if (options.publish === false) return true;
    const current = loaded ? Object.assign(loaded, patch) : await this.dataSource.getRepository(CommsLogEntry).findOneBy({ id: id as string });
    if (current) this.events.publish({ type: 'updated', entry: current });
    return true;
  }

  // C2: the timeline row of a transition that landed (after the UPDATE; in its transaction when there is one).
  private async recordHistory(
    id: string,
    from: MessageStatus,
    patch: Partial<CommsLogEntry>,
    attemptsBefore: number | null,
    manager?: EntityManager,
    options: { event?: HistoryEvent } = {},
  ): Promise<void> {
    const event = options.event ?? historyEventOf(from, patch, attemptsBefore);
    if (!event) return;
    // Inside a transaction the row commits or rolls back with the change.
    if (manager) return this.history.append(String(id), event, patch.updatedAt ?? new Date(), manager);
    // After a change that already landed, the row is a record of it, not a
    // part of it: losing it to a connection lost (L6) must not make the caller
    // retry, or fail, a transition that happened.
    try {
      await this.history.append(String(id), event, patch.updatedAt ?? new Date());
    } catch (error) {
      log.warn({ entryId: String(id), event: event.type, err: error }, 'a message timeline row was not written');
    }
  }
}

function gatewayIntent(failed: CommsLogEntry, now: Date): MessageIntent {
  return {
    workspaceId: failed.workspaceId,
    kind: failed.kind,
    idempotencyKey: `gateway:${failed.id}`,
    sendAt: now,
    participantId: failed.participantId,
    employeeId: failed.employeeId,
    studyId: failed.studyId,
    sessionId: failed.sessionId,
    bookingId: failed.bookingId,
    shiftId: failed.shiftId,
    scheduleWeekId: failed.scheduleWeekId,
    timeOffRequestId: failed.timeOffRequestId,
    eventKey: failed.eventKey,
    subjectStartsAt: failed.subjectStartsAt,
    // The words the carrier could not take, as they were sent.
    body: failed.body,
    resendOfId: failed.id,
    channel: MessageChannel.EMAIL_GATEWAY,
  };
}

function noGatewayReason(gateway: { carrierName: string | null; domain: string } | null, channels: DeliveryChannels): string {
  if (!gateway) return 'no email-to-SMS gateway is known for this number';
  if (!channels.email) return 'email-to-SMS is not configured (SMTP_URL)';
  return `the ${gateway.carrierName ?? gateway.domain} email-to-SMS gateway is shut down`;
}
