import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { entriesOf, SENDER, startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';
import { Employee } from '../../employees/employee.entity.js';

interface CapturedMail {
  to: string[];
  body: string;
}

// Monday (UTC) of the week holding `at`: the week a shift belongs to.
function mondayOf(at: Date): string {
  const monday = new Date(at);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

async function startSmtp(): Promise<{ url: string; mails: CapturedMail[]; stop(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, stop: () => new Promise((resolve) => smtp.close(() => resolve())) };
}

describe('employee texts through the stand-in, with an SMTP gateway (MariaDB)', () => {
  let sending: SendingServer;
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ws: TestWorkspace;
  beforeAll(async () => {
    smtp = await startSmtp();
    sending = await startSendingServer({ env: { SMTP_URL: smtp.url, ...(process.env.TOCK_E2E_JOBS_URL ? { JOBS_URL: process.env.TOCK_E2E_JOBS_URL } : {}) } });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Timely Cafe', { smsEnabled: true });
  });
  afterAll(async () => {
    await sending?.stop();
    await smtp?.stop();
  });

  // Creates an opted-in employee and waits for its carrier look-up job (E7) to finish.
  async function optedInEmployee(name: string, phone: string): Promise<string> {
    const looked = new Promise<void>((resolve) => server.app.agenda.once('complete:carrier-lookup', () => resolve()));
    const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name, phone } }, ws.adminKey);
    await looked;
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, ws.adminKey);
    return upsertEmployee.id;
  }

  async function weekWithShift(employeeId: string, sendSmsAlert: boolean, startsInMs: number, key = ws.adminKey): Promise<string> {
    const startsAt = new Date(Date.now() + startsInMs);
    const week = mondayOf(startsAt);
    await server.ok(
      `mutation($input: SaveScheduleWeekInput!) { saveScheduleWeek(input: $input) { id } }`,
      { input: { employeeId, weekStart: week, sendSmsAlert, shifts: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString() }] } },
      key,
    );
    return week;
  }

  it('E7: saving a phone looks up its carrier and stores the email-to-SMS gateway', async () => {
    sending.standIn.setCarrier('+14155550401', { name: 'Verizon Wireless', networkCode: '310004' });
    const id = await optedInEmployee('Val', '+14155550401');
    const employee = await server.app.dataSource.getRepository(Employee).findOneByOrFail({ id });
    expect(employee).toMatchObject({ carrierLookupStatus: 'FOUND', carrierName: 'Verizon Wireless', carrierGatewayDomain: 'vtext.com' });
  });

  it("A7/E7: a number the carrier look-up calls premium rate is never texted, though libphonenumber sees an ordinary US number", async () => {
    const phone = '+14155550409';
    sending.standIn.setCarrier(phone, { name: 'Premium Lines Inc', networkCode: '310999', networkType: 'landline_premium' });
    const id = await optedInEmployee('Prem', phone);
    const employee = await server.app.dataSource.getRepository(Employee).findOneByOrFail({ id });
    expect(employee).toMatchObject({ carrierLookupStatus: 'FOUND', carrierLineType: 'landline_premium' });
    const confirmation = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'OPT_IN_CONFIRMATION' && e.status === 'SKIPPED');
    expect(confirmation.skipReason).toBe('DESTINATION_NOT_ALLOWED');
    expect(sending.standIn.smsRequests.filter((r) => String(r.to).endsWith(phone.slice(1)))).toEqual([]);
  });

  it('E7: a failed look-up is recorded and the number stays usable for direct SMS', async () => {
    sending.standIn.setCarrier('+14155550402', null);
    sending.standIn.setFault('numberInsight', { httpStatus: 500 });
    const id = await optedInEmployee('Failing Lookup', '+14155550402');
    sending.standIn.clearFaults();
    const employee = await server.app.dataSource.getRepository(Employee).findOneByOrFail({ id });
    expect(employee.carrierLookupStatus).toBe('FAILED');
    const week = await weekWithShift(id, true, 3 * 24 * 3600_000);
    await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    const published = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SENT');
    expect(published.channel).toBe('SMS');
  });

  it('E3: a shift alert for an employee whose week toggle is off is SKIPPED WEEK_ALERTS_OFF without a provider call', async () => {
    const phone = '+14155550403';
    const id = await optedInEmployee('Wes', phone);
    // K9: the opt-in's confirmation goes through its lane first, before provider calls are counted.
    await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'OPT_IN_CONFIRMATION' && e.status === 'SENT');
    const week = await weekWithShift(id, false, 20 * 60_000);
    await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SENT');
    // Publishing texts everyone with shifts that week: early in the week an
    // earlier test's employee too. All of them go out before provider calls are counted.
    const publishing = (await entriesOf(server, ws.id, ['SCHEDULE_PUBLISHED'])).filter((e) => e.status === 'QUEUED' || e.status === 'SENDING');
    await Promise.all(publishing.map((queued) => waitForEntry(server, (e) => e.id === queued.id && e.status !== 'QUEUED' && e.status !== 'SENDING')));
    const requestsBefore = sending.standIn.smsRequests.length;
    // The recurring job's own work, run now rather than waiting for its minute.
    await server.app.services.schedulePublishing.queueDueShiftAlerts();
    const alert = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SHIFT_ALERT' && e.status === 'SKIPPED');
    expect(alert.skipReason).toBe('WEEK_ALERTS_OFF');
    expect(sending.standIn.smsRequests.length).toBe(requestsBefore);
  });

  it('E6: shift alerts go the lead time before the shift; publishing and time-off answers are texted', async () => {
    const phone = '+14155550404';
    const id = await optedInEmployee('Sam', phone);
    // Lead time 30 minutes: a shift 30 minutes and 10 seconds away is due in a few seconds
    // (with room for a loaded machine to record the alert before it is due).
    const week = await weekWithShift(id, true, 30 * 60_000 + 10_000);
    const published = await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    expect(published.publishSchedule.messagesQueued).toBeGreaterThanOrEqual(1);
    // The week is published when the request answers; its texts are recorded by a job.
    await server.app.services.schedulePublishing.queueDueShiftAlerts();
    await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SENT');
    const alert = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SHIFT_ALERT' && e.status === 'SENT', { timeoutMs: 25_000 });
    expect(alert.body).toContain('Your shift starts at');
    expect(alert.scheduledFor!.getTime()).toBe(alert.subjectStartsAt!.getTime() - 30 * 60_000);

    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId: id, startsOn: '2027-01-04', endsOn: '2027-01-06' } },
      ws.adminKey,
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { status } }`, { id: createTimeOffRequest.id }, ws.adminKey);
    const answer = await waitForEntry(server, (e) => e.timeOffRequestId === createTimeOffRequest.id && e.status === 'SENT');
    expect(answer.body).toContain('approved');
  });

  it('E8: a Verizon number whose direct send is refused goes out by email through a real SMTP server', async () => {
    const phone = '+14155550405';
    sending.standIn.setCarrier(phone, { name: 'Verizon Wireless', networkCode: '310004' });
    sending.standIn.forceStatus(phone, 22, 'Network not supported');
    const id = await optedInEmployee('Vera', phone);
    const week = await weekWithShift(id, true, 3 * 24 * 3600_000);
    await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    const sent = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SENT');
    expect(sent.channel).toBe('EMAIL_GATEWAY');
    // K9: the opt-in confirmation took the same gateway first; this is the schedule's mail.
    const mail = smtp.mails.find((m) => m.to.includes('4155550405@vtext.com') && m.body.includes('Your schedule'));
    expect(mail?.body).toContain('Your schedule for the week of');
  });

  it('E8: a receipt saying the carrier cannot be reached directly (err-code 11) sends the same words once more by the gateway, linked to the failed text', async () => {
    const phone = '+14155550408';
    sending.standIn.setCarrier(phone, { name: 'Verizon Wireless', networkCode: '310004' });
    const id = await optedInEmployee('Rhea', phone);
    const week = await weekWithShift(id, true, 3 * 24 * 3600_000);
    await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    const direct = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SENT');
    expect(direct.channel).toBe('SMS');
    const receipt = { status: 'failed', errCode: '11' } as const;
    expect((await sending.standIn.deliverReceipt(server.url, direct.providerMessageId!, receipt)).status).toBe(200);
    const viaGateway = await waitForEntry(server, (e) => e.resendOfId === direct.id && e.status === 'SENT');
    expect(viaGateway).toMatchObject({ channel: 'EMAIL_GATEWAY', kind: 'SCHEDULE_PUBLISHED', body: direct.body });
    expect((await waitForEntry(server, (e) => e.id === direct.id && e.status === 'FAILED')).errorCode).toBe('11');
    const mails = () => smtp.mails.filter((m) => m.to.includes('4155550408@vtext.com') && m.body.includes('Your schedule'));
    expect(mails()).toHaveLength(1);
    // A replayed receipt settles nothing and sends nothing more.
    expect((await sending.standIn.deliverReceipt(server.url, direct.providerMessageId!, receipt)).status).toBe(200);
    const linked = (await entriesOf(server, ws.id, ['SCHEDULE_PUBLISHED'])).filter((e) => e.resendOfId === direct.id);
    expect(linked).toHaveLength(1);
    expect(mails()).toHaveLength(1);
  });

  it('E8: where the carrier gateway is shut down (AT&T), the refused text FAILS with a reason', async () => {
    const phone = '+14155550406';
    sending.standIn.setCarrier(phone, { name: 'AT&T Mobility', networkCode: '310410' });
    sending.standIn.forceStatus(phone, 22, 'Network not supported');
    const id = await optedInEmployee('Art', phone);
    const week = await weekWithShift(id, true, 3 * 24 * 3600_000);
    await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, ws.adminKey);
    const failed = await waitForEntry(server, (e) => e.employeeId === id && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'FAILED');
    expect(failed.errorCode).toBe('22');
    expect(failed.errorReason).toMatch(/shut down/);
    expect(smtp.mails.some((m) => m.to.some((t) => t.startsWith('4155550406@')))).toBe(false);
  });

  it('K2: STOP from the phone suppresses every later text in every workspace, with one confirmation', async () => {
    const phone = '+14155550407';
    const other = await createTestWorkspace(server, 'Other Cafe', { smsEnabled: true });
    const id = await optedInEmployee('Stu', phone);
    const { upsertEmployee } = await server.ok(`mutation { upsertEmployee(input: { name: "Stu elsewhere", phone: "+14155550407" }) { id } }`, {}, other.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, other.adminKey);

    const deliveries = await sending.standIn.sendInbound(server.url, { from: phone, to: SENDER, text: 'Stop' });
    expect(deliveries.map((d) => d.status)).toEqual([200]);
    const reply = await waitForEntry(server, (e) => e.kind === 'KEYWORD_REPLY' && e.recipientPhone === phone && e.status === 'SENT');
    expect(reply.body).toContain('unsubscribed');

    // Later texts in both workspaces are held back.
    for (const [workspace, employeeId] of [[ws, id], [other, upsertEmployee.id]] as const) {
      const week = await weekWithShift(employeeId, true, 4 * 24 * 3600_000, workspace.adminKey);
      await server.ok(`mutation($input: PublishScheduleInput!) { publishSchedule(input: $input) { messagesQueued } }`, { input: { weekStart: week } }, workspace.adminKey);
      const skipped = await waitForEntry(server, (e) => e.employeeId === employeeId && e.kind === 'SCHEDULE_PUBLISHED' && e.status === 'SKIPPED');
      expect(skipped.skipReason).toBe('OPTED_OUT');
    }
    const repliesToPhone = sending.standIn.messages.filter((m) => m.to.replace(/^\+/, '') === phone.slice(1) && /unsubscribed/.test(m.text));
    expect(repliesToPhone).toHaveLength(1);
    const replies = [...(await entriesOf(server, ws.id, ['KEYWORD_REPLY'])), ...(await entriesOf(server, other.id, ['KEYWORD_REPLY']))].filter((e) => e.recipientPhone === phone);
    expect(replies).toHaveLength(1);
  });
});
