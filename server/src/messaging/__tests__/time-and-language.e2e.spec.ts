import { DateTime } from 'luxon';
import { In, LessThanOrEqual, Not, type FindOptionsWhere } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { recordPendingFanOuts, startSendingServer, type SendingServer } from '../../../test/sending.js';
import { withChallenge } from '../../../test/signup-challenge.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { ConsentRecord } from '../../consent/consent-record.entity.js';
import { AgendaJob } from '../../jobs/sql-backend/agenda-job.entity.js';
import { callWebhook, inboundParams, signed } from '../webhooks/__tests__/vonage-webhook-client.js';

// T1, T2, T3, K9, E9 through the real server, database, Agenda and the Vonage
// stand-in. The worker is off: each test sends what is due by calling the send
// job's own work with the moment it stands for, so quiet hours and daylight
// saving are tested at the hour they are about, whatever the hour now.

const NEW_YORK = 'America/New_York';
const LOS_ANGELES = 'America/Los_Angeles';

let seq = 0;

// The first Sunday of November of next year: US daylight saving ends at 2:00 AM.
function fallBackSunday(): DateTime {
  const first = DateTime.fromObject({ year: DateTime.now().year + 1, month: 11, day: 1 }, { zone: NEW_YORK });
  return first.plus({ days: (7 - first.weekday) % 7 });
}

// The second Sunday of March of next year: clocks go from 2:00 to 3:00 AM.
function springForwardSunday(): DateTime {
  const first = DateTime.fromObject({ year: DateTime.now().year + 1, month: 3, day: 1 }, { zone: NEW_YORK });
  return first.plus({ days: ((7 - first.weekday) % 7) + 7 });
}

