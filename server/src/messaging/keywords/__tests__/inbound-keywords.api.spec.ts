import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, PLATFORM_TOKEN, startTestServer, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { MessageKind } from '../../../comms-log/comms-log.enums.js';
import { renderMessage } from '../../templates/message-templates.js';
import { callWebhook, inboundParams, OUR_NUMBER, signed, vonageId, WEBHOOK_SECRET } from '../../webhooks/__tests__/vonage-webhook-client.js';
import {
  bookedParticipant,
  employee,
  logFor,
  optedInEmployee,
  participant,
  queuedReminder,
  recordsOf,
  registryRow,
  storedState,
  weeksOf,
} from './keyword-fixtures.js';

const BRAND = { name: 'Tock', supportContact: 'help@tock.test' };
const reply = (kind: 'OPTED_OUT' | 'OPTED_IN' | 'HELP') => renderMessage({ kind: MessageKind.KEYWORD_REPLY, reply: kind }, BRAND);

describe('inbound keywords through the Vonage webhook (MariaDB)', () => {
  let server: TestServer;
  let acme: TestWorkspace;
  let beta: TestWorkspace;
  let cedar: TestWorkspace;

  const text = (from: string, body: string, extra: Record<string, string> = {}) => callWebhook(server, 'inbound', signed(inboundParams(from, body, extra)));
  const entry = (id: string) => server.app.dataSource.getRepository(CommsLogEntry).findOneByOrFail({ id });
  const commsLog = async (ws: TestWorkspace, phone: string) =>
    (
      await server.ok(
        `query($filter: CommsLogFilter) { commsLog(filter: $filter, first: 100) { edges { node { id direction kind status skipReason errorReason body recipientPhone senderPhone participantId employeeId } } } }`,
        { filter: { recipient: phone } },
        ws.adminKey,
      )
    ).commsLog.edges.map((e: { node: Record<string, unknown> }) => e.node);

  beforeAll(async () => {
    // No worker: the tests deliver the entries they expect themselves, in order.
    server = await startTestServer({ worker: false, env: { VONAGE_SIGNATURE_SECRET: WEBHOOK_SECRET, SUPPORT_CONTACT: BRAND.supportContact } });
    acme = await createTestWorkspace(server, 'Acme Research', { smsEnabled: true });
    beta = await createTestWorkspace(server, 'Beta Shifts', { smsEnabled: true });
    cedar = await createTestWorkspace(server, 'Cedar Clinic', { smsEnabled: true });
  });
  afterAll(() => server?.stop());

  it('K2: STOP opts the number out in every workspace, with records, and exactly one reply', async () => {
    const phone = '+14155550101';
    const acmeBooked = await bookedParticipant(server, acme, phone);
    const betaEmployee = await optedInEmployee(server, beta, phone);
    const betaBooked = await bookedParticipant(server, beta, phone);
    const bystander = await bookedParticipant(server, acme, '+14155550199');
    const reminder = await queuedReminder(server, acme.id, acmeBooked);
    const bystanderReminder = await queuedReminder(server, acme.id, bystander);
    const message = inboundParams(phone, 'Stop');

    const response = await callWebhook(server, 'inbound', signed(message));
    expect(response).toEqual({ status: 200, body: { result: 'processed' } });

    // The global registry (K6: shared by every workspace).
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, source: 'KEYWORD', keyword: 'STOP' });
    expect((await server.app.services.optOuts.state(phone)).optedOut).toBe(true);
    // Every subject with the number, in every workspace.
    expect((await participant(server, acmeBooked.participantId)).smsConsent).toBe(false);
    expect((await participant(server, betaBooked.participantId)).smsConsent).toBe(false);
    expect((await employee(server, betaEmployee)).smsOptIn).toBe(false);
    for (const [subjectId, workspaceId, subjectType] of [
      [acmeBooked.participantId, acme.id, 'PARTICIPANT'],
      [betaBooked.participantId, beta.id, 'PARTICIPANT'],
      [betaEmployee, beta.id, 'EMPLOYEE'],
    ]) {
      const records = await recordsOf(server, subjectId);
      expect(records.at(-1)).toMatchObject({ workspaceId, subjectType, phone, action: 'REVOKED', source: 'KEYWORD', keyword: 'STOP', actorLabel: 'handset' });
      expect(records.filter((r) => r.source === 'KEYWORD')).toHaveLength(1);
    }
    // Someone else's consent is untouched.
    expect((await participant(server, bystander.participantId)).smsConsent).toBe(true);

    // Exactly one confirmation, in the workspace that has known the number longest.
    const replies = await logFor(server, phone, MessageKind.KEYWORD_REPLY);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      workspaceId: acme.id,
      direction: 'OUTBOUND',
      status: 'QUEUED',
      body: reply('OPTED_OUT'),
      recipientPhone: phone,
      senderPhone: OUR_NUMBER,
      participantId: acmeBooked.participantId,
      idempotencyKey: `keyword-reply:${message.messageId}`,
    });
    expect(replies[0].body).toContain('Tock');
    // The reply passes the opt-out gate (the sandbox channel records it outside production).
    expect(await server.app.services.delivery.deliver(replies[0].id)).toBe('sent');
    expect(await entry(replies[0].id)).toMatchObject({ status: 'SENT', skipReason: null, recipientPhone: phone });

    // An already-scheduled reminder is held back when due; another person's goes out.
    expect(await server.app.services.delivery.deliver(reminder.id)).toBe('skipped');
    expect(await entry(reminder.id)).toMatchObject({ status: 'SKIPPED', skipReason: 'OPTED_OUT' });
    expect(await server.app.services.delivery.deliver(bystanderReminder.id)).toBe('sent');
  });

  it('K2/K8: a second STOP changes nothing more and writes no new records, and within 10 minutes is not answered again', async () => {
    const phone = '+14155550102';
    const booked = await bookedParticipant(server, acme, phone);
    await text(phone, 'STOP');
    const records = await recordsOf(server, booked.participantId);
    const since = (await registryRow(server, phone))!.updatedAt;
    expect((await text(phone, 'unsubscribe')).status).toBe(200);
    expect(await recordsOf(server, booked.participantId)).toEqual(records);
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, updatedAt: since });
    // K8: the auto-reply loop guard (one confirmation per number per 10 minutes).
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
  });

  it('K2: a number no workspace knows, texted to a number no single workspace owns, is opted out with no logged reply', async () => {
    const phone = '+14155550103';
    const before = (await storedState(server)).log.length;
    expect((await text(phone, 'OPT OUT')).status).toBe(200);
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, source: 'KEYWORD', keyword: 'OPT OUT' });
    expect((await storedState(server)).log).toHaveLength(before);
  });

  it('K2: a handset no workspace knows, texting a number one workspace owns, is answered from that workspace and logged nowhere else', async () => {
    const phone = '+14155550112';
    const solo = await server.ok(
      `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } adminKey { secret } } }`,
      { input: { name: 'Solo Studio', senderNumber: '+13306610000' } },
      PLATFORM_TOKEN,
    );
    const message = inboundParams(phone, 'STOP', { to: '13306610000' });
    expect((await callWebhook(server, 'inbound', signed(message))).status).toBe(200);
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true });
    expect(await logFor(server, phone)).toMatchObject([
      { workspaceId: solo.createWorkspace.workspace.id, kind: 'KEYWORD_REPLY', senderPhone: '+13306610000', participantId: null, employeeId: null, body: reply('OPTED_OUT') },
    ]);
  });

  it('K3: START lifts the opt-out: employees are opted in with E5, participants get back the consent the opt-out took, one reply', async () => {
    const phone = '+14155550104';
    const staffer = await optedInEmployee(server, beta, phone, { '2026-03-02': true, '2026-03-09': false, '2026-03-16': false });
    const booked = await bookedParticipant(server, acme, phone);
    // Gave a number but never consented (SMS is off there): START is not consent to that workspace.
    const quiet = await createTestWorkspace(server, 'Quiet Lab');
    const neverConsented = await bookedParticipant(server, quiet, phone, false);
    expect(await participant(server, neverConsented.participantId)).toMatchObject({ phone, smsConsent: false });
    // Withdrew through the workspace before the STOP: START does not undo that.
    const withdrew = await bookedParticipant(server, beta, phone);
    await server.ok(
      `mutation($input: SetParticipantSmsConsentInput!) { setParticipantSmsConsent(input: $input) { id } }`,
      { input: { participantId: withdrew.participantId, granted: false } },
      beta.adminKey,
    );
    await text(phone, 'STOP');
    expect((await employee(server, staffer)).smsOptIn).toBe(false);
    const start = inboundParams(phone, 'start');

    expect((await callWebhook(server, 'inbound', signed(start))).status).toBe(200);

    expect(await registryRow(server, phone)).toMatchObject({ optedOut: false, source: 'KEYWORD', keyword: 'START' });
    expect((await employee(server, staffer)).smsOptIn).toBe(true);
    expect((await weeksOf(server, staffer)).map((w) => w.sendSmsAlert)).toEqual([true, true, true]);
    expect((await participant(server, booked.participantId)).smsConsent).toBe(true);
    expect((await recordsOf(server, staffer)).at(-1)).toMatchObject({ workspaceId: beta.id, action: 'GRANTED', source: 'KEYWORD', keyword: 'START', phone, actorLabel: 'handset' });
    expect((await recordsOf(server, booked.participantId)).at(-1)).toMatchObject({ workspaceId: acme.id, action: 'GRANTED', source: 'KEYWORD', keyword: 'START' });
    for (const untouched of [neverConsented, withdrew]) {
      expect((await participant(server, untouched.participantId)).smsConsent).toBe(false);
      expect((await recordsOf(server, untouched.participantId)).filter((r) => r.source === 'KEYWORD')).toEqual([]);
    }
    const replies = (await logFor(server, phone, MessageKind.KEYWORD_REPLY)).filter((r) => r.idempotencyKey === `keyword-reply:${start.messageId}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ body: reply('OPTED_IN'), recipientPhone: phone, senderPhone: OUR_NUMBER });
  });

  it.each(['UNSTOP', 'yes'])('K3: %s is an opt-in keyword too', async (keyword) => {
    const phone = keyword === 'yes' ? '+14155550105' : '+14155550106';
    const staffer = await optedInEmployee(server, acme, phone);
    await text(phone, 'QUIT');
    await text(phone, keyword);
    expect((await employee(server, staffer)).smsOptIn).toBe(true);
    expect((await registryRow(server, phone))?.optedOut).toBe(false);
  });

  it('K4: HELP answers with brand, contact, frequency, rates and how to opt out, and changes nothing', async () => {
    const phone = '+14155550107';
    const booked = await bookedParticipant(server, acme, phone);
    const before = await storedState(server);
    const help = inboundParams(phone, 'help');
    expect((await callWebhook(server, 'inbound', signed(help))).status).toBe(200);
    const after = await storedState(server);
    expect(after.participants).toEqual(before.participants);
    expect(after.employees).toEqual(before.employees);
    expect(after.optOuts).toEqual(before.optOuts);
    expect(after.consentRecords).toBe(before.consentRecords);
    const [answer] = await logFor(server, phone, MessageKind.KEYWORD_REPLY);
    expect(answer).toMatchObject({ workspaceId: acme.id, participantId: booked.participantId, body: reply('HELP') });
    expect(answer.body).toContain('Tock');
    expect(answer.body).toContain(BRAND.supportContact);
    expect(answer.body).toMatch(/up to 6/);
    expect(answer.body).toContain('Msg & data rates may apply');
    expect(answer.body).toMatch(/Reply STOP to opt out/);
    // K8: INFO right after HELP is the same answer, not sent twice within 10 minutes.
    expect(await text(phone, 'INFO')).toMatchObject({ status: 200 });
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
  });

  it('L1: a text that is no keyword is logged (and announced) only: no reply, no change', async () => {
    const phone = '+14155550108';
    const booked = await bookedParticipant(server, acme, phone);
    const before = await storedState(server);
    const events: { type: string; id: string; kind: string }[] = [];
    const unsubscribe = server.app.services.events.subscribe((e) => events.push({ type: e.type, id: String(e.entry.id), kind: e.entry.kind }));
    expect((await text(phone, 'Running 5 min behind, save my spot please')).status).toBe(200);
    unsubscribe();
    const after = await storedState(server);
    expect(after.participants).toEqual(before.participants);
    expect(after.optOuts).toEqual(before.optOuts);
    expect(after.consentRecords).toBe(before.consentRecords);
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toEqual([]);
    expect(await logFor(server, phone, MessageKind.INBOUND)).toMatchObject([
      { workspaceId: acme.id, direction: 'INBOUND', status: 'RECEIVED', body: 'Running 5 min behind, save my spot please', participantId: booked.participantId },
    ]);
    // L4: the new entry is announced to the live feed.
    const [logged] = await logFor(server, phone, MessageKind.INBOUND);
    expect(events).toEqual([{ type: 'created', id: String(logged.id), kind: 'INBOUND' }]);
  });

  it('K6: the INBOUND entry appears only in workspaces that know the number; the OPTED_OUT skip says nothing more', async () => {
    const phone = '+14155550109';
    const acmeBooked = await bookedParticipant(server, acme, phone);
    const betaEmployee = await optedInEmployee(server, beta, phone);
    const betaBooked = await bookedParticipant(server, beta, phone);
    await text(phone, 'Stop.');

    const acmeLog = await commsLog(acme, phone);
    const betaLog = await commsLog(beta, phone);
    expect(acmeLog.filter((e: { kind: string }) => e.kind === 'INBOUND')).toEqual([
      expect.objectContaining({ direction: 'INBOUND', status: 'RECEIVED', body: 'Stop.', recipientPhone: phone, senderPhone: OUR_NUMBER, participantId: acmeBooked.participantId }),
    ]);
    expect(betaLog.filter((e: { kind: string }) => e.kind === 'INBOUND')).toEqual([
      expect.objectContaining({ body: 'Stop.', participantId: betaBooked.participantId, employeeId: betaEmployee }),
    ]);
    expect(await commsLog(cedar, phone)).toEqual([]);
    // The reply lives in one workspace only.
    expect(acmeLog.filter((e: { kind: string }) => e.kind === 'KEYWORD_REPLY')).toHaveLength(1);
    expect(betaLog.filter((e: { kind: string }) => e.kind === 'KEYWORD_REPLY')).toEqual([]);

    // Beta's reminder is held back as OPTED_OUT, with nothing that says where the number opted out.
    const reminder = await queuedReminder(server, beta.id, betaBooked);
    await server.app.services.delivery.deliver(reminder.id);
    const [skipped] = (await commsLog(beta, phone)).filter((e: { id: string }) => e.id === String(reminder.id));
    expect(skipped).toMatchObject({ status: 'SKIPPED', skipReason: 'OPTED_OUT', errorReason: null });
    expect(JSON.stringify(skipped)).not.toContain(acme.id);
    expect(JSON.stringify(skipped)).not.toContain('Acme');
  });

  it('L2: two concurrent deliveries of the same message are processed once: one reply, one entry per workspace, one record', async () => {
    const phone = '+14155550110';
    const booked = await bookedParticipant(server, acme, phone);
    const staffer = await optedInEmployee(server, beta, phone);
    const message = signed(inboundParams(phone, 'STOP'));
    const results = await Promise.all([callWebhook(server, 'inbound', message), callWebhook(server, 'inbound', message, 'json')]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body?.result).sort()).toEqual(['duplicate', 'processed']);
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
    expect((await logFor(server, phone, MessageKind.INBOUND)).map((e) => e.workspaceId).sort()).toEqual([acme.id, beta.id].sort());
    expect((await recordsOf(server, booked.participantId)).filter((r) => r.source === 'KEYWORD')).toHaveLength(1);
    expect((await recordsOf(server, staffer)).filter((r) => r.source === 'KEYWORD')).toHaveLength(1);
    // A later retry (by GET this time) is a duplicate as well.
    expect(await callWebhook(server, 'inbound', signed(inboundParams(phone, 'STOP', { messageId: message.messageId })), 'get')).toEqual({
      status: 200,
      body: { result: 'duplicate' },
    });
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toHaveLength(1);
  });

  it('K1: a keyword sent in two parts ("OPT" + " OUT") is joined before it is read, in whatever order the parts come', async () => {
    const phone = '+14155550111';
    const staffer = await optedInEmployee(server, acme, phone);
    const ref = '42';
    const part = (n: number, body: string) => inboundParams(phone, body, { concat: 'true', 'concat-ref': ref, 'concat-total': '2', 'concat-part': String(n), messageId: vonageId(`P${n}`) });
    const first = part(1, 'OPT');
    const second = part(2, ' OUT');

    expect(await callWebhook(server, 'inbound', signed(second))).toEqual({ status: 200, body: { result: 'awaiting-parts' } });
    expect(await registryRow(server, phone)).toBeNull();
    expect((await employee(server, staffer)).smsOptIn).toBe(true);
    expect(await logFor(server, phone)).toEqual([]);

    expect(await callWebhook(server, 'inbound', signed(first))).toEqual({ status: 200, body: { result: 'processed' } });
    expect(await registryRow(server, phone)).toMatchObject({ optedOut: true, keyword: 'OPT OUT' });
    expect((await employee(server, staffer)).smsOptIn).toBe(false);
    expect(await logFor(server, phone, MessageKind.INBOUND)).toMatchObject([{ body: 'OPT OUT' }]);
    expect(await logFor(server, phone, MessageKind.KEYWORD_REPLY)).toMatchObject([{ body: reply('OPTED_OUT'), idempotencyKey: `keyword-reply:${first.messageId}` }]);

    // Replayed parts change nothing; a later message that reuses the reference stands on its own.
    expect((await callWebhook(server, 'inbound', signed(second))).status).toBe(200);
    expect((await callWebhook(server, 'inbound', signed(first))).status).toBe(200);
    expect(await logFor(server, phone)).toHaveLength(2);
    await callWebhook(server, 'inbound', signed(part(1, 'HE')));
    expect(await callWebhook(server, 'inbound', signed(part(2, 'LP')))).toEqual({ status: 200, body: { result: 'processed' } });
    expect((await logFor(server, phone, MessageKind.INBOUND)).map((e) => e.body)).toEqual(['OPT OUT', 'HELP']);
    expect((await logFor(server, phone, MessageKind.KEYWORD_REPLY)).map((e) => e.body)).toEqual([reply('OPTED_OUT'), reply('HELP')]);
  });
});
