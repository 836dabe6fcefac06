import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestDatabase, type TestServer } from '../../../../test/harness.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../../comms-log/comms-log.enums.js';
import { ConsentSource } from '../../../consent/consent.enums.js';
import { OptOut } from '../../../consent/opt-out.entity.js';
import { newId } from '../../../db/id.util.js';
import { Employee } from '../../../employees/employee.entity.js';
import { ScheduleWeek } from '../../../employees/schedule-week.entity.js';
import { Shift } from '../../../employees/shift.entity.js';
import { TimeOffRequest, TimeOffStatus } from '../../../employees/time-off-request.entity.js';
import { Booking } from '../../../studies/booking.entity.js';
import { Participant } from '../../../studies/participant.entity.js';
import { manageUrl } from '../../../studies/public-links.js';
import { BookingStatus, SessionStatus } from '../../../studies/session-status.enum.js';
import { StudySession } from '../../../studies/study-session.entity.js';
import { Study } from '../../../studies/study.entity.js';
import { Workspace } from '../../../workspaces/workspace.entity.js';
import type { MessageIntent } from '../message-intent.js';
import { SendFactsLoader } from '../send-facts.loader.js';

const SENDER = '+13306619491';
const at = (iso: string) => new Date(iso);

// The loader reads an entry and everything its kind depends on in one joined
// query and converts each column as TypeORM would on that driver, so it is
// checked on both databases: booleans stay booleans, dates stay dates, and a
// join that finds nothing reads as "not there".
describe.each<TestDatabase>(['mariadb', 'sqlite'])('send facts, read in one query (%s)', (database) => {
  let server: TestServer;
  let loader: SendFactsLoader;
  let workspaceId: string;
  let studyId: string;
  let sessionId: string;
  let booking: Booking;
  let employeeId: string;
  let weekId: string;
  let shiftId: string;
  let timeOffId: string;
  const participantPhone = '+14155550901';
  const employeePhone = '+14155550902';
  const sessionStart = at('2027-03-01T15:00:00.123Z');
  const shiftStart = at('2027-03-02T09:00:00.000Z');

  const repo = <T extends object>(entity: new () => T) => server.app.dataSource.getRepository(entity);
  let keys = 0;
  async function record(intent: Omit<MessageIntent, 'workspaceId' | 'idempotencyKey' | 'sendAt'>): Promise<string> {
    const full: MessageIntent = { workspaceId, idempotencyKey: `facts-${database}-${keys++}`, sendAt: at('2027-03-01T14:45:00Z'), ...intent };
    const [entry] = await server.app.dataSource.transaction((manager) => server.app.services.delivery.record(manager, [full]));
    return String(entry.id);
  }
  const reminder = () =>
    record({ kind: MessageKind.REMINDER, participantId: booking.participantId, studyId, sessionId, bookingId: booking.id, eventKey: booking.id, subjectStartsAt: sessionStart });

  beforeAll(async () => {
    server = await startTestServer({ database, worker: false });
    loader = new SendFactsLoader(server.app.dataSource, { hasChannel: true, defaultSender: null, publicUrl: 'http://tock.test', defaultPhoneCountry: 'US' });
    workspaceId = newId();
    await repo(Workspace).insert({ id: workspaceId, name: 'Facts', smsEnabled: true, senderNumber: SENDER, shiftAlertLeadMinutes: 30 });
    studyId = newId();
    await repo(Study).insert({ id: studyId, workspaceId, name: 'Kitchen study', smsRemindersEnabled: true, inviteToken: randomBytes(16).toString('hex') });
    sessionId = newId();
    await repo(StudySession).insert({ id: sessionId, workspaceId, studyId, startsAt: sessionStart, durationMinutes: 30, status: SessionStatus.SCHEDULED });
    const participantId = newId();
    await repo(Participant).insert({ id: participantId, workspaceId, name: 'Pat', email: 'pat@example.com', phone: participantPhone, smsConsent: true });
    booking = repo(Booking).create({ id: newId(), workspaceId, sessionId, participantId, status: BookingStatus.BOOKED, manageToken: randomBytes(16).toString('hex') });
    await repo(Booking).insert(booking);

    employeeId = newId();
    await repo(Employee).insert({ id: employeeId, workspaceId, name: 'Eve', phone: employeePhone, smsOptIn: true, carrierName: 'Verizon Wireless', carrierGatewayDomain: 'vtext.com' });
    weekId = newId();
    await repo(ScheduleWeek).insert({ id: weekId, workspaceId, employeeId, weekStart: '2027-03-01', sendSmsAlert: false, publishedAt: at('2027-02-25T12:00:00Z') });
    shiftId = newId();
    await repo(Shift).insert([
      { id: shiftId, workspaceId, scheduleWeekId: weekId, employeeId, startsAt: shiftStart, endsAt: at('2027-03-02T17:00:00Z') },
      { id: newId(), workspaceId, scheduleWeekId: weekId, employeeId, startsAt: at('2027-03-03T09:00:00Z'), endsAt: at('2027-03-03T17:00:00Z') },
    ]);
    timeOffId = newId();
    await repo(TimeOffRequest).insert({ id: timeOffId, workspaceId, employeeId, startsOn: '2027-04-05', endsOn: '2027-04-06', status: TimeOffStatus.APPROVED });
  });
  afterAll(() => server?.stop());

  it('S4: a reminder reads its booking, session, participant and study, typed as the entities say', async () => {
    const loaded = await loader.load(await reminder());

    expect(loaded?.facts).toEqual({
      audience: 'PARTICIPANT',
      stillValid: true,
      workspaceSmsEnabled: true,
      deliveryConfigured: true,
      studySmsEnabled: true,
      consented: true,
      phone: participantPhone,
      optedOut: false,
      weekAlertsOn: null,
      eventTextsSoFar: 0,
      destinationAllowed: true,
      suspectedAbuse: false,
      // L8: a reminder is no use once its session starts.
      latestUsefulAt: sessionStart,
    });
    expect(loaded?.template).toEqual({
      kind: MessageKind.REMINDER,
      studyName: 'Kitchen study',
      startsAt: sessionStart,
      manageUrl: manageUrl('http://tock.test', booking.manageToken),
    });
    expect(loaded).toMatchObject({ to: participantPhone, from: SENDER, gateway: null });
    expect(loaded?.entry).toMatchObject({ kind: MessageKind.REMINDER, status: MessageStatus.QUEUED, bookingId: booking.id });
    expect(loaded?.entry.subjectStartsAt).toEqual(sessionStart);
  });

  it('S5: texts already sent or being sent for the booking are counted; queued and skipped ones are not', async () => {
    const counted = [MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.SENDING];
    for (const status of [...counted, MessageStatus.QUEUED, MessageStatus.SKIPPED]) {
      const id = await record({ kind: MessageKind.DAY_OF_UPDATE, participantId: booking.participantId, bookingId: booking.id, eventKey: booking.id, body: 'Room 4' });
      await repo(CommsLogEntry).update({ id }, { status });
    }

    const loaded = await loader.load(await reminder());

    expect(loaded?.facts.eventTextsSoFar).toBe(counted.length);
  });

  it('K2: only an opt-out in force counts; a lifted one does not', async () => {
    const entryId = await reminder();
    await repo(OptOut).insert({ phone: participantPhone, optedOut: true, source: ConsentSource.KEYWORD, keyword: 'STOP', updatedAt: new Date() });
    expect((await loader.load(entryId))?.facts.optedOut).toBe(true);

    await repo(OptOut).update({ phone: participantPhone }, { optedOut: false });
    expect((await loader.load(entryId))?.facts.optedOut).toBe(false);
  });

  it('S6: a reminder for a time the session no longer has is no longer valid; a cancelled booking neither', async () => {
    const entryId = await reminder();
    await repo(StudySession).update({ id: sessionId }, { startsAt: new Date(sessionStart.getTime() + 60_000) });
    expect((await loader.load(entryId))?.facts.stillValid).toBe(false);
    await repo(StudySession).update({ id: sessionId }, { startsAt: sessionStart });
    expect((await loader.load(entryId))?.facts.stillValid).toBe(true);

    await repo(Booking).update({ id: booking.id }, { status: BookingStatus.CANCELLED });
    expect((await loader.load(entryId))?.facts.stillValid).toBe(false);
    await repo(Booking).update({ id: booking.id }, { status: BookingStatus.BOOKED });
  });

  it("E3/E8: a shift alert reads the shift, its week's switch (a boolean) and the employee's gateway", async () => {
    const loaded = await loader.load(await record({ kind: MessageKind.SHIFT_ALERT, employeeId, shiftId, subjectStartsAt: shiftStart }));

    expect(loaded?.facts).toMatchObject({ audience: 'EMPLOYEE', stillValid: true, consented: true, phone: employeePhone, optedOut: false, weekAlertsOn: false, studySmsEnabled: null });
    expect(loaded?.template).toEqual({ kind: MessageKind.SHIFT_ALERT, startsAt: shiftStart, endsAt: at('2027-03-02T17:00:00Z') });
    expect(loaded?.gateway).toEqual({ carrierName: 'Verizon Wireless', domain: 'vtext.com' });
  });

  it('E6: a shift alert for a shift that was removed is no longer valid, not an error', async () => {
    const loaded = await loader.load(await record({ kind: MessageKind.SHIFT_ALERT, employeeId, shiftId: newId(), subjectStartsAt: shiftStart }));

    expect(loaded?.facts).toMatchObject({ stillValid: false, weekAlertsOn: false });
  });

  it("E6: a published week's notice counts that week's shifts", async () => {
    const loaded = await loader.load(await record({ kind: MessageKind.SCHEDULE_PUBLISHED, employeeId, scheduleWeekId: weekId }));

    expect(loaded?.facts).toMatchObject({ audience: 'EMPLOYEE', stillValid: true, weekAlertsOn: null });
    expect(loaded?.template).toEqual({ kind: MessageKind.SCHEDULE_PUBLISHED, weekStart: '2027-03-01', shiftCount: 2 });
  });

  it('E6: a time-off answer reads the decision and its dates', async () => {
    const loaded = await loader.load(await record({ kind: MessageKind.TIME_OFF_RESPONSE, employeeId, timeOffRequestId: timeOffId }));

    expect(loaded?.facts).toMatchObject({ audience: 'EMPLOYEE', stillValid: true, consented: true });
    expect(loaded?.template).toEqual({ kind: MessageKind.TIME_OFF_RESPONSE, startsOn: '2027-04-05', endsOn: '2027-04-06', approved: true });
  });

  it('K2: a keyword reply goes to the number it answers, from the number it was sent to', async () => {
    const loaded = await loader.load(await record({ kind: MessageKind.KEYWORD_REPLY, recipientPhone: '+14155550999', senderPhone: '+13306610000', body: 'You are unsubscribed.' }));

    expect(loaded?.facts).toMatchObject({ audience: 'KEYWORD_REPLY', consented: true, optedOut: false, phone: '+14155550999' });
    expect(loaded).toMatchObject({ template: null, to: '+14155550999', from: '+13306610000' });
  });

  it('an unknown entry id loads nothing', async () => {
    expect(await loader.load('999999999')).toBeNull();
  });
});
