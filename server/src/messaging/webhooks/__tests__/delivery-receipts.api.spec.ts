import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind, MessageStatus } from '../../../comms-log/comms-log.enums.js';
import {
  bookedParticipant,
  employee,
  logFor,
  optedInEmployee,
  participant,
  recordsOf,
  registryRow,
  storedState,
  type BookedParticipant,
} from '../../keywords/__tests__/keyword-fixtures.js';
import { callWebhook, inboundParams, receiptParams, signed, vonageId, WEBHOOK_SECRET } from './vonage-webhook-client.js';

describe('delivery receipts through the Vonage webhook (MariaDB)', () => {
  let server: TestServer;
  let acme: TestWorkspace;
  let beta: TestWorkspace;

  const entry = (id: string) => server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ id });
  const receipt = (to: string, messageId: string, status: string, errCode = '0', extra: Record<string, string> = {}) =>
    callWebhook(server, 'status', signed(receiptParams(to, messageId, status, errCode, extra)));

  /** The booking's CONFIRMATION, sent through the sandbox channel: SENT, with a provider id. */
  async function sentConfirmation(booked: BookedParticipant): Promise<CommsLogEntry> {
    const confirmation = await server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ bookingId: booked.bookingId, kind: MessageKind.CONFIRMATION });
    expect(await server.app.services.delivery.deliver(confirmation.id)).toBe('sent');
    const sent = await entry(confirmation.id);
    expect(sent).toMatchObject({ status: 'SENT', providerMessageId: expect.any(String) });
    return sent;
  }

  beforeAll(async () => {
    // No worker: the tests send the entries they need themselves.
    server = await startTestServer({ worker: false, env: { VONAGE_SIGNATURE_SECRET: WEBHOOK_SECRET } });
    acme = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
    beta = await createTestWorkspace(server, 'Beta Shifts', { smsEnabled: true });
  });
  afterAll(() => server?.stop());

  it('L3: a delivered receipt moves a SENT entry to DELIVERED at the carrier time', async () => {
    const phone = '+14155550201';
    const sent = await sentConfirmation(await bookedParticipant(server, acme, phone));
    expect(await receipt(phone, sent.providerMessageId!, 'delivered')).toEqual({ status: 200, body: { result: 'applied' } });
    expect(await entry(sent.id)).toMatchObject({
      status: 'DELIVERED',
      deliveredAt: new Date('2026-03-02T09:59:00Z'),
      errorCode: null,
      providerMessageId: sent.providerMessageId,
    });
  });

  it.each([
    ['failed', '5', 'Portability error'],
    ['rejected', '6', 'Anti-spam rejection'],
    ['expired', '2', 'Absent subscriber (temporary)'],
  ])('L3: a %s receipt moves a SENT entry to FAILED with err-code %s', async (status, errCode, reason) => {
    const phone = `+141555502${10 + Number(errCode)}`;
    const sent = await sentConfirmation(await bookedParticipant(server, acme, phone));
    expect((await receipt(phone, sent.providerMessageId!, status, errCode)).status).toBe(200);
    expect(await entry(sent.id)).toMatchObject({ status: 'FAILED', errorCode: errCode, errorReason: reason, failedAt: new Date('2026-03-02T09:59:00Z') });
    // Not a carrier opt-out: consent stands.
    expect(await registryRow(server, phone)).toBeNull();
  });

  it.each([
    ['accepted', '+14155550221'],
    ['buffered', '+14155550222'],
    ['unknown', '+14155550223'],
  ])('L3: an interim receipt (%s) is acknowledged and changes nothing', async (status, phone) => {
    const sent = await sentConfirmation(await bookedParticipant(server, acme, phone));
    const before = await storedState(server);
    expect(await receipt(phone, sent.providerMessageId!, status)).toEqual({ status: 200, body: { result: 'pending' } });
    expect(await storedState(server)).toEqual(before);
  });

  it('L3: a receipt for an unknown message id is acknowledged and ignored', async () => {
    const before = await storedState(server);
    expect(await receipt('+14155550203', vonageId('FF'), 'delivered')).toEqual({ status: 200, body: { result: 'unknown' } });
    expect(await receipt('+14155550203', vonageId('FF'), 'failed', '9')).toEqual({ status: 200, body: { result: 'unknown' } });
    expect(await storedState(server)).toEqual(before);
  });

  it('L3: a replayed receipt is harmless, and a late failure does not overwrite a delivery', async () => {
    const phone = '+14155550204';
    const sent = await sentConfirmation(await bookedParticipant(server, acme, phone));
    const params = receiptParams(phone, sent.providerMessageId!, 'delivered');
    expect((await callWebhook(server, 'status', signed(params))).status).toBe(200);
    const delivered = await entry(sent.id);
    const before = await storedState(server);
    expect((await callWebhook(server, 'status', signed(params), 'json')).status).toBe(200);
    expect((await callWebhook(server, 'status', signed(params), 'get')).status).toBe(200);
    expect((await receipt(phone, sent.providerMessageId!, 'failed', '5')).status).toBe(200);
    expect(await entry(sent.id)).toEqual(delivered);
    expect(await storedState(server)).toEqual(before);
  });

  it('L3: an entry left SENDING with no provider id is settled through client-ref', async () => {
    const phone = '+14155550205';
    const booked = await bookedParticipant(server, acme, phone);
    const confirmation = await server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ bookingId: booked.bookingId, kind: MessageKind.CONFIRMATION });
    // A worker claimed it and died before the provider's answer was stored.
    await server.app.dataSource.getRepository(CommsLogEntry).update({ id: confirmation.id }, { status: MessageStatus.SENDING, providerMessageId: null });
    const providerMessageId = vonageId('0C');
    expect(await receipt(phone, providerMessageId, 'delivered', '0', { 'client-ref': String(confirmation.id) })).toEqual({ status: 200, body: { result: 'applied' } });
    expect(await entry(confirmation.id)).toMatchObject({ status: 'DELIVERED', providerMessageId, bookingId: booked.bookingId });
  });

  it('K7: err-code 9 records a carrier opt-out for the number in every workspace, with records and no reply', async () => {
    const phone = '+14155550206';
    const booked = await bookedParticipant(server, acme, phone);
    const staffer = await optedInEmployee(server, beta, phone);
    const sent = await sentConfirmation(booked);

    expect(await receipt(phone, sent.providerMessageId!, 'failed', '9')).toEqual({ status: 200, body: { result: 'applied' } });

    expect(await entry(sent.id)).toMatchObject({ status: 'FAILED', errorCode: '9' });
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, source: 'CARRIER', keyword: null });
    expect((await participant(server, booked.participantId)).smsConsent).toBe(false);
    expect((await employee(server, staffer)).smsOptIn).toBe(false);
    for (const [subjectId, workspaceId] of [
      [booked.participantId, acme.id],
      [staffer, beta.id],
    ]) {
      const carrier = (await recordsOf(server, subjectId)).filter((r) => r.source === 'CARRIER');
      expect(carrier).toEqual([expect.objectContaining({ workspaceId, phone, action: 'REVOKED', keyword: null, actorLabel: 'carrier' })]);
    }
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toEqual([]);
  });

  it('K7: a replayed err-code 9 receipt does not undo a START texted since', async () => {
    const phone = '+14155550207';
    const staffer = await optedInEmployee(server, beta, phone);
    const booked = await bookedParticipant(server, acme, phone);
    const sent = await sentConfirmation(booked);
    const params = receiptParams(phone, sent.providerMessageId!, 'failed', '9');
    await callWebhook(server, 'status', signed(params));
    expect((await registryRow(server, phone))?.optedOut).toBe(true);
    await callWebhook(server, 'inbound', signed(inboundParams(phone, 'START')));
    expect((await employee(server, staffer)).smsOptIn).toBe(true);
    const records = await recordsOf(server, staffer);

    expect((await callWebhook(server, 'status', signed(params))).status).toBe(200);
    expect((await registryRow(server, phone))?.optedOut).toBe(false);
    expect((await employee(server, staffer)).smsOptIn).toBe(true);
    expect(await recordsOf(server, staffer)).toEqual(records);
  });
});
