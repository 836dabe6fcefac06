import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../../test/harness.js';
import { CommsLogEntry } from '../../../comms-log/comms-log-entry.entity.js';
import { CommsLogEvent } from '../../../comms-log/comms-log-event.entity.js';
import { MessageKind, MessageStatus } from '../../../comms-log/comms-log.enums.js';
import { MessageEventType } from '../../../comms-log/message-event-type.enum.js';
import { SEND_MESSAGE_JOB } from '../../../jobs/definitions/send-message.job.js';
import { SkipReason } from '../../../send-policy/skip-reason.js';

// Row-at-a-time, 120 entries cost well over 120 statements; set-based, a handful.
const MANY = 120;
const STATEMENT_BUDGET = 20;

describe('bulk transitions are set-based (MariaDB)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    // No worker: nothing sends the recorded texts while the test moves them.
    server = await startTestServer({ worker: false });
    ws = await createTestWorkspace(server, 'Bulk Co', { smsEnabled: true });
  });
  afterAll(() => server?.stop());

  const entries = () => server.app.dataSource.getRepository(CommsLogEntry);

  async function recordTexts(label: string, count: number): Promise<CommsLogEntry[]> {
    const delivery = server.app.services.delivery;
    const intents = Array.from({ length: count }, (_, i) => ({
      workspaceId: ws.id,
      kind: MessageKind.KEYWORD_REPLY,
      idempotencyKey: `${label}:${i}`,
      sendAt: new Date(Date.now() + 3600_000),
      recipientPhone: `+1415555${String(1000 + i).padStart(4, '0')}`,
      body: 'Reply',
    }));
    const created = await server.app.dataSource.transaction((manager) => delivery.record(manager, intents));
    await delivery.schedule(created);
    return created;
  }

  async function timeline(ids: string[], type: MessageEventType): Promise<number> {
    return server.app.dataSource.getRepository(CommsLogEvent).countBy({ entryId: In(ids), type });
  }

  it(`S6: dropping ${MANY} queued texts that no longer hold takes a few statements, gives each its SKIPPED row and removes their jobs`, async () => {
    const created = await recordTexts('drop', MANY);
    const ids = created.map((e) => String(e.id));
    expect((await server.app.agenda.queryJobs({ name: SEND_MESSAGE_JOB, data: { entryId: ids[0] } })).jobs).toHaveLength(1);

    server.app.queryCounter.count = 0;
    await server.app.services.delivery.dropQueued({ idempotencyKey: In(created.map((e) => e.idempotencyKey)) });
    expect(server.app.queryCounter.count).toBeLessThan(STATEMENT_BUDGET);

    const after = await entries().findBy({ id: In(ids) });
    expect(after.every((e) => e.status === MessageStatus.SKIPPED && e.skipReason === SkipReason.NO_LONGER_VALID)).toBe(true);
    expect(await timeline(ids, MessageEventType.SKIPPED)).toBe(MANY);
    for (const id of [ids[0], ids[MANY - 1]]) expect((await server.app.agenda.queryJobs({ name: SEND_MESSAGE_JOB, data: { entryId: id } })).jobs).toHaveLength(0);
    // Dropping again changes nothing: none is QUEUED any more.
    await server.app.services.delivery.dropQueued({ idempotencyKey: In(created.map((e) => e.idempotencyKey)) });
    expect(await timeline(ids, MessageEventType.SKIPPED)).toBe(MANY);
  });

  it(`L6: marking ${MANY} texts left SENDING as interrupted takes a few statements and leaves fresh ones alone`, async () => {
    const stale = await recordTexts('stale', MANY);
    const fresh = await recordTexts('fresh', 3);
    const longAgo = new Date(Date.now() - 3600_000);
    await entries().update({ id: In(stale.map((e) => e.id)) }, { status: MessageStatus.SENDING, updatedAt: longAgo });
    await entries().update({ id: In(fresh.map((e) => e.id)) }, { status: MessageStatus.SENDING, updatedAt: new Date() });

    server.app.queryCounter.count = 0;
    const marked = await server.app.services.delivery.markInterrupted(new Date(Date.now() - 60_000));
    expect(server.app.queryCounter.count).toBeLessThan(STATEMENT_BUDGET);
    expect(marked).toBe(MANY);

    const ids = stale.map((e) => String(e.id));
    const after = await entries().findBy({ id: In(ids) });
    expect(after.every((e) => e.status === MessageStatus.FAILED && e.errorCode === 'INTERRUPTED' && e.failedAt)).toBe(true);
    expect(await timeline(ids, MessageEventType.INTERRUPTED)).toBe(MANY);
    expect((await entries().findBy({ id: In(fresh.map((e) => e.id)) })).map((e) => e.status)).toEqual(Array(3).fill(MessageStatus.SENDING));
  });
});
