import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { CommsLogEntry } from '../../comms-log/comms-log-entry.entity.js';
import { MessageDirection, MessageKind, MessageStatus } from '../../comms-log/comms-log.enums.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { Participant } from '../../studies/participant.entity.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';
import { parseCsv } from './parse-csv.js';

const hour = (n: number) => new Date(Date.UTC(2026, 4, 1, n, 0, 0));

// The embedded default: the same read side over SQLite.
describe('consent and communications log read side (SQLite)', () => {
  let server: TestServer;
  let ws: TestWorkspace;
  const participantId = randomUUID();

  beforeAll(async () => {
    server = await startTestServer({ database: 'sqlite' });
    ws = await createTestWorkspace(server, 'Embedded');
    const { consent, optOuts } = server.app.services;
    const change = { workspaceId: ws.id, subjectType: ConsentSubjectType.PARTICIPANT, subjectId: participantId, phone: '+14155550501' };
    await server.app.dataSource.transaction((m) =>
      consent.record(m, [{ ...change, action: ConsentAction.GRANTED, source: ConsentSource.SIGNUP_FORM }], hour(1)),
    );
    await server.app.dataSource.transaction((m) =>
      consent.record(m, [{ ...change, action: ConsentAction.REVOKED, source: ConsentSource.MANAGE_BOOKING }], hour(2)),
    );
    await server.app.dataSource
      .getRepository(Participant)
      .insert({ id: participantId, workspaceId: ws.id, name: 'Lin', email: 'lin@example.com', phone: '+14155550501', smsConsent: false });
    await server.app.dataSource.getRepository(CommsLogEntry).insert(
      [1, 2, 3].map((n) => ({
        workspaceId: ws.id,
        direction: MessageDirection.OUTBOUND,
        kind: MessageKind.REMINDER,
        status: n === 2 ? MessageStatus.SKIPPED : MessageStatus.SENT,
        skipReason: n === 2 ? SkipReason.OPTED_OUT : null,
        recipientPhone: '+14155550501',
        participantId,
        createdAt: hour(n),
        updatedAt: hour(n),
      })),
    );
    await server.app.dataSource.transaction((m) => optOuts.optOut(m, '+14155550501', ConsentSource.KEYWORD, 'STOP', hour(2)));
  });
  afterAll(() => server?.stop());

  it('K5: consentRecords filters by phone and time range, newest first', async () => {
    const data = await server.ok(
      `query($filter: ConsentRecordFilter) { consentRecords(filter: $filter) { nodes { action createdAt } } }`,
      { filter: { phone: '415-555-0501', from: hour(1).toISOString(), to: hour(3).toISOString() } },
      ws.memberKey,
    );
    expect(data.consentRecords.nodes).toEqual([
      { action: 'REVOKED', createdAt: hour(2).toISOString() },
      { action: 'GRANTED', createdAt: hour(1).toISOString() },
    ]);
    const later = await server.ok(`{ consentRecords(filter: { from: "${hour(2).toISOString()}" }) { nodes { action } } }`, {}, ws.memberKey);
    expect(later.consentRecords.nodes).toEqual([{ action: 'REVOKED' }]);
  });

  it('K5: the CSV export works on SQLite', async () => {
    const data = await server.ok(`{ exportConsentRecords }`, {}, ws.adminKey);
    const [header, ...rows] = parseCsv(data.exportConsentRecords);
    expect(rows.map((r) => r[header.indexOf('action')])).toEqual(['REVOKED', 'GRANTED']);
    expect(rows[1][header.indexOf('createdAt')]).toBe(hour(1).toISOString());
  });

  it('L1: commsLog filters and pages with participant names on SQLite', async () => {
    const query = `query($filter: CommsLogFilter, $after: String) {
      commsLog(filter: $filter, first: 2, after: $after) { nodes { status skipReason createdAt participant { name } } pageInfo { hasNextPage endCursor } }
    }`;
    const first = await server.ok(query, { filter: { recipient: '(415) 555-0501' } }, ws.memberKey);
    expect(first.commsLog.nodes.map((n: { createdAt: string }) => n.createdAt)).toEqual([hour(3).toISOString(), hour(2).toISOString()]);
    expect(first.commsLog.nodes[0].participant).toEqual({ name: 'Lin' });
    const after = first.commsLog.pageInfo.endCursor;
    const second = await server.ok(query, { filter: { recipient: '(415) 555-0501' }, after }, ws.memberKey);
    expect(second.commsLog.nodes.map((n: { createdAt: string }) => n.createdAt)).toEqual([hour(1).toISOString()]);
    expect(second.commsLog.pageInfo.hasNextPage).toBe(false);
    const skipped = await server.ok(query, { filter: { skipReason: 'OPTED_OUT', from: hour(2).toISOString() } }, ws.memberKey);
    expect(skipped.commsLog.nodes).toEqual([
      { status: 'SKIPPED', skipReason: 'OPTED_OUT', createdAt: hour(2).toISOString(), participant: { name: 'Lin' } },
    ]);
  });

  it('K2: optOutStatus answers from the global registry on SQLite', async () => {
    const data = await server.ok(`{ optOutStatus(phone: "4155550501") { phone optedOut since } }`, {}, ws.memberKey);
    expect(data.optOutStatus).toEqual({ phone: '+14155550501', optedOut: true, since: hour(2).toISOString() });
  });
});
