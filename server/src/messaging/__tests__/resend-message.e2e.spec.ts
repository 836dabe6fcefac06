import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { createTestWorkspace, errorCodes, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';

const RESEND = `mutation($entryId: ID!, $key: String!) { resendMessage(entryId: $entryId, idempotencyKey: $key) { id status kind resendOfId skipReason } }`;

describe('resendMessage (L9) and interrupted texts (L6), on MariaDB', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    sending = await startSendingServer({ env: { SEND_INTERRUPTED_AFTER_MS: '1000' } });
    server = sending.server;
    ws = await createTestWorkspace(server, 'Resend Co', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());

  // An opted-in employee's time-off answer, sent (or refused) as the stand-in decides.
  async function timeOffText(phone: string): Promise<{ employeeId: string; entry: CommsLogEntry }> {
    const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: phone, phone } }, ws.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, ws.adminKey);
    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId: upsertEmployee.id, startsOn: '2027-04-01', endsOn: '2027-04-02' } },
      ws.adminKey,
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { id } }`, { id: createTimeOffRequest.id }, ws.adminKey);
    const entry = await waitForEntry(
      server,
      (e) => e.employeeId === upsertEmployee.id && e.kind === MessageKind.TIME_OFF_RESPONSE && (e.status === MessageStatus.SENT || e.status === MessageStatus.FAILED),
    );
    return { employeeId: upsertEmployee.id, entry };
  }

  it('L9: an ADMIN resends a FAILED text: a new entry linked to it, sent once, the same key answering the same entry, audited', async () => {
    sending.standIn.forceStatus('+14155558', 7, 'Number Barred');
    const { entry: failed } = await timeOffText('+14155558001');
    expect(failed.status).toBe(MessageStatus.FAILED);
    sending.standIn.clearFaults();

    const { resendMessage } = await server.ok(RESEND, { entryId: failed.id, key: 'resend-1' }, ws.adminKey);
    expect(resendMessage).toMatchObject({ kind: MessageKind.TIME_OFF_RESPONSE, resendOfId: String(failed.id), status: MessageStatus.QUEUED });
    expect(resendMessage.id).not.toBe(String(failed.id));
    const sent = await waitForEntry(server, (e) => String(e.id) === resendMessage.id && e.status === MessageStatus.SENT);
    expect(sending.standIn.messages.filter((m) => m.clientRef === String(sent.id))).toHaveLength(1);

    // A retry with the same key is the same resend, not another text.
    const again = await server.ok(RESEND, { entryId: failed.id, key: 'resend-1' }, ws.adminKey);
    expect(again.resendMessage.id).toBe(resendMessage.id);
    expect(sending.standIn.messages.filter((m) => m.clientRef === String(sent.id))).toHaveLength(1);

    const { workspace } = await server.ok(`{ workspace { auditTrail(first: 20) { nodes { setting oldValue newValue actorLabel } } } }`, {}, ws.adminKey);
    expect(workspace.auditTrail.nodes).toContainEqual(expect.objectContaining({ setting: 'resendMessage', oldValue: `message ${failed.id} (FAILED 7)`, newValue: `message ${resendMessage.id}` }));
  });

  it('L9: resending is refused for a text that is not FAILED, for a MEMBER key, and for a reused key; nothing is recorded', async () => {
    const { entry: sent } = await timeOffText('+14155558002');
    expect(sent.status).toBe(MessageStatus.SENT);
    const count = () => server.app.dataSource.getRepository(CommsLogEntry).countBy({ workspaceId: ws.id });
    const before = await count();
    expect(errorCodes(await server.gql(RESEND, { entryId: sent.id, key: 'resend-2' }, ws.adminKey))).toEqual(['CONFLICT']);
    expect(errorCodes(await server.gql(RESEND, { entryId: sent.id, key: 'resend-3' }, ws.memberKey))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await server.gql(RESEND, { entryId: '999999999', key: 'resend-4' }, ws.adminKey))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await server.gql(RESEND, { entryId: sent.id, key: 'resend-1' }, ws.adminKey))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await count()).toBe(before);
  });

  it('L9: a resend is decided afresh: an employee who opted out since is not texted again', async () => {
    sending.standIn.forceStatus('+14155558', 7, 'Number Barred');
    const { employeeId, entry: failed } = await timeOffText('+14155558003');
    sending.standIn.clearFaults();
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: false }) { id } }`, { id: employeeId }, ws.adminKey);
    const { resendMessage } = await server.ok(RESEND, { entryId: failed.id, key: 'resend-5' }, ws.adminKey);
    const skipped = await waitForEntry(server, (e) => String(e.id) === resendMessage.id && e.status === MessageStatus.SKIPPED);
    expect(skipped.skipReason).toBe('NOT_OPTED_IN');
    expect(sending.standIn.smsRequests.filter((r) => r.clientRef === resendMessage.id)).toHaveLength(0);
  });

  it('L6: a text left SENDING with no receipt is marked FAILED INTERRUPTED and listed for review; its DELIVERED receipt later clears the error', async () => {
    const { entry } = await timeOffText('+14155558004');
    const repo = server.app.dataSource.getRepository(CommsLogEntry);
    // As a worker that died during the provider call leaves it: claimed, no provider id.
    await repo.update({ id: entry.id }, { status: MessageStatus.SENDING, providerMessageId: null, sentAt: null });
    await server.app.services.reconciler.run(new Date(Date.now() + 2000));
    expect(await repo.findOneByOrFail({ id: entry.id })).toMatchObject({ status: MessageStatus.FAILED, errorCode: 'INTERRUPTED' });
    const { commsLog } = await server.ok(`{ commsLog(first: 10, filter: { status: FAILED, errorCode: "INTERRUPTED" }) { nodes { id } } }`, {}, ws.adminKey);
    expect(commsLog.nodes).toEqual([{ id: String(entry.id) }]);

    // The provider did accept it: the receipt names our client-ref and settles it, error cleared.
    const accepted = sending.standIn.messages.find((m) => m.clientRef === String(entry.id))!;
    expect((await sending.standIn.deliverReceipt(server.url, accepted.messageId, { status: 'delivered', errCode: '0' })).status).toBe(200);
    await expect.poll(() => repo.findOneByOrFail({ id: entry.id })).toMatchObject({ status: MessageStatus.DELIVERED, errorCode: null, errorReason: null, failedAt: null });
  });
});
