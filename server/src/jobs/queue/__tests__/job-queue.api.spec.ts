import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { startSendingServer, waitForEntry, type SendingServer } from '../../../../test/sending.js';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { CARRIER_LOOKUP_JOB } from '../../definitions/carrier-lookup.job.js';

const QUEUE = `{ jobQueue { store partial counts { name running retrying overdue dueSoon scheduled failed }
  next { id name state nextRunAt failCount failReason system message { id kind errorCode } }
  oldestOverdue { id name state nextRunAt } } }`;

interface Queued {
  id: string;
  name: string;
  state: string;
  nextRunAt: string | null;
  failCount: number | null;
  failReason: string | null;
  system: boolean;
  message: { id: string; kind: string; errorCode: string | null } | null;
}

describe('jobQueue: the job store as an admin sees it (C2), SQL store on MariaDB', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    // A throttled provider and a long back-off: a text's job stays retrying for a minute.
    sending = await startSendingServer({ env: { SEND_RETRY_BASE_MS: '60000', SEND_RETRY_MAX_DELAY_MS: '60000' } });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Queue Co', { smsEnabled: true });
    other = await createTestWorkspace(server, 'Elsewhere Co', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());

  async function employee(workspace: TestWorkspace, phone: string): Promise<string> {
    const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: phone, phone } }, workspace.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, workspace.adminKey);
    return upsertEmployee.id;
  }

  it('C2: a throttled text shows as a retrying send job with its next attempt and its message; ADMIN only; other workspaces do not see it', async () => {
    sending.standIn.setFault('sms', { throttle: true });
    const employeeId = await employee(ws, '+14155556001');
    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId, startsOn: '2027-06-01', endsOn: '2027-06-02' } },
      ws.adminKey,
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { id } }`, { id: createTimeOffRequest.id }, ws.adminKey);
    const throttled = await waitForEntry(server, (e) => e.employeeId === employeeId && e.kind === MessageKind.TIME_OFF_RESPONSE && e.errorCode === '1');

    // The job's own failure is saved just after the entry's: poll the view until it says so.
    const retrying = async (): Promise<Queued | undefined> => {
      const { jobQueue } = await server.ok(QUEUE, {}, ws.adminKey);
      return (jobQueue.next as Queued[]).find((job) => job.message?.id === String(throttled.id) && job.state === 'RETRYING');
    };
    await expect.poll(retrying, { timeout: 10_000 }).toBeTruthy();
    const job = (await retrying())!;
    expect(job).toMatchObject({ name: 'send-message', system: false, failCount: 1, message: { kind: 'TIME_OFF_RESPONSE', errorCode: '1' } });
    expect(job.failReason).toMatch(/Throughput Rate Exceeded/);
    expect(Date.parse(job.nextRunAt!)).toBeGreaterThan(Date.now());
    const { jobQueue } = await server.ok(QUEUE, {}, ws.adminKey);
    expect(jobQueue.store).toBe('SQL');
    expect(jobQueue.counts.find((count: { name: string }) => count.name === 'send-message').retrying).toBeGreaterThanOrEqual(1);
    // The system's recurring jobs are shown, without their error text.
    expect((jobQueue.next as Queued[]).filter((j) => j.system).every((j) => j.failReason === null)).toBe(true);

    expect(errorCodes(await server.gql(QUEUE, {}, ws.memberKey))).toEqual(['FORBIDDEN']);
    const elsewhere = (await server.ok(QUEUE, {}, other.adminKey)).jobQueue;
    expect((elsewhere.next as Queued[]).some((j) => j.id === job.id)).toBe(false);
    expect(elsewhere.counts.find((count: { name: string }) => count.name === 'send-message')?.retrying ?? 0).toBe(0);
    sending.standIn.clearFaults();
  });

  it('C2: a job past its due time that nothing runs is counted overdue and named as the oldest overdue', async () => {
    const employeeId = await employee(ws, '+14155556002');
    const { agenda } = server.app;
    // A paused carrier look-up due 10 minutes ago: no worker takes it.
    const late = await agenda.create(CARRIER_LOOKUP_JOB, { employeeId }).schedule(new Date(Date.now() - 10 * 60_000)).disable().save();
    const { jobQueue } = await server.ok(QUEUE, {}, ws.adminKey);
    expect(jobQueue.oldestOverdue).toMatchObject({ id: String(late.attrs._id), name: CARRIER_LOOKUP_JOB, state: 'OVERDUE' });
    expect(jobQueue.counts.find((count: { name: string }) => count.name === CARRIER_LOOKUP_JOB).overdue).toBe(1);
    expect((await server.ok(QUEUE, {}, other.adminKey)).jobQueue.oldestOverdue?.id).not.toBe(String(late.attrs._id));
  });
});
