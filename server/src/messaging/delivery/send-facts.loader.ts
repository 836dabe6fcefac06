import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { allowedCountries, destinationVerdict } from '../../abuse/destination-policy.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { OptOut } from '../../consent/opt-out.entity.js';
import { activeOptOutJoin } from '../../consent/opt-out-registry.service.js';
import { Employee } from '../../employees/employee.entity.js';
import { ScheduleWeek } from '../../employees/schedule-week.entity.js';
import { Shift } from '../../employees/shift.entity.js';
import { TimeOffRequest, TimeOffStatus } from '../../employees/time-off-request.entity.js';
import { Language } from '../../common/language.js';
import { parseClock } from '../../common/quiet-hours.util.js';
import { lockForUpdate } from '../../db/lock-for-update.util.js';
import type { SendFacts } from '../../send-policy/decide-send.js';
import { stillValid, type TextSubject } from '../../send-policy/still-valid.js';
import { Booking } from '../../studies/booking.entity.js';
import { Participant } from '../../studies/participant.entity.js';
import { manageUrl } from '../../studies/public-links.js';
import { BookingStatus, SessionStatus } from '../../studies/session-status.enum.js';
import { StudySession } from '../../studies/study-session.entity.js';
import { Study } from '../../studies/study.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import type { Reader, TemplateInput } from '../templates/message-templates.js';
import { latestUsefulTime } from './deadlines.js';

const PARTICIPANT_KINDS = [MessageKind.CONFIRMATION, MessageKind.REMINDER, MessageKind.SCHEDULE_CHANGE, MessageKind.CANCELLATION, MessageKind.DAY_OF_UPDATE];
const EMPLOYEE_KINDS = [MessageKind.SHIFT_ALERT, MessageKind.SCHEDULE_PUBLISHED, MessageKind.TIME_OFF_RESPONSE, MessageKind.OPT_IN_CONFIRMATION];
// T3: the texts that can wait through quiet hours; every other kind is time-critical.
const CAN_WAIT_KINDS = [MessageKind.SCHEDULE_PUBLISHED, MessageKind.TIME_OFF_RESPONSE];
// S5: texts that count against a participant's event.
export const COUNTED_STATUSES = [MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED];

// The columns read from each table the entry is joined to; each list starts with the id, which says whether the join found a row.
const WORKSPACE = ['id', 'smsEnabled', 'senderNumber', 'allowedDestinationCountries', 'pumpingTrippedAt', 'timeZone', 'language', 'quietHoursEnabled', 'quietHoursStart', 'quietHoursEnd'] as const;
const BOOKING = ['id', 'status', 'manageToken'] as const;
const SESSION = ['id', 'status', 'startsAt'] as const;
const PARTICIPANT = ['id', 'phone', 'smsConsent', 'timeZone', 'language'] as const;
const STUDY = ['id', 'name', 'smsRemindersEnabled', 'timeZone'] as const;
const EMPLOYEE = ['id', 'phone', 'smsOptIn', 'carrierName', 'carrierGatewayDomain', 'carrierLineType', 'timeZone', 'language'] as const;
const SHIFT = ['id', 'startsAt', 'endsAt'] as const;
const WEEK = ['id', 'weekStart', 'sendSmsAlert', 'publishedAt'] as const;
const TIME_OFF = ['id', 'status', 'startsOn', 'endsOn'] as const;
const OPT_OUT = ['phone'] as const;

/** A due message with everything needed to decide and send it. */
export interface LoadedMessage {
  entry: CommsLogEntry;
  facts: SendFacts;
  /** What the template fills in; null when the body was fixed when recorded. */
  template: TemplateInput | null;
  to: string | null;
  from: string | null;
  /** E8: the recipient's email-to-SMS gateway, when known. */
  gateway: { carrierName: string | null; domain: string } | null;
  /** T1/T2: the recipient's zone and language. */
  reader: Reader;
}

interface LoaderSettings {
  /** W3: some channel can carry a text. */
  hasChannel: boolean;
  defaultSender: string | null;
  publicUrl: string;
  /** A7: the allowed country when a workspace has neither a list nor a sender number. */
  defaultPhoneCountry: string;
}

type Raw = Record<string, unknown>;

type BaseFacts = Omit<SendFacts, 'audience' | 'stillValid' | 'consented' | 'phone' | 'destinationAllowed'>;

