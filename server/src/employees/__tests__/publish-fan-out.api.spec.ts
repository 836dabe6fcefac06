import { randomBytes } from 'node:crypto';
import type { Job } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../comms-log/comms-log.enums.js';
import { newId } from '../../db/id.util.js';
import { fanOutJob } from '../../jobs/definitions/fan-out.job.js';
import type { FanOutRequest } from '../../messaging/delivery/fan-out.js';
import { DayOfUpdate } from '../../messaging/templates/message-templates.js';
import { Booking } from '../../studies/booking.entity.js';
import { BookingStatus, SessionStatus } from '../../studies/session-status.enum.js';
import { StudySession } from '../../studies/study-session.entity.js';
import { Study } from '../../studies/study.entity.js';
import { Participant } from '../../studies/participant.entity.js';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { Employee } from '../employee.entity.js';
import { ScheduleWeek } from '../schedule-week.entity.js';
import { Shift } from '../shift.entity.js';

// More than two chunks of the fan-out job.
const RECIPIENTS = 600;

function mondayInTwoWeeks(): string {
  const day = new Date(Date.now() + 14 * 24 * 3600_000);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

const entries = (server: TestServer, where: Record<string, unknown>) => server.app.dataSource.getRepository(CommsLogEntry).findBy(where as never);

// A scheduled session with `count` booked participants.
async function bookedSession(server: TestServer, workspaceId: string, count: number, tag: string, area: number): Promise<StudySession> {
  const db = server.app.dataSource;
  const study = await db.getRepository(Study).save(db.getRepository(Study).create({ id: newId(), workspaceId, name: `Fan study ${tag}`, smsRemindersEnabled: true, inviteToken: randomBytes(16).toString('hex') }));
  const session = await db
    .getRepository(StudySession)
    .save(db.getRepository(StudySession).create({ id: newId(), workspaceId, studyId: study.id, startsAt: new Date(Date.now() + 3 * 3600_000), durationMinutes: 30, status: SessionStatus.SCHEDULED }));
  const participants = Array.from({ length: count }, (_, i) =>
    db.getRepository(Participant).create({ id: newId(), workspaceId, name: `P ${i}`, email: `p${i}.${tag}@fan.example`, phone: `+1${area}559${String(i).padStart(4, '0')}`, smsConsent: true }),
  );
  await db.getRepository(Participant).insert(participants);
  await db
    .getRepository(Booking)
    .insert(participants.map((p) => ({ id: newId(), workspaceId, sessionId: session.id, participantId: p.id, status: BookingStatus.BOOKED, manageToken: randomBytes(16).toString('hex') })));
  return session;
}

// Item 9: a fan-out answers at once; a job records the texts in chunks.
describe('fan-outs off the request (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    server = await startTestServer();
    // SMS off: every text is recorded and then skipped, so nothing waits on a provider.
    ws = await createTestWorkspace(server, 'Fan Co');
  });
  afterAll(() => server?.stop());

  it(`E6: publishSchedule to ${RECIPIENTS} employees records exactly one SCHEDULE_PUBLISHED each, in a job; a retry adds none`, async () => {
    const db = server.app.dataSource;
    const weekStart = mondayInTwoWeeks();
    const startsAt = new Date(`${weekStart}T15:00:00.000Z`);
    const employees = Array.from({ length: RECIPIENTS }, (_, i) =>
      db.getRepository(Employee).create({ id: newId(), workspaceId: ws.id, name: `E ${i}`, phone: `+1415558${String(i).padStart(4, '0')}`, smsOptIn: true }),
    );
    await db.getRepository(Employee).insert(employees);
    const weeks = employees.map((e) => db.getRepository(ScheduleWeek).create({ id: newId(), workspaceId: ws.id, employeeId: e.id, weekStart, sendSmsAlert: false }));
    await db.getRepository(ScheduleWeek).insert(weeks);
    await db
      .getRepository(Shift)
      .insert(weeks.map((w) => ({ id: newId(), workspaceId: ws.id, scheduleWeekId: w.id, employeeId: w.employeeId, startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3600_000) })));

    const publish = `mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { weeksPublished messagesQueued } }`;
    const first = await server.ok(publish, { input: { weekStart, idempotencyKey: 'fan-out-1' } }, ws.adminKey);
    expect(first.publishSchedule).toEqual({ weeksPublished: RECIPIENTS, messagesQueued: RECIPIENTS });
    const recorded = () => entries(server, { workspaceId: ws.id, kind: MessageKind.SCHEDULE_PUBLISHED });
    await expect.poll(async () => (await recorded()).length, { timeout: 100_000, interval: 250 }).toBe(RECIPIENTS);

    // C3: a retry finds nothing changed, so it asks for no fan-out and records nothing more.
    const fanOuts = async () => (await server.app.agenda.queryJobs({ name: 'fan-out-texts' })).total;
    const before = await fanOuts();
    const retry = await server.ok(publish, { input: { weekStart, idempotencyKey: 'fan-out-1' } }, ws.adminKey);
    expect(retry.publishSchedule.messagesQueued).toBe(0);
    expect(await fanOuts()).toBe(before);
    const all = await recorded();
    expect(all).toHaveLength(RECIPIENTS);
    expect(new Set(all.map((e) => e.employeeId)).size).toBe(RECIPIENTS);
  }, 150_000);

  it(`S5: sendDayOfUpdate to ${RECIPIENTS} booked participants records exactly one DAY_OF_UPDATE each, in a job`, async () => {
    const session = await bookedSession(server, ws.id, RECIPIENTS, 'late', 415);

    const send = `mutation($input: SendDayOfUpdateInput!) { sendDayOfUpdate(input: $input) { messagesQueued } }`;
    const answer = await server.ok(send, { input: { sessionId: session.id, update: 'RUNNING_LATE', idempotencyKey: 'fan-late' } }, ws.adminKey);
    expect(answer.sendDayOfUpdate.messagesQueued).toBe(RECIPIENTS);
    const recorded = () => entries(server, { workspaceId: ws.id, kind: MessageKind.DAY_OF_UPDATE, sessionId: session.id });
    await expect.poll(async () => (await recorded()).length, { timeout: 100_000, interval: 250 }).toBe(RECIPIENTS);
    const all = await recorded();
    expect(new Set(all.map((e) => e.bookingId)).size).toBe(RECIPIENTS);
  }, 150_000);

  it('Item 9: a day-of fan-out job renews its lock (Agenda touch) after every chunk, so however many chunks it has it never outlives its lock', async () => {
    const count = 1100; // chunks of 500, 500 and 100
    const session = await bookedSession(server, ws.id, count, 'lock', 212);
    const request: FanOutRequest = { kind: 'day-of-update', workspaceId: ws.id, sessionId: session.id, update: DayOfUpdate.RUNNING_LATE, requestKey: `lock-${newId()}`, at: new Date().toISOString() };
    // The job as Agenda hands it to the handler; each renewal notes how much was recorded when it came.
    const renewals: { progress: number | undefined; recorded: number }[] = [];
    const job = {
      attrs: { name: 'fan-out-texts', data: request },
      touch: async (progress?: number) => {
        renewals.push({ progress, recorded: (await entries(server, { sessionId: session.id, kind: MessageKind.DAY_OF_UPDATE })).length });
      },
    } as unknown as Job<FanOutRequest>;
    await fanOutJob(server.app.services).handler(job);
    expect(renewals).toEqual([
      { progress: 45, recorded: 500 },
      { progress: 90, recorded: 1000 },
      { progress: 100, recorded: 1100 },
    ]);
  }, 150_000);
});
