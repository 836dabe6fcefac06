import { In, type DataSource } from 'typeorm';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import type { OptOutRegistry } from '../../consent/opt-out-registry.service.js';
import { Employee } from '../../employees/employee.entity.js';
import { ScheduleWeek } from '../../employees/schedule-week.entity.js';
import { Shift } from '../../employees/shift.entity.js';
import { TimeOffRequest, TimeOffStatus } from '../../employees/time-off-request.entity.js';
import type { SendFacts } from '../../send-policy/decide-send.js';
import { Booking } from '../../studies/booking.entity.js';
import { Participant } from '../../studies/participant.entity.js';
import { BookingStatus, SessionStatus } from '../../studies/session-status.enum.js';
import { StudySession } from '../../studies/study-session.entity.js';
import { Study } from '../../studies/study.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { manageUrl } from '../../studies/public-links.js';
import type { TemplateInput } from '../templates/message-templates.js';

const PARTICIPANT_KINDS = new Set([
  MessageKind.CONFIRMATION,
  MessageKind.REMINDER,
  MessageKind.SCHEDULE_CHANGE,
  MessageKind.CANCELLATION,
  MessageKind.DAY_OF_UPDATE,
]);
// S5: texts that count against a participant's event.
const COUNTED_STATUSES = [MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED];

/** A due message with everything needed to decide and send it. */
export interface LoadedMessage {
  facts: SendFacts;
  /** What the template fills in; null when the body was fixed when recorded. */
  template: TemplateInput | null;
  to: string | null;
  from: string | null;
  /** E8: the recipient's email-to-SMS gateway, when known. */
  gateway: { carrierName: string | null; domain: string } | null;
}

export interface LoaderSettings {
  /** W3: some channel can carry a text. */
  hasChannel: boolean;
  defaultSender: string | null;
  publicUrl: string;
}

const sameInstant = (a: Date | null | undefined, b: Date | null | undefined) => !!a && !!b && a.getTime() === b.getTime();