interface CompiledQuery {
  sql: string;
  parameters: unknown[];
  /** Where the entry id goes among the parameters. */
  entryIdAt: number;
  entryColumns: (keyof CommsLogEntry & string)[];
}

// Stands for the entry id while the query is built.
const ENTRY_ID = '\u0000entry-id';

// Jobs carry ids only; this reloads everything when the message is due, so a
// reminder decided at 9:45 uses the consent of 9:45 (architecture guide). One
// query reads the entry with its workspace, the subject its kind is about, the
// recipient's opt-out (K2: a row in the registry with optedOut set) and the S5
// count: one round trip per send instead of five to seven.
export class SendFactsLoader {
  private compiled: CompiledQuery | null = null;
  private readonly columns = new Map<string, ColumnMetadata>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: LoaderSettings,
  ) {}

  /** S5 exact: locks a booking's row until the caller's transaction ends, so its texts can be counted and claimed as one step. */
  async lockBooking(manager: EntityManager, bookingId: string): Promise<void> {
    await lockForUpdate(manager.createQueryBuilder(Booking, 'booking').select('booking.id').where('booking.id = :id', { id: bookingId })).getOne();
  }

  /** K2: the workspaces that send from `ourNumber` (with `orDefault`, also those without a number of their own). */
  async workspacesSendingFrom(manager: EntityManager, ourNumber: string, orDefault: boolean): Promise<string[]> {
    const query = manager.createQueryBuilder(Workspace, 'w').select('w.id', 'id').where('w.senderNumber = :ourNumber', { ourNumber });
    if (orDefault) query.orWhere('w.senderNumber IS NULL');
    return (await query.getRawMany<{ id: string }>()).map((w) => w.id);
  }

  /** T2: a workspace's language (English for one that is gone). */
  async workspaceLanguage(manager: EntityManager, workspaceId: string): Promise<Language> {
    const workspace = await manager.findOne(Workspace, { select: { id: true, language: true }, where: { id: workspaceId } });
    return workspace?.language ?? Language.EN;
  }

  /** The entry and its facts as they are now; null when there is no such entry. */
  async load(entryId: string): Promise<LoadedMessage | null> {
    const { sql, parameters, entryIdAt, entryColumns } = (this.compiled ??= this.compile());
    const bound = [...parameters];
    bound[entryIdAt] = entryId;
    const [row] = await this.dataSource.query<Raw[]>(sql, bound);
    if (!row) return null;
    const entry = Object.assign(new CommsLogEntry(), this.read(row, CommsLogEntry, 'entry', entryColumns));
    const workspace = this.read(row, Workspace, 'workspace', WORKSPACE)!;
    const from = workspace.senderNumber ?? this.settings.defaultSender;
    // A7: the policy is pure; the loader only supplies the workspace's countries.
    const countries = allowedCountries(workspace.allowedDestinationCountries, from, this.settings.defaultPhoneCountry);
    // The carrier look-up's line type, where one was done (employees), refuses what libphonenumber cannot tell.
    const destinationAllowed = (phone: string | null, lineType: string | null = null) => !phone || destinationVerdict(phone, { allowedCountries: countries, lineType }).allowed;
    // A8: held when recorded (for a new number, on a public path) while the breaker is tripped.
    const tripped = workspace.pumpingTrippedAt;
    const ws: WorkspaceFacts = workspace;
    const base = {
      suspectedAbuse: !!tripped && entry.publicToNewNumber && entry.createdAt.getTime() >= tripped.getTime(),
      workspaceSmsEnabled: workspace.smsEnabled,
      deliveryConfigured: this.settings.hasChannel && !!from,
      studySmsEnabled: null,
      weekAlertsOn: null,
      eventTextsSoFar: 0,
      latestUsefulAt: latestUsefulTime(entry),
    };
    if (entry.kind === MessageKind.KEYWORD_REPLY) {
      const facts: SendFacts = {
        ...base,
        audience: 'KEYWORD_REPLY',
        stillValid: true,
        consented: true,
        phone: entry.recipientPhone,
        optedOut: false,
        destinationAllowed: destinationAllowed(entry.recipientPhone),
      };
      const reader = { timeZone: ws.timeZone, language: ws.language };
      return { entry, facts, template: null, to: entry.recipientPhone, from: entry.senderPhone ?? from, gateway: null, reader };
    }
    const optedOut = this.read(row, OptOut, 'optOut', OPT_OUT) !== null;
    if (PARTICIPANT_KINDS.includes(entry.kind)) return this.participantMessage(entry, row, { ...base, optedOut }, from, ws, destinationAllowed);
    if (entry.kind === MessageKind.OPT_IN_CONFIRMATION && entry.participantId) return this.participantOptIn(entry, row, { ...base, optedOut }, from, ws, destinationAllowed);
    return this.employeeMessage(entry, row, { ...base, optedOut }, from, ws, destinationAllowed);
  }

  // K9: a participant's opt-in confirmation goes to the number consent was given for, while it still is theirs.
  private participantOptIn(entry: CommsLogEntry, row: Raw, base: BaseFacts, from: string | null, ws: WorkspaceFacts, destinationAllowed: (phone: string | null, lineType?: string | null) => boolean): LoadedMessage {
    const participant = required(this.read(row, Participant, 'optInParticipant', PARTICIPANT), 'Participant', entry.participantId);
    const facts: SendFacts = {
      ...base,
      audience: 'PARTICIPANT',
      stillValid: stillValid({ about: 'number', textedNumber: entry.recipientPhone, currentNumber: participant.phone }),
      consented: participant.smsConsent,
      phone: participant.phone,
      destinationAllowed: destinationAllowed(participant.phone),
    };
    const reader = { timeZone: participant.timeZone ?? ws.timeZone, language: participant.language };
    return { entry, facts, template: { kind: MessageKind.OPT_IN_CONFIRMATION, program: 'INTERVIEWS' }, to: participant.phone, from, gateway: null, reader };
  }

  private participantMessage(entry: CommsLogEntry, row: Raw, base: BaseFacts, from: string | null, ws: WorkspaceFacts, destinationAllowed: (phone: string | null, lineType?: string | null) => boolean): LoadedMessage {
    const booking = required(this.read(row, Booking, 'booking', BOOKING), 'Booking', entry.bookingId);
    const session = required(this.read(row, StudySession, 'session', SESSION), 'StudySession', entry.sessionId);
    const participant = required(this.read(row, Participant, 'participant', PARTICIPANT), 'Participant', entry.participantId);
    const study = required(this.read(row, Study, 'study', STUDY), 'Study', entry.studyId);
    // S6: a text about a time must still be about the session's time; a cancellation always holds.
    const subject: TextSubject =
      entry.kind === MessageKind.CANCELLATION
        ? { about: 'nothing' }
        : {
            about: 'booking',
            booked: booking.status === BookingStatus.BOOKED,
            sessionScheduled: session.status === SessionStatus.SCHEDULED,
            sessionStart: session.startsAt,
            describedStart: entry.subjectStartsAt ?? null,
          };
    const facts: SendFacts = {
      ...base,
      audience: 'PARTICIPANT',
      stillValid: stillValid(subject),
      studySmsEnabled: study.smsRemindersEnabled,
      consented: participant.smsConsent,
      phone: participant.phone,
      destinationAllowed: destinationAllowed(participant.phone),
      eventTextsSoFar: Number(row.eventTextsSoFar ?? 0),
    };
    const startsAt = entry.subjectStartsAt ?? session.startsAt;
    const common = { studyName: study.name, startsAt, manageUrl: manageUrl(this.settings.publicUrl, booking.manageToken) };
    const template: TemplateInput | null = entry.kind === MessageKind.DAY_OF_UPDATE ? null : { kind: entry.kind as MessageKind.CONFIRMATION, ...common };
    // T1: the participant's own zone, else the study's (its sessions'), else the workspace's.
    const reader = { timeZone: participant.timeZone ?? study.timeZone ?? ws.timeZone, language: participant.language };
    return { entry, facts, template, to: participant.phone, from, gateway: null, reader };
  }

  private employeeMessage(entry: CommsLogEntry, row: Raw, base: BaseFacts, from: string | null, ws: WorkspaceFacts, destinationAllowed: (phone: string | null, lineType?: string | null) => boolean): LoadedMessage {
    const employee = required(this.read(row, Employee, 'employee', EMPLOYEE), 'Employee', entry.employeeId);
    let subject: TextSubject;
    let weekAlertsOn: boolean | null = null;
    let template: TemplateInput;
    if (entry.kind === MessageKind.SHIFT_ALERT) {
      const shift = this.read(row, Shift, 'shift', SHIFT);
      const week = this.read(row, ScheduleWeek, 'week', WEEK);
      subject = { about: 'shift', shiftStart: shift?.startsAt ?? null, weekPublished: !!week?.publishedAt, describedStart: entry.subjectStartsAt ?? null };
      weekAlertsOn = week?.sendSmsAlert ?? false;
      template = { kind: MessageKind.SHIFT_ALERT, startsAt: shift?.startsAt ?? new Date(0), endsAt: shift?.endsAt ?? new Date(0) };
    } else if (entry.kind === MessageKind.SCHEDULE_PUBLISHED) {
      const week = required(this.read(row, ScheduleWeek, 'week', WEEK), 'ScheduleWeek', entry.scheduleWeekId);
      const shiftCount = Number(row.weekShiftCount ?? 0);
      subject = { about: 'week', weekPublished: !!week.publishedAt, shiftCount };
      template = { kind: MessageKind.SCHEDULE_PUBLISHED, weekStart: week.weekStart, shiftCount };
    } else if (entry.kind === MessageKind.OPT_IN_CONFIRMATION) {
      // K9: for the number that was opted in; a number changed since has its own confirmation.
      subject = { about: 'number', textedNumber: entry.recipientPhone, currentNumber: employee.phone };
      template = { kind: MessageKind.OPT_IN_CONFIRMATION, program: 'SHIFTS' };
    } else {
      const request = required(this.read(row, TimeOffRequest, 'timeOff', TIME_OFF), 'TimeOffRequest', entry.timeOffRequestId);
      subject = { about: 'timeOff', decided: request.status !== TimeOffStatus.PENDING };
      template = { kind: MessageKind.TIME_OFF_RESPONSE, startsOn: request.startsOn, endsOn: request.endsOn, approved: request.status === TimeOffStatus.APPROVED };
    }
    const reader = { timeZone: employee.timeZone ?? ws.timeZone, language: employee.language ?? ws.language };
    const facts: SendFacts = {
      ...base,
      audience: 'EMPLOYEE',
      stillValid: stillValid(subject),
      consented: employee.smsOptIn,
      phone: employee.phone,
      destinationAllowed: destinationAllowed(employee.phone, employee.carrierLineType),
      weekAlertsOn,
      quietHours: quietHoursFor(entry.kind, ws, reader.timeZone),
    };
    const gateway = employee.carrierGatewayDomain ? { carrierName: employee.carrierName, domain: employee.carrierGatewayDomain } : null;
    return { entry, facts, template, to: employee.phone, from, gateway, reader };
  }

  // TypeORM builds the query once; each load binds its entry id. Building a
  // ten-table query cost more CPU than the database spent running it.
  private compile(): CompiledQuery {
    const entryColumns = this.dataSource.getMetadata(CommsLogEntry).columns.map((column) => column.propertyName as keyof CommsLogEntry & string);
    const [sql, parameters] = this.query(entryColumns).getQueryAndParameters();
    const entryIdAt = parameters.indexOf(ENTRY_ID);
    if (entryIdAt < 0 || parameters.lastIndexOf(ENTRY_ID) !== entryIdAt) throw new Error('The facts query must bind the entry id exactly once');
    return { sql, parameters, entryIdAt, entryColumns };
  }

  // Joins are limited to the kinds that use them, so each entry reads only its own subject.
  private query(entryColumns: readonly string[]): SelectQueryBuilder<CommsLogEntry> {
    const optOut = activeOptOutJoin('optOut', 'COALESCE(participant.phone, optInParticipant.phone, employee.phone)');
    const qb = this.dataSource
      .createQueryBuilder(CommsLogEntry, 'entry')
      .select([])
      .innerJoin(Workspace, 'workspace', 'workspace.id = entry.workspaceId')
      .leftJoin(Booking, 'booking', 'booking.id = entry.bookingId AND entry.kind IN (:...participantKinds)', { participantKinds: PARTICIPANT_KINDS })
      .leftJoin(StudySession, 'session', 'session.id = booking.sessionId')
      .leftJoin(Participant, 'participant', 'participant.id = booking.participantId')
      .leftJoin(Study, 'study', 'study.id = session.studyId')
      .leftJoin(Participant, 'optInParticipant', 'optInParticipant.id = entry.participantId AND entry.kind = :optInConfirmation', {
        optInConfirmation: MessageKind.OPT_IN_CONFIRMATION,
      })
      .leftJoin(Employee, 'employee', 'employee.id = entry.employeeId AND entry.kind IN (:...employeeKinds)', { employeeKinds: EMPLOYEE_KINDS })
      .leftJoin(Shift, 'shift', 'shift.id = entry.shiftId AND entry.kind = :shiftAlert', { shiftAlert: MessageKind.SHIFT_ALERT })
      .leftJoin(
        ScheduleWeek,
        'week',
        'week.id = (CASE WHEN entry.kind = :shiftAlert THEN shift.scheduleWeekId WHEN entry.kind = :schedulePublished THEN entry.scheduleWeekId END)',
        { schedulePublished: MessageKind.SCHEDULE_PUBLISHED },
      )
      .leftJoin(TimeOffRequest, 'timeOff', 'timeOff.id = entry.timeOffRequestId AND entry.kind = :timeOffResponse', { timeOffResponse: MessageKind.TIME_OFF_RESPONSE })
      .leftJoin(OptOut, 'optOut', optOut.condition, optOut.parameters)
      .addSelect((sub) => sub.select('COUNT(*)').from(CommsLogEntry, 'counted').where('counted.eventKey = booking.id AND counted.status IN (:...counted)', { counted: COUNTED_STATUSES }), 'eventTextsSoFar')
      .addSelect((sub) => sub.select('COUNT(*)').from(Shift, 'weekShift').where('weekShift.scheduleWeekId = week.id AND entry.kind = :schedulePublished'), 'weekShiftCount')
      .where('entry.id = :entryId', { entryId: ENTRY_ID });
    const columns: [string, readonly string[]][] = [
      ['entry', entryColumns],
      ['workspace', WORKSPACE],
      ['booking', BOOKING],
      ['session', SESSION],
      ['participant', PARTICIPANT],
      ['optInParticipant', PARTICIPANT],
      ['study', STUDY],
      ['employee', EMPLOYEE],
      ['shift', SHIFT],
      ['week', WEEK],
      ['timeOff', TIME_OFF],
      ['optOut', OPT_OUT],
    ];
    for (const [alias, properties] of columns) for (const property of properties) qb.addSelect(`${alias}.${property}`, `${alias}_${property}`);
    return qb;
  }

  // A joined row's columns as TypeORM hydrates them on this driver (booleans,
  // dates); null when the join found nothing (its first column is the key).
  private read<T extends ObjectLiteral, K extends keyof T & string>(row: Raw, entity: EntityTarget<T>, alias: string, properties: readonly K[]): Pick<T, K> | null {
    if (row[`${alias}_${properties[0]}`] == null) return null;
    const { driver } = this.dataSource;
    const values = {} as Pick<T, K>;
    for (const property of properties) {
      values[property] = driver.prepareHydratedValue(row[`${alias}_${property}`], this.column(entity, alias, property)) as T[K];
    }
    return values;
  }

  private column(entity: EntityTarget<ObjectLiteral>, alias: string, property: string): ColumnMetadata {
    const key = `${alias}.${property}`;
    let column = this.columns.get(key);
    if (!column) {
      column = this.dataSource.getMetadata(entity).findColumnWithPropertyName(property)!;
      this.columns.set(key, column);
    }
    return column;
  }
}

type WorkspaceFacts = Pick<Workspace, 'timeZone' | 'language' | 'quietHoursEnabled' | 'quietHoursStart' | 'quietHoursEnd'>;

// T3: only texts that can wait are held, in the recipient's zone.
function quietHoursFor(kind: MessageKind, ws: WorkspaceFacts, timeZone: string): SendFacts['quietHours'] {
  if (!CAN_WAIT_KINDS.includes(kind) || !ws.quietHoursEnabled) return null;
  const startMinute = parseClock(ws.quietHoursStart);
  const endMinute = parseClock(ws.quietHoursEnd);
  return startMinute === null || endMinute === null ? null : { startMinute, endMinute, timeZone };
}

// A subject the entry names but that is gone fails the job, as a lookup by id would.
function required<T>(value: T | null, entity: string, id: string | null): T {
  if (value === null) throw new Error(`${entity} ${id ?? '(none)'} of a queued message was not found`);
  return value;
}