describe('texts in the recipient\'s time and language (MariaDB, stand-in)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;

  beforeAll(async () => {
    sending = await startSendingServer({ worker: false });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Zoned Research', { smsEnabled: true, quietHours: true, timeZone: NEW_YORK });
  });
  afterAll(async () => {
    await sending?.stop();
  });

  const log = () => server.app.dataSource.getRepository(CommsLogEntry);

  // The send job's work for every QUEUED entry matching `where`, as of `now`.
  async function deliverQueued(where: FindOptionsWhere<CommsLogEntry>, now = new Date()): Promise<CommsLogEntry[]> {
    const queued = await log().find({ where: { ...where, status: MessageStatus.QUEUED }, order: { id: 'ASC' } });
    for (const entry of queued) await server.app.services.delivery.deliver(String(entry.id), now);
    return queued.length ? log().find({ where: { id: In(queued.map((e) => e.id)) }, order: { id: 'ASC' } }) : [];
  }
  const entriesFor = (where: FindOptionsWhere<CommsLogEntry>) => log().find({ where, order: { id: 'ASC' } });

  // With the worker off, earlier tests leave time-critical texts QUEUED; send them, as a worker would have.
  async function settleDue(): Promise<void> {
    const due = await log().find({ where: { status: MessageStatus.QUEUED, kind: Not(MessageKind.OPT_IN_CONFIRMATION), scheduledFor: LessThanOrEqual(new Date(Date.now() + 5_000)) } });
    for (const entry of due) await server.app.services.delivery.deliver(String(entry.id));
  }

  async function study(key: string, timeZone?: string): Promise<{ id: string; token: string }> {
    const data = await server.ok(
      `mutation($input: CreateStudyInput!) { createStudy(input: $input) { id inviteUrl timeZone } }`,
      { input: { name: `Interviews ${++seq}`, ...(timeZone ? { timeZone } : {}) } },
      key,
    );
    return { id: data.createStudy.id, token: data.createStudy.inviteUrl.split('/').at(-1) };
  }

  async function session(studyId: string, startsAt: Date): Promise<string> {
    const data = await server.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId, startsAt: startsAt.toISOString(), durationMinutes: 30 } },
      ws.adminKey,
    );
    return data.createSession.id;
  }

  async function signUp(token: string, sessionId: string, phone: string, extra: Record<string, unknown> = {}) {
    const data = await server.ok(
      `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id participantId } manageUrl } }`,
      // A8: the challenge is solved for real, as the signup page does.
      { input: await withChallenge(server, { inviteToken: token, sessionId, name: `Person ${++seq}`, email: `person${seq}@example.com`, phone, smsConsent: true, ...extra }) },
    );
    return { ...data.signUp.booking, manageToken: data.signUp.manageUrl.split('/').at(-1) as string };
  }

  async function employee(phone: string | null, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await server.ok(
      `mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`,
      { input: { name: `Employee ${++seq}`, phone, ...extra } },
      ws.adminKey,
    );
    const id: string = created.upsertEmployee.id;
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id }, ws.adminKey);
    return id;
  }

  async function weekWithShift(employeeId: string, startsAt: Date, endsAt: Date): Promise<string> {
    const weekStart = DateTime.fromJSDate(startsAt, { zone: NEW_YORK }).startOf('week').toISODate()!;
    await server.ok(
      `mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`,
      { input: { employeeId, weekStart, sendSmsAlert: true, shifts: [{ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }] } },
      ws.adminKey,
    );
    return weekStart;
  }

  it('T1: an interview in America/Los_Angeles booked by a participant in America/New_York: the pages show the session zone, the texts New York time', async () => {
    const interviews = await study(ws.adminKey, LOS_ANGELES);
    // 10:00 AM in Los Angeles, 20 days from now, is 1:00 PM in New York whatever the season.
    const startsAt = DateTime.now().setZone(LOS_ANGELES).plus({ days: 20 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const sessionId = await session(interviews.id, startsAt.toJSDate());
    const invite = await server.ok(`query($token: String!) { invite(token: $token) { timeZone } }`, { token: interviews.token });
    expect(invite.invite.timeZone).toBe(LOS_ANGELES);

    const booked = await signUp(interviews.token, sessionId, '+14155550701', { timeZone: NEW_YORK });
    const [confirmation] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.CONFIRMATION });
    const newYork = startsAt.setZone(NEW_YORK);
    expect(confirmation.status).toBe(MessageStatus.SENT);
    expect(confirmation.body).toContain(`${newYork.toFormat('ccc, LLL d')}, 1:00 PM ${newYork.offsetNameShort}`);
    expect(confirmation.recipientTimeZone).toBe(NEW_YORK);

    const page = await server.ok(`query($t: String!) { booking(manageToken: $t) { sessionTimeZone timeZone } }`, { t: booked.manageToken });
    expect(page.booking).toEqual({ sessionTimeZone: LOS_ANGELES, timeZone: NEW_YORK });
    // The participant moves to Los Angeles on the manage page: the reminder follows.
    await server.ok(`mutation($t: String!) { setBookingTimeZone(manageToken: $t, timeZone: "America/Los_Angeles") { timeZone } }`, { t: booked.manageToken });
    const [reminder] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.REMINDER }, startsAt.minus({ minutes: 15 }).toJSDate());
    expect(reminder.body).toContain(`10:00 AM ${startsAt.offsetNameShort}`);
    const bad = await server.gql(`mutation($t: String!) { setBookingTimeZone(manageToken: $t, timeZone: "Mars/Olympus_Mons") { timeZone } }`, { t: booked.manageToken });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
  });

  it('T1: a session at 1:30 AM on the November fall-back day in New York is texted as the 1:30 it is, EDT or EST', async () => {
    const interviews = await study(ws.adminKey, NEW_YORK);
    const sunday = fallBackSunday();
    // 1:30 AM happens twice that night: 05:30 UTC (EDT) and 06:30 UTC (EST).
    const first = sunday.set({ hour: 1, minute: 30 });
    const second = first.plus({ hours: 1 });
    expect(second.toFormat('H:mm')).toBe('1:30');
    const texts = [];
    for (const [at, phone] of [[first, '+14155550702'], [second, '+14155550703']] as const) {
      const booked = await signUp(interviews.token, await session(interviews.id, at.toJSDate()), phone);
      texts.push((await deliverQueued({ bookingId: booked.id, kind: MessageKind.CONFIRMATION }))[0].body);
    }
    const day = sunday.toFormat('ccc, LLL d');
    expect(texts[0]).toContain(`${day}, 1:30 AM EDT`);
    expect(texts[1]).toContain(`${day}, 1:30 AM EST`);
  });

  it('T1: a shift on the fall-back night is texted in local time with each zone, and its alert lead time is an absolute 30 minutes', async () => {
    const id = await employee('+14155550704');
    const sunday = fallBackSunday();
    // Saturday 10:00 PM EDT to Sunday 6:00 AM EST: nine hours on the clock's eight.
    const startsAt = sunday.minus({ days: 1 }).set({ hour: 22, minute: 0 }).toJSDate();
    const endsAt = sunday.set({ hour: 6, minute: 0 }).toJSDate();
    expect(endsAt.getTime() - startsAt.getTime()).toBe(9 * 3600_000);
    await weekWithShift(id, startsAt, endsAt);
    const weekStart = DateTime.fromJSDate(startsAt, { zone: NEW_YORK }).startOf('week').toISODate();
    await server.ok(`mutation($w: String!) { publishSchedule(input: { weekStart: $w }) { messagesQueued } }`, { w: weekStart }, ws.adminKey);
    const { Shift } = await import('../../employees/shift.entity.js');
    const shift = await server.app.dataSource.getRepository(Shift).findOneByOrFail({ startsAt });
    const { shiftAlertIntent } = await import('../../employees/employee-messages.js');
    const intent = shiftAlertIntent({ ...shift, employeeId: id, workspaceId: ws.id, leadMinutes: 30 }, new Date());
    expect(intent.sendAt.getTime()).toBe(startsAt.getTime() - 30 * 60_000);
    const [recorded] = await server.app.dataSource.transaction((manager) => server.app.services.delivery.record(manager, [intent]));
    const [alert] = await deliverQueued({ id: recorded.id }, intent.sendAt);
    expect(alert.body).toContain('starts at 10:00 PM EDT and ends at 6:00 AM EST');
  });

  it('T1: a week spanning the spring change runs Monday to Monday on the workspace clock: 167 hours, a Sunday 11:30 PM shift belongs and a Monday 12:30 AM one does not', async () => {
    const id = await employee('+14155550705');
    const sunday = springForwardSunday();
    const monday = sunday.minus({ days: 6 }).toISODate()!;
    const { weekWindowIn } = await import('../../employees/week-start.util.js');
    const { from, to } = weekWindowIn(monday, NEW_YORK);
    expect(to.getTime() - from.getTime()).toBe(167 * 3600_000);
    const save = (at: DateTime) =>
      server.gql(
        `mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`,
        { input: { employeeId: id, weekStart: monday, shifts: [{ startsAt: at.toISO(), endsAt: at.plus({ hours: 1 }).toISO() }] } },
        ws.adminKey,
      );
    expect((await save(sunday.set({ hour: 23, minute: 30 }))).errors).toBeUndefined();
    expect(errorCodes(await save(sunday.plus({ days: 1 }).set({ hour: 0, minute: 30 })))).toEqual(['BAD_USER_INPUT']);
  });

  it('T2: a Spanish-speaking participant gets the disclosure, every text and the HELP reply in Spanish, and ALTO opts them out', async () => {
    const interviews = await study(ws.adminKey);
    const invite = await server.ok(`query($token: String!) { invite(token: $token, language: ES) { disclosure { version language text } } }`, { token: interviews.token });
    expect(invite.invite.disclosure).toMatchObject({ version: '2026-12-es', language: 'ES' });
    expect(invite.invite.disclosure.text).toMatch(/Responda ALTO para cancelar, AYUDA para ayuda/);
    const startsAt = DateTime.now().setZone(NEW_YORK).plus({ days: 9 }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 });
    const sessionId = await session(interviews.id, startsAt.toJSDate());
    const phone = '+14155550706';
    const booked = await signUp(interviews.token, sessionId, phone, { language: 'ES', disclosureVersion: '2026-12-es' });

    const [record] = await server.app.dataSource.getRepository(ConsentRecord).findBy({ subjectId: booked.participantId });
    expect(record).toMatchObject({ action: 'GRANTED', disclosureVersion: '2026-12-es', disclosureLanguage: 'es', disclosureText: invite.invite.disclosure.text });

    const [confirmation] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.CONFIRMATION });
    expect(confirmation.body).toMatch(/Tiene una cita para .* el .* de .*, 3:00 p\. ?m\. E[SD]T\..*Responda ALTO/);
    // Á, í, ó, ú are outside GSM-7: the count is the UCS-2 one.
    expect(confirmation.encoding).toBe(/[áíóú]/.test(confirmation.body!) ? 'UCS-2' : 'GSM-7');
    const [optIn] = await deliverQueued({ participantId: booked.participantId, kind: MessageKind.OPT_IN_CONFIRMATION });
    expect(optIn.body).toMatch(/Está suscrito.*Pueden aplicar cargos por mensajes y datos.*AYUDA.*ALTO/);

    await server.ok(`mutation($s: ID!) { sendDayOfUpdate(input: { sessionId: $s, update: RUNNING_LATE }) { messagesQueued } }`, { s: sessionId }, ws.adminKey);
    // Item 9: the request decided; the fan-out job records the text.
    await recordPendingFanOuts(server);
    const [dayOf] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.DAY_OF_UPDATE });
    expect(dayOf.body).toMatch(/empezará unos minutos tarde/);
    await server.ok(`mutation($s: ID!, $at: DateTimeISO!) { rescheduleSession(input: { sessionId: $s, startsAt: $at }) { messagesQueued } }`, { s: sessionId, at: startsAt.plus({ hours: 1 }).toISO() }, ws.adminKey);
    const [moved] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.SCHEDULE_CHANGE });
    expect(moved.body).toMatch(/cambió al .*4:00 p\. ?m\./);

    // K8 answers one HELP per number per 10 minutes, so one word here: the English keyword,
    // answered in the participant's language (AYUDA's own parsing is in keyword.spec.ts).
    for (const word of ['HELP']) {
      const inbound = inboundParams(phone, word);
      expect((await callWebhook(server, 'inbound', signed(inbound))).status).toBe(200);
      const [help] = await entriesFor({ idempotencyKey: `keyword-reply:${inbound.messageId}` });
      expect(help.body).toMatch(/Ayuda: .*Pueden aplicar cargos por mensajes y datos\. Responda ALTO para cancelar\./);
    }
    const alto = inboundParams(phone, 'Alto');
    await callWebhook(server, 'inbound', signed(alto));
    const [reply] = await entriesFor({ idempotencyKey: `keyword-reply:${alto.messageId}` });
    expect(reply.body).toMatch(/Su suscripción fue cancelada/);
    const participant = await server.ok(`query($id: ID!) { participant(id: $id) { smsConsent } }`, { id: booked.participantId }, ws.adminKey);
    expect(participant.participant.smsConsent).toBe(false);
    const [reminder] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.REMINDER });
    expect(reminder).toMatchObject({ status: MessageStatus.SKIPPED, skipReason: 'OPTED_OUT' });
  });

  it('T3: a schedule published at 22:30 workspace time reaches each employee at 08:00 their time, while a reminder at 22:30 goes on time', async () => {
    const tomorrow = DateTime.now().setZone(NEW_YORK).plus({ days: 1 }).startOf('day');
    const at2230 = tomorrow.set({ hour: 22, minute: 30 });
    const inNewYork = await employee('+14155550707');
    const inMadrid = await employee('+14155550708', { timeZone: 'Europe/Madrid' });
    const shiftStart = tomorrow.plus({ days: 3 }).set({ hour: 9 });
    for (const id of [inNewYork, inMadrid]) await weekWithShift(id, shiftStart.toJSDate(), shiftStart.plus({ hours: 4 }).toJSDate());
    await server.ok(`mutation($w: String!) { publishSchedule(input: { weekStart: $w, idempotencyKey: "t3" }) { messagesQueued } }`, { w: shiftStart.startOf('week').toISODate() }, ws.adminKey);
    await recordPendingFanOuts(server);

    const interviews = await study(ws.adminKey);
    const booked = await signUp(interviews.token, await session(interviews.id, at2230.plus({ minutes: 15 }).toJSDate()), '+14155550709');

    const held = await deliverQueued({ kind: MessageKind.SCHEDULE_PUBLISHED }, at2230.toJSDate());
    const byEmployee = new Map(held.map((e) => [e.employeeId, e]));
    const nyEight = tomorrow.plus({ days: 1 }).set({ hour: 8 });
    // 22:30 in New York is 04:30 in Madrid: 08:00 there is the same morning.
    const madridEight = at2230.setZone('Europe/Madrid').set({ hour: 8, minute: 0 });
    for (const [id, eight, zone] of [[inNewYork, nyEight, 'EST|EDT'], [inMadrid, madridEight, 'GMT\\+1|GMT\\+2|CET|CEST']] as const) {
      const entry = byEmployee.get(id)!;
      expect(entry.status).toBe(MessageStatus.QUEUED);
      expect(entry.scheduledFor!.getTime()).toBe(eight.toMillis());
      expect(entry.holdReason).toMatch(new RegExp(`^held for quiet hours until .*8:00 AM (${zone})$`));
    }
    // The send jobs moved to those minutes.
    const jobs = await server.app.dataSource.getRepository(AgendaJob).findBy({ name: 'send-message' });
    const due = new Map(jobs.map((j) => [String((JSON.parse(j.data) as { entryId?: string }).entryId), j.nextRunAt?.getTime()]));
    expect(due.get(String(byEmployee.get(inNewYork)!.id))).toBe(nyEight.toMillis());
    expect(due.get(String(byEmployee.get(inMadrid)!.id))).toBe(madridEight.toMillis());

    const [reminder] = await deliverQueued({ bookingId: booked.id, kind: MessageKind.REMINDER }, at2230.toJSDate());
    expect(reminder.status).toBe(MessageStatus.SENT);

    // At 08:00 each is decided afresh and goes.
    const [ny] = await deliverQueued({ id: byEmployee.get(inNewYork)!.id }, nyEight.toJSDate());
    expect(ny).toMatchObject({ status: MessageStatus.SENT, holdReason: null });
  });

  it('T3: an ADMIN moves or switches off quiet hours (audited); a MEMBER cannot; bad times and zones are field errors that change nothing', async () => {
    const set = (input: string, key = ws.adminKey) => server.gql(`mutation { updateWorkspaceSettings(input: { ${input} }) { quietHoursEnabled quietHoursStart quietHoursEnd timeZone } }`, {}, key);
    expect(errorCodes(await set('quietHoursEnabled: false', ws.memberKey))).toEqual(['FORBIDDEN']);
    expect((await set('quietHoursStart: "25:00"')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quietHoursStart' });
    expect((await set('timeZone: "Eastern"')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect((await set('timeZone: "UTC+3"')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    const unchanged = await server.ok(`{ workspace { quietHoursEnabled quietHoursStart quietHoursEnd timeZone } }`, {}, ws.adminKey);
    expect(unchanged.workspace).toEqual({ quietHoursEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00', timeZone: NEW_YORK });
    await set('quietHoursStart: "22:00", quietHoursEnd: "07:30"');
    await set('quietHoursEnabled: false');
    await set('quietHoursEnabled: true, quietHoursStart: "21:00", quietHoursEnd: "08:00"');
    const audit = await server.ok(`{ workspace { auditTrail(first: 20) { nodes { setting oldValue newValue } } } }`, {}, ws.adminKey);
    expect(audit.workspace.auditTrail.nodes.filter((n: { setting: string }) => n.setting.startsWith('quietHours')).map((n: { setting: string; oldValue: string; newValue: string }) => [n.setting, n.oldValue, n.newValue])).toEqual(
      expect.arrayContaining([
        ['quietHoursStart', '21:00', '22:00'],
        ['quietHoursEnd', '08:00', '07:30'],
        ['quietHoursEnabled', 'true', 'false'],
        ['quietHoursEnabled', 'false', 'true'],
      ]),
    );
  });

  it("T2: an employee with no language of their own gets keyword replies in the workspace's language; their own language wins when set", async () => {
    const cafe = await createTestWorkspace(server, 'Café Sol', { smsEnabled: true, timeZone: NEW_YORK });
    await server.ok(`mutation { updateWorkspaceSettings(input: { language: ES }) { id } }`, {}, cafe.adminKey);
    const hire = async (phone: string, language: string | null) =>
      (await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: `Sol ${++seq}`, phone, language } }, cafe.adminKey)).upsertEmployee.id;
    const replyTo = async (phone: string) => {
      const inbound = inboundParams(phone, 'HELP');
      expect((await callWebhook(server, 'inbound', signed(inbound))).status).toBe(200);
      const [reply] = await entriesFor({ idempotencyKey: `keyword-reply:${inbound.messageId}` });
      return { workspaceId: reply.workspaceId, body: reply.body };
    };
    await hire('+14155550731', null);
    await hire('+14155550732', 'EN');
    expect(await replyTo('+14155550731')).toEqual({ workspaceId: cafe.id, body: expect.stringMatching(/mensajes de horarios.*Responda ALTO para cancelar\.$/) });
    expect(await replyTo('+14155550732')).toEqual({ workspaceId: cafe.id, body: expect.stringMatching(/scheduling texts.*Reply STOP to opt out\.$/) });
  });

  it('K9: an admin opt-in sends exactly one confirmation (program, frequency, rates, HELP, STOP), at the lane\'s turn', async () => {
    const phone = '+14155550710';
    const id = await employee(phone);
    // Opting in again changes nothing and queues nothing.
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id }, ws.adminKey);
    const queued = await entriesFor({ employeeId: id, kind: MessageKind.OPT_IN_CONFIRMATION });
    expect(queued).toHaveLength(1);
    expect(queued[0].status).toBe(MessageStatus.QUEUED);
    await settleDue();
    const before = sending.standIn.smsRequests.length;
    expect(await server.app.services.optInConfirmations.drain()).toBe(false);
    const [sent] = await entriesFor({ employeeId: id, kind: MessageKind.OPT_IN_CONFIRMATION });
    expect(sent.status).toBe(MessageStatus.SENT);
    expect(sent.body).toMatch(/^Tock: You're subscribed to schedule and shift alerts: a few msgs per week\. Msg & data rates may apply\. Reply HELP for help, STOP to opt out\.$/);
    expect(sending.standIn.smsRequests.slice(before).filter((r) => String(r.to).endsWith(phone.slice(1)))).toHaveLength(1);
  });

  it('K9: a bulk opt-in queues one confirmation per number with one INSERT … SELECT, and the lane stands aside while a time-critical text is due', async () => {
    const ids: string[] = [];
    for (const phone of ['+14155550711', '+14155550712', '+14155550712']) {
      const created = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: `Bulk ${++seq}`, phone } }, ws.adminKey);
      ids.push(created.upsertEmployee.id);
    }
    const result = await server.ok(
      `mutation($input: BulkSetEmployeeSmsOptInInput!) { bulkSetEmployeeSmsOptIn(input: $input) { changed } }`,
      { input: { employeeIds: ids, optIn: true, attestation: 'Paper consent forms signed at onboarding' } },
      ws.adminKey,
    );
    expect(result.bulkSetEmployeeSmsOptIn.changed).toBe(3);
    const confirmations = (await entriesFor({ kind: MessageKind.OPT_IN_CONFIRMATION, status: MessageStatus.QUEUED })).filter((e) => ids.includes(e.employeeId!));
    expect(confirmations.map((e) => e.recipientPhone).sort()).toEqual(['+14155550711', '+14155550712']);

    await settleDue();
    // A keyword reply due now is time-critical: the lane sends nothing until it has gone.
    const [urgent] = await server.app.dataSource.transaction((manager) =>
      server.app.services.delivery.record(manager, [
        { workspaceId: ws.id, kind: MessageKind.KEYWORD_REPLY, idempotencyKey: `urgent-${seq}`, sendAt: new Date(), recipientPhone: '+14155550713', body: 'Tock: test' },
      ]),
    );
    expect(await server.app.services.optInConfirmations.drain()).toBe(true);
    expect((await log().findBy({ id: confirmations[0].id }))[0].status).toBe(MessageStatus.QUEUED);
    await server.app.services.delivery.deliver(String(urgent.id));
    expect(await server.app.services.optInConfirmations.drain()).toBe(false);
    const after = await log().findBy(confirmations.map((c) => ({ id: c.id })));
    expect(after.map((e) => e.status)).toEqual([MessageStatus.SENT, MessageStatus.SENT]);
  });

  it('E9: an opted-in employee without a phone is SKIPPED NO_PHONE', async () => {
    const id = await employee(null);
    const shiftStart = DateTime.now().setZone(NEW_YORK).plus({ days: 30 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const week = await weekWithShift(id, shiftStart.toJSDate(), shiftStart.plus({ hours: 4 }).toJSDate());
    await server.ok(`mutation($w: String!) { publishSchedule(input: { weekStart: $w }) { messagesQueued } }`, { w: week }, ws.adminKey);
    await recordPendingFanOuts(server);
    // At noon in New York, outside quiet hours.
    const [published] = await deliverQueued({ employeeId: id, kind: MessageKind.SCHEDULE_PUBLISHED }, shiftStart.minus({ days: 1 }).set({ hour: 12 }).toJSDate());
    expect(published).toMatchObject({ status: MessageStatus.SKIPPED, skipReason: 'NO_PHONE' });
  });
});
