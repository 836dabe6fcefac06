import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../../comms-log/comms-log.enums.js';
import { SEND_MESSAGE_JOB } from '../../../jobs/definitions/send-message.job.js';
import { withChallenge } from '../../../../test/signup-challenge.js';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { booking { id } } }`;

describe('the reconciler (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    // No worker: the test runs the reconciler itself and looks at the job store.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Repair Co', { smsEnabled: true });
  });
  afterAll(() => server?.stop());

  const entries = () => server.app.dataSource.getRepository(CommsLogEntry);
  const jobFor = async (entryId: string) => (await server.app.agenda.queryJobs({ name: SEND_MESSAGE_JOB, data: { entryId } })).jobs;

  async function book(phone: string, startsInMs: number): Promise<string> {
    const { createStudy } = await server.ok(`mutation { createStudy(input: { name: "Repair study" }) { id inviteUrl } }`, {}, ws.adminKey);
    const { createSession } = await server.ok(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      { input: { studyId: createStudy.id, startsAt: new Date(Date.now() + startsInMs).toISOString(), durationMinutes: 30 } },
      ws.adminKey,
    );
    const { signUp } = await server.ok(SIGN_UP, {
      input: await withChallenge(server, { inviteToken: createStudy.inviteUrl.split('/').pop(), sessionId: createSession.id, name: 'R', email: `${phone}@example.com`, phone, smsConsent: true }),
    });
    return signUp.booking.id;
  }

  it('S4: a booked session whose reminder went missing (crash between commit and job insert) gets it back, once', async () => {
    const bookingId = await book('+14155550801', 3 * 3600_000);
    const reminder = await entries().findOneByOrFail({ bookingId, kind: MessageKind.REMINDER });
    // The crash: neither the reminder's entry nor its job survived.
    await server.app.agenda.cancel({ name: SEND_MESSAGE_JOB, data: { entryId: String(reminder.id) } });
    await entries().delete({ id: reminder.id });

    const report = await server.app.services.reconciler.run();
    expect(report.remindersRecorded).toBeGreaterThanOrEqual(1);
    const restored = await entries().findOneByOrFail({ bookingId, kind: MessageKind.REMINDER });
    expect(restored).toMatchObject({ status: MessageStatus.QUEUED, idempotencyKey: reminder.idempotencyKey });
    expect(restored.scheduledFor!.getTime()).toBe(reminder.scheduledFor!.getTime());
    expect(await jobFor(String(restored.id))).toHaveLength(1);

    // L2: running it again changes nothing.
    await server.app.services.reconciler.run();
    expect(await entries().countBy({ bookingId, kind: MessageKind.REMINDER })).toBe(1);
    expect(await jobFor(String(restored.id))).toHaveLength(1);
  });

  it('L2: a QUEUED entry long past due whose job was lost is put back on the job store', async () => {
    const bookingId = await book('+14155550802', 5 * 24 * 3600_000);
    const confirmation = await entries().findOneByOrFail({ bookingId, kind: MessageKind.CONFIRMATION });
    await server.app.agenda.cancel({ name: SEND_MESSAGE_JOB, data: { entryId: String(confirmation.id) } });
    await entries().update({ id: confirmation.id }, { scheduledFor: new Date(Date.now() - 10 * 60_000) });
    expect(await jobFor(String(confirmation.id))).toHaveLength(0);

    await server.app.services.reconciler.run();
    expect(await jobFor(String(confirmation.id))).toHaveLength(1);
  });

  it('L2: an entry left SENDING by a dead worker is marked for review, never resent', async () => {
    const bookingId = await book('+14155550803', 5 * 24 * 3600_000);
    const confirmation = await entries().findOneByOrFail({ bookingId, kind: MessageKind.CONFIRMATION });
    await entries().update({ id: confirmation.id }, { status: MessageStatus.SENDING, updatedAt: new Date(Date.now() - 10 * 60_000) });

    const report = await server.app.services.reconciler.run();
    expect(report.interrupted).toBe(1);
    const marked = await entries().findOneByOrFail({ id: confirmation.id });
    expect(marked).toMatchObject({ status: MessageStatus.FAILED, errorCode: 'INTERRUPTED' });
    // Delivering it now does nothing: it is no longer QUEUED.
    expect(await server.app.services.delivery.deliver(String(confirmation.id))).toBe('not-queued');
  });
});

describe('delivery not configured (W3)', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The sandbox is there, but no sender number: neither VONAGE_FROM nor the workspace's.
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('W3: without a sender number texts are SKIPPED DELIVERY_NOT_CONFIGURED, with no error, no retry and no provider call', async () => {
    const ws = await createTestWorkspace(server, 'No Sender', { smsEnabled: true });
    await server.ok(`mutation { updateWorkspaceSettings(input: { senderNumber: null }) { senderNumber } }`, {}, ws.adminKey);
    const { upsertEmployee } = await server.ok(`mutation { upsertEmployee(input: { name: "Nell", phone: "+14155550804" }) { id } }`, {}, ws.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, ws.adminKey);
    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId: upsertEmployee.id, startsOn: '2027-03-01', endsOn: '2027-03-02' } },
      ws.adminKey,
    );
    const sandbox = server.app.providers.sms as unknown as { sent: unknown[] };
    const sentBefore = sandbox.sent.length;
    const skipped = new Promise<CommsLogEntry>((resolve) =>
      server.app.services.events.subscribe(({ entry }) => entry.timeOffRequestId === createTimeOffRequest.id && entry.status === MessageStatus.SKIPPED && resolve(entry)),
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { status } }`, { id: createTimeOffRequest.id }, ws.adminKey);
    const entry = await skipped;
    expect(entry).toMatchObject({ skipReason: 'DELIVERY_NOT_CONFIGURED', attempts: 0, errorCode: null });
    expect(sandbox.sent.length).toBe(sentBefore);
  });
});
