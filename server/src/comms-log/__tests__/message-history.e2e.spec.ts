import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { startSendingServer, waitForEntry, type SendingServer } from '../../../test/sending.js';
import { CommsLogEvent } from '../comms-log-event.entity.js';
import { MessageKind, MessageStatus } from '../comms-log.enums.js';

const HISTORY = `query($id: ID!) { commsLogEntry(id: $id) { id status errorCode errorExplanation { source title whatToDo }
  history { type attempt code providerStatus detail at explanation { source title meaning whatToDo } } } }`;

describe('message history: the per-entry timeline (C2), on MariaDB through the Vonage stand-in', () => {
  let sending: SendingServer;
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  beforeAll(async () => {
    sending = await startSendingServer();
    server = sending.server;
    ws = await createTestWorkspace(server, 'History Co', { smsEnabled: true });
    other = await createTestWorkspace(server, 'Other Co', { smsEnabled: true });
  });
  afterAll(() => sending?.stop());

  // An opted-in employee's time-off answer: one text, sent as the stand-in decides.
  async function timeOffText(workspace: TestWorkspace, phone: string, settled: MessageStatus[] = [MessageStatus.SENT, MessageStatus.FAILED]) {
    const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: phone, phone } }, workspace.adminKey);
    await server.ok(`mutation($id: ID!) { setEmployeeSmsOptIn(input: { employeeId: $id, optIn: true, attestation: "Asked in person at the briefing" }) { id } }`, { id: upsertEmployee.id }, workspace.adminKey);
    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId: upsertEmployee.id, startsOn: '2027-05-03', endsOn: '2027-05-04' } },
      workspace.adminKey,
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { id } }`, { id: createTimeOffRequest.id }, workspace.adminKey);
    return waitForEntry(server, (e) => e.employeeId === upsertEmployee.id && e.kind === MessageKind.TIME_OFF_RESPONSE && settled.includes(e.status));
  }

  it('C2: throttled, retried, sent and delivered: every transition is one timeline row, with attempt numbers and provider codes', async () => {
    sending.standIn.setFault('sms', { throttle: 1 });
    const sent = await timeOffText(ws, '+14155557001', [MessageStatus.SENT]);
    sending.standIn.clearFaults();
    const accepted = sending.standIn.messages.find((m) => m.clientRef === String(sent.id))!;
    expect((await sending.standIn.deliverReceipt(server.url, accepted.messageId, { status: 'delivered', errCode: '0' })).status).toBe(200);
    await waitForEntry(server, (e) => e.id === sent.id && e.status === MessageStatus.DELIVERED);

    const { commsLogEntry } = await server.ok(HISTORY, { id: String(sent.id) }, ws.adminKey);
    expect(commsLogEntry.history.map((e: { type: string; attempt: number | null; code: string | null }) => [e.type, e.attempt, e.code])).toEqual([
      ['QUEUED', null, null],
      ['ATTEMPT_STARTED', 1, null],
      ['RETRY_SCHEDULED', 1, '1'],
      ['ATTEMPT_STARTED', 2, null],
      ['SENT', 2, null],
      ['RECEIPT', 2, '0'],
    ]);
    const [, , retry, , sentRow, receipt] = commsLogEntry.history;
    expect(retry.explanation).toMatchObject({ source: 'Vonage send status', title: 'Throttled' });
    expect(sentRow.detail).toContain(accepted.messageId);
    expect(receipt).toMatchObject({ providerStatus: 'delivered', explanation: { source: 'Vonage delivery receipt', title: 'Delivered' } });
    // Times only move forward.
    const times = commsLogEntry.history.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('C2/L9: a refused text shows its failure explained; a resend names itself on the original and starts its own timeline', async () => {
    sending.standIn.forceStatus('+14155557', 7, 'Number Barred');
    const failed = await timeOffText(ws, '+14155557002');
    sending.standIn.clearFaults();
    expect(failed.status).toBe(MessageStatus.FAILED);
    const { commsLogEntry } = await server.ok(HISTORY, { id: String(failed.id) }, ws.adminKey);
    expect(commsLogEntry.errorExplanation).toMatchObject({ source: 'Vonage send status', title: 'Number barred' });
    expect(commsLogEntry.errorExplanation.whatToDo).toMatch(/Do not resend/);
    expect(commsLogEntry.history.at(-1)).toMatchObject({ type: 'FAILED', attempt: 1, code: '7', explanation: { title: 'Number barred' } });

    const { resendMessage } = await server.ok(
      `mutation($id: ID!) { resendMessage(entryId: $id, idempotencyKey: "history-resend") { id } }`,
      { id: String(failed.id) },
      ws.adminKey,
    );
    await waitForEntry(server, (e) => String(e.id) === resendMessage.id && e.status === MessageStatus.SENT);
    const original = (await server.ok(HISTORY, { id: String(failed.id) }, ws.adminKey)).commsLogEntry;
    expect(original.history.at(-1)).toMatchObject({ type: 'RESENT', detail: resendMessage.id });
    const resent = (await server.ok(HISTORY, { id: resendMessage.id }, ws.adminKey)).commsLogEntry;
    expect(resent.history.map((e: { type: string }) => e.type)).toEqual(['QUEUED', 'ATTEMPT_STARTED', 'SENT']);
    expect(resent.history[0].detail).toBe(`resend of ${failed.id}`);
  });

  it('C2: a failure receipt is recorded with its status and err-code, explained as a carrier answer', async () => {
    const sent = await timeOffText(ws, '+14155557003', [MessageStatus.SENT]);
    const accepted = sending.standIn.messages.find((m) => m.clientRef === String(sent.id))!;
    await sending.standIn.deliverReceipt(server.url, accepted.messageId, { status: 'failed', errCode: '6' });
    await waitForEntry(server, (e) => e.id === sent.id && e.status === MessageStatus.FAILED);
    const { commsLogEntry } = await server.ok(HISTORY, { id: String(sent.id) }, ws.adminKey);
    expect(commsLogEntry.history.at(-1)).toMatchObject({ type: 'RECEIPT', providerStatus: 'failed', code: '6', explanation: { source: 'Vonage delivery receipt' } });
    expect(commsLogEntry.history.at(-1).explanation.meaning).toMatch(/spam/);
    expect(commsLogEntry.errorExplanation).toMatchObject({ source: 'Vonage delivery receipt' });
  });

  it('C2: a skipped text shows the words it would have had; a sent one its words as sent; another workspace gets NOT_FOUND', async () => {
    const TEXT = `query($id: ID!) { messageText(entryId: $id) { text asSent } }`;
    const { upsertEmployee } = await server.ok(`mutation($input: UpsertEmployeeInput!) { upsertEmployee(input: $input) { id } }`, { input: { name: 'Not In', phone: '+14155557006' } }, ws.adminKey);
    const { createTimeOffRequest } = await server.ok(
      `mutation($input: CreateTimeOffRequestInput!) { createTimeOffRequest(input: $input) { id } }`,
      { input: { employeeId: upsertEmployee.id, startsOn: '2027-05-03', endsOn: '2027-05-04' } },
      ws.adminKey,
    );
    await server.ok(`mutation($id: ID!) { decideTimeOff(id: $id, approved: true) { id } }`, { id: createTimeOffRequest.id }, ws.adminKey);
    const skipped = await waitForEntry(server, (e) => e.employeeId === upsertEmployee.id && e.status === MessageStatus.SKIPPED);
    expect(skipped.body).toBeNull();
    const { messageText } = await server.ok(TEXT, { id: String(skipped.id) }, ws.adminKey);
    expect(messageText.asSent).toBe(false);
    expect(messageText.text).toMatch(/time-off request/);
    const { commsLogEntry } = await server.ok(HISTORY, { id: String(skipped.id) }, ws.adminKey);
    expect(commsLogEntry.history.map((e: { type: string; code: string }) => [e.type, e.code])).toEqual([['QUEUED', null], ['SKIPPED', 'NOT_OPTED_IN']]);

    const sent = await timeOffText(ws, '+14155557007', [MessageStatus.SENT]);
    const asSent = (await server.ok(TEXT, { id: String(sent.id) }, ws.adminKey)).messageText;
    expect(asSent).toEqual({ text: sent.body, asSent: true });
    expect(errorCodes(await server.gql(TEXT, { id: String(sent.id) }, other.adminKey))).toEqual(['NOT_FOUND']);
  });

  it('K6/A2: a timeline is only ever read inside its own workspace; each row carries the workspace of its entry', async () => {
    const mine = await timeOffText(ws, '+14155557004', [MessageStatus.SENT]);
    const theirs = await timeOffText(other, '+14155557005', [MessageStatus.SENT]);
    expect(errorCodes(await server.gql(HISTORY, { id: String(mine.id) }, other.adminKey))).toEqual(['NOT_FOUND']);
    // A page of the other workspace's log carries only its own rows' timelines (the batched loader is scoped).
    const { commsLog } = await server.ok(`{ commsLog(first: 50) { nodes { id history { type } } } }`, {}, other.adminKey);
    expect(commsLog.nodes.map((n: { id: string }) => n.id)).not.toContain(String(mine.id));
    expect(commsLog.nodes.find((n: { id: string }) => n.id === String(theirs.id)).history.length).toBeGreaterThan(0);
    const rows = await server.app.dataSource.getRepository(CommsLogEvent).findBy({ entryId: mine.id });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.workspaceId))).toEqual(new Set([ws.id]));
  });

});
