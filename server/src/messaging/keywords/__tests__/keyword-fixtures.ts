import { Not } from 'typeorm';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { ConsentRecord } from '../../../consent/consent-record.entity.js';
import { OptOut } from '../../../consent/opt-out.entity.js';
import { Employee } from '../../../employees/employee.entity.js';
import { ScheduleWeek } from '../../../employees/schedule-week.entity.js';
import { IdempotencyRecord } from '../../../idempotency/idempotency-record.entity.js';
import { Booking } from '../../../studies/booking.entity.js';
import { Participant } from '../../../studies/participant.entity.js';
import type { TestServer, TestWorkspace } from '../../../../test/harness.js';
import { InboundPart } from '../inbound-part.entity.js';
import { withChallenge } from '../../../../test/signup-challenge.js';

let seq = 0;

export interface BookedParticipant {
  participantId: string;
  bookingId: string;
  sessionId: string;
  studyId: string;
}

/** A participant who signed up with `phone` and SMS consent (S2/S3), booked on a session tomorrow. */
export async function bookedParticipant(server: TestServer, ws: TestWorkspace, phone: string, smsConsent = true): Promise<BookedParticipant> {
  const study = await server.ok(`mutation { createStudy(input: { name: "Checkout interviews ${++seq}" }) { id inviteUrl } }`, {}, ws.adminKey);
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const session = await server.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    { input: { studyId: study.createStudy.id, startsAt, durationMinutes: 30 } },
    ws.adminKey,
  );
  const data = await server.ok(
    `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id participantId } } }`,
    {
      input: await withChallenge(server, {
        inviteToken: study.createStudy.inviteUrl.split('/').at(-1),
        sessionId: session.createSession.id,
        name: `Participant ${seq}`,
        email: `participant${seq}@example.com`,
        phone,
        smsConsent,
      }),
    },
  );
  return { participantId: data.signUp.booking.participantId, bookingId: data.signUp.booking.id, sessionId: session.createSession.id, studyId: study.createStudy.id };
}

/** An employee with `phone`, opted in by an admin (E2), with saved weeks whose Send SMS Alert is as given. */
export async function optedInEmployee(server: TestServer, ws: TestWorkspace, phone: string, weeks: Record<string, boolean> = {}): Promise<string> {
  const created = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: `Employee ${++seq}`, phone } }, ws.adminKey);
  const id: string = created.upsertEmployee.id;
  await server.ok(`mutation($input: SetEmployeeSmsOptInInput!) { setEmployeeSmsOptIn(input: $input) { id } }`, { input: { employeeId: id, optIn: true, attestation: 'Asked in person at the briefing' } }, ws.adminKey);
  for (const [weekStart, sendSmsAlert] of Object.entries(weeks)) {
    await server.ok(
      `mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`,
      { input: { employeeId: id, weekStart, sendSmsAlert, shifts: [] } },
      ws.adminKey,
    );
  }
  return id;
}

/** A REMINDER for a booking, recorded QUEUED through the delivery service as the booking flow would. */
export async function queuedReminder(server: TestServer, workspaceId: string, booked: BookedParticipant): Promise<CommsLogEntry> {
  const { delivery } = server.app.services;
  const [entry] = await server.app.dataSource.transaction((manager) =>
    delivery.record(manager, [
      {
        workspaceId,
        kind: MessageKind.REMINDER,
        idempotencyKey: `test-reminder:${booked.bookingId}`,
        sendAt: new Date(),
        participantId: booked.participantId,
        bookingId: booked.bookingId,
        studyId: booked.studyId,
        sessionId: booked.sessionId,
        eventKey: booked.bookingId,
      },
    ]),
  );
  await delivery.schedule([entry]);
  return entry;
}

export const participant = (server: TestServer, id: string) => server.app.dataSource.getRepository(Participant).findOneByOrFail({ id });
export const employee = (server: TestServer, id: string) => server.app.dataSource.getRepository(Employee).findOneByOrFail({ id });
export const weeksOf = (server: TestServer, employeeId: string) =>
  server.app.dataSource.getRepository(ScheduleWeek).find({ where: { employeeId }, order: { weekStart: 'ASC' } });
export const recordsOf = (server: TestServer, subjectId: string) =>
  server.app.dataSource.getRepository(ConsentRecord).find({ where: { subjectId }, order: { id: 'ASC' } });
// Without a kind: everything but the opt-in confirmations (K9) the fixtures' own opt-ins cause.
export const logFor = (server: TestServer, phone: string, kind?: MessageKind) =>
  server.app.dataSource.getRepository(CommsLogEntry).find({ where: { recipientPhone: phone, kind: kind ?? Not(MessageKind.OPT_IN_CONFIRMATION) }, order: { id: 'ASC' } });
export const registryRow = (server: TestServer, phone: string) => server.app.dataSource.getRepository(OptOut).findOneBy({ phone });

/** Everything a webhook may write, read back, for "nothing changed" checks. */
export async function storedState(server: TestServer) {
  const ds = server.app.dataSource;
  return {
    log: await ds.getRepository(CommsLogEntry).find({ order: { id: 'ASC' } }),
    consentRecords: await ds.getRepository(ConsentRecord).count(),
    optOuts: await ds.getRepository(OptOut).find({ order: { phone: 'ASC' } }),
    markers: await ds.getRepository(IdempotencyRecord).count(),
    parts: await ds.getRepository(InboundPart).find({ order: { id: 'ASC' } }),
    participants: await ds.getRepository(Participant).find({ select: { id: true, smsConsent: true }, order: { id: 'ASC' } }),
    employees: await ds.getRepository(Employee).find({ select: { id: true, smsOptIn: true }, order: { id: 'ASC' } }),
    bookings: await ds.getRepository(Booking).count(),
  };
}