// Jobs carry ids only; this reloads everything when the message is due, so a
// reminder decided at 9:45 uses the consent of 9:45 (architecture guide).
export class SendFactsLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly optOuts: OptOutRegistry,
    private readonly settings: LoaderSettings,
  ) {}

  async load(entry: CommsLogEntry): Promise<LoadedMessage> {
    const workspace = await this.dataSource.getRepository(Workspace).findOneByOrFail({ id: entry.workspaceId });
    const from = workspace.senderNumber ?? this.settings.defaultSender;
    const base = {
      workspaceSmsEnabled: workspace.smsEnabled,
      deliveryConfigured: this.settings.hasChannel && !!from,
      studySmsEnabled: null,
      weekAlertsOn: null,
      eventTextsSoFar: 0,
    };
    if (entry.kind === MessageKind.KEYWORD_REPLY) {
      const facts: SendFacts = { ...base, audience: 'KEYWORD_REPLY', stillValid: true, consented: true, phone: entry.recipientPhone, optedOut: false };
      return { facts, template: null, to: entry.recipientPhone, from: entry.senderPhone ?? from, gateway: null };
    }
    if (PARTICIPANT_KINDS.has(entry.kind)) return this.participantMessage(entry, base, from);
    return this.employeeMessage(entry, base, from);
  }

  private async participantMessage(entry: CommsLogEntry, base: Partial<SendFacts>, from: string | null): Promise<LoadedMessage> {
    const ds = this.dataSource;
    const booking = await ds.getRepository(Booking).findOneByOrFail({ id: entry.bookingId! });
    const [session, participant] = await Promise.all([
      ds.getRepository(StudySession).findOneByOrFail({ id: booking.sessionId }),
      ds.getRepository(Participant).findOneByOrFail({ id: booking.participantId }),
    ]);
    const study = await ds.getRepository(Study).findOneByOrFail({ id: session.studyId });
    const booked = booking.status === BookingStatus.BOOKED && session.status === SessionStatus.SCHEDULED;
    // S6: a text about a time must still be about the session's time.
    const stillValid =
      entry.kind === MessageKind.CANCELLATION
        ? true
        : booked && (entry.subjectStartsAt == null || sameInstant(entry.subjectStartsAt, session.startsAt));
    const [optedOut, eventTextsSoFar] = await Promise.all([
      this.isOptedOut(participant.phone),
      ds.getRepository(CommsLogEntry).countBy({ eventKey: booking.id, status: In(COUNTED_STATUSES) }),
    ]);
    const facts: SendFacts = {
      ...(base as SendFacts),
      audience: 'PARTICIPANT',
      stillValid,
      studySmsEnabled: study.smsRemindersEnabled,
      consented: participant.smsConsent,
      phone: participant.phone,
      optedOut,
      eventTextsSoFar,
    };
    const startsAt = entry.subjectStartsAt ?? session.startsAt;
    const common = { studyName: study.name, startsAt, manageUrl: manageUrl(this.settings.publicUrl, booking.manageToken) };
    const template: TemplateInput | null =
      entry.kind === MessageKind.DAY_OF_UPDATE ? null : { kind: entry.kind as MessageKind.CONFIRMATION, ...common };
    return { facts, template, to: participant.phone, from, gateway: null };
  }

  private async employeeMessage(entry: CommsLogEntry, base: Partial<SendFacts>, from: string | null): Promise<LoadedMessage> {
    const ds = this.dataSource;
    const employee = await ds.getRepository(Employee).findOneByOrFail({ id: entry.employeeId! });
    let stillValid: boolean;
    let weekAlertsOn: boolean | null = null;
    let template: TemplateInput;
    if (entry.kind === MessageKind.SHIFT_ALERT) {
      const shift = await ds.getRepository(Shift).findOneBy({ id: entry.shiftId! });
      const week = shift ? await ds.getRepository(ScheduleWeek).findOneBy({ id: shift.scheduleWeekId }) : null;
      stillValid = !!shift && !!week?.publishedAt && (entry.subjectStartsAt == null || sameInstant(entry.subjectStartsAt, shift.startsAt));
      weekAlertsOn = week?.sendSmsAlert ?? false;
      template = { kind: MessageKind.SHIFT_ALERT, startsAt: shift?.startsAt ?? new Date(0), endsAt: shift?.endsAt ?? new Date(0) };
    } else if (entry.kind === MessageKind.SCHEDULE_PUBLISHED) {
      const week = await ds.getRepository(ScheduleWeek).findOneByOrFail({ id: entry.scheduleWeekId! });
      const shiftCount = await ds.getRepository(Shift).countBy({ scheduleWeekId: week.id });
      stillValid = !!week.publishedAt && shiftCount > 0;
      template = { kind: MessageKind.SCHEDULE_PUBLISHED, weekStart: week.weekStart, shiftCount };
    } else {
      const request = await ds.getRepository(TimeOffRequest).findOneByOrFail({ id: entry.timeOffRequestId! });
      stillValid = request.status !== TimeOffStatus.PENDING;
      template = { kind: MessageKind.TIME_OFF_RESPONSE, startsOn: request.startsOn, endsOn: request.endsOn, approved: request.status === TimeOffStatus.APPROVED };
    }
    const facts: SendFacts = {
      ...(base as SendFacts),
      audience: 'EMPLOYEE',
      stillValid,
      consented: employee.smsOptIn,
      phone: employee.phone,
      optedOut: await this.isOptedOut(employee.phone),
      weekAlertsOn,
    };
    const gateway = employee.carrierGatewayDomain ? { carrierName: employee.carrierName, domain: employee.carrierGatewayDomain } : null;
    return { facts, template, to: employee.phone, from, gateway };
  }

  private async isOptedOut(phone: string | null): Promise<boolean> {
    return phone ? this.optOuts.isOptedOut(phone) : false;
  }
}
