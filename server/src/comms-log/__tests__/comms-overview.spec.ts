import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, errorCodes, startTestServer, type TestDatabase, type TestServer, type TestWorkspace } from '../../../test/harness.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { CommsLogEntry } from '../comms-log-entry.entity.js';
import { MessageDirection, MessageKind, MessageStatus } from '../comms-log.enums.js';
import { buildCommsOverview, overviewWindowProblem, overviewWindowStart } from '../comms-overview.util.js';
import { logEntryDefaults } from '../log-entry-defaults.util.js';

const HOUR = 3_600_000;

describe('buildCommsOverview', () => {
  const now = new Date('2026-11-22T10:40:00Z');
  const from = overviewWindowStart(now, 24);

  it('starts the window 23 whole hours before the current hour', () => {
    expect(from.toISOString()).toBe('2026-11-21T11:00:00.000Z');
  });

  it('counts each message once by its current status, in its hour, with empty hours kept', () => {
    const overview = buildCommsOverview(
      [
        { binStart: new Date('2026-11-22T10:00:00Z'), status: MessageStatus.DELIVERED, skipReason: null, count: 3 },
        { binStart: new Date('2026-11-22T10:00:00Z'), status: MessageStatus.SENDING, skipReason: null, count: 1 },
        { binStart: new Date('2026-11-21T11:00:00Z'), status: MessageStatus.SKIPPED, skipReason: SkipReason.OPTED_OUT, count: 2 },
        { binStart: new Date('2026-11-21T12:00:00Z'), status: MessageStatus.SKIPPED, skipReason: SkipReason.NO_PHONE, count: 5 },
        { binStart: new Date('2026-11-21T12:00:00Z'), status: MessageStatus.FAILED, skipReason: null, count: 1 },
      ],
      from,
      24,
      now,
    );
    expect(overview.totals).toEqual({ queued: 1, sent: 0, delivered: 3, failed: 1, skipped: 7 });
    expect(overview.byHour).toHaveLength(24);
    expect(overview.byHour[0]).toMatchObject({ hourStart: from, skipped: 2 });
    expect(overview.byHour[1]).toMatchObject({ skipped: 5, failed: 1 });
    expect(overview.byHour[23]).toMatchObject({ delivered: 3, queued: 1 });
    expect(overview.byHour[12]).toMatchObject({ queued: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 });
    expect(overview.topSkipReasons).toEqual([
      { reason: SkipReason.NO_PHONE, count: 5 },
      { reason: SkipReason.OPTED_OUT, count: 2 },
    ]);
  });

  it('shows a burst in minutes: one hour in 1-minute bins puts each minute in its own bar, and the hours still add up', () => {
    const burstNow = new Date('2026-11-22T10:40:30Z');
    const start = overviewWindowStart(burstNow, 1, 1);
    expect(start.toISOString()).toBe('2026-11-22T09:41:00.000Z');
    const overview = buildCommsOverview(
      [
        { binStart: new Date('2026-11-22T10:12:00Z'), status: MessageStatus.DELIVERED, skipReason: null, count: 40 },
        { binStart: new Date('2026-11-22T10:13:00Z'), status: MessageStatus.DELIVERED, skipReason: null, count: 2 },
        { binStart: new Date('2026-11-22T09:50:00Z'), status: MessageStatus.FAILED, skipReason: null, count: 1 },
      ],
      start,
      1,
      burstNow,
      1,
    );
    expect(overview.binMinutes).toBe(1);
    expect(overview.bins).toHaveLength(60);
    expect(overview.bins[31]).toMatchObject({ start: new Date('2026-11-22T10:12:00Z'), delivered: 40 });
    expect(overview.bins[32]).toMatchObject({ delivered: 2 });
    expect(overview.bins[59].start.toISOString()).toBe('2026-11-22T10:40:00.000Z');
    // The window spans the 09:00 and 10:00 hours.
    expect(overview.byHour.map((hour) => [hour.hourStart.toISOString(), hour.delivered, hour.failed])).toEqual([
      ['2026-11-22T09:00:00.000Z', 0, 1],
      ['2026-11-22T10:00:00.000Z', 42, 0],
    ]);
  });

  it('refuses bins it does not offer and charts of more than 288 bars', () => {
    expect(overviewWindowProblem(24, 15)).toBeNull();
    expect(overviewWindowProblem(168, 60)).toBeNull();
    expect(overviewWindowProblem(24, 7)).toMatch(/one of 1, 5, 15, 60/);
    expect(overviewWindowProblem(24, 1)).toMatch(/at most 288/);
  });

  it('keeps at most five skip reasons, most frequent first', () => {
    const reasons = Object.values(SkipReason).slice(0, 7);
    const overview = buildCommsOverview(
      reasons.map((reason, i) => ({ binStart: from, status: MessageStatus.SKIPPED, skipReason: reason, count: i + 1 })),
      from,
      24,
      now,
    );
    expect(overview.topSkipReasons.map((r) => r.count)).toEqual([7, 6, 5, 4, 3]);
  });
});

describe.each<TestDatabase>(['mariadb', 'sqlite'])('commsOverview query on %s', (database) => {
  let server: TestServer;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const OVERVIEW = `query($hours: Int!, $binMinutes: Int) { commsOverview(hours: $hours, binMinutes: $binMinutes) { from to binMinutes totals { queued sent delivered failed skipped }
    bins { start delivered skipped } byHour { hourStart delivered skipped } topSkipReasons { reason count } } }`;

  beforeAll(async () => {
    server = await startTestServer({ database, worker: false });
    ws = await createTestWorkspace(server, 'Overview Co');
    other = await createTestWorkspace(server, 'Other Co');
    const now = Date.now();
    const entry = (workspaceId: string, status: MessageStatus, ageMs: number, skipReason: SkipReason | null = null, direction = MessageDirection.OUTBOUND) => ({
      ...logEntryDefaults(new Date(now - ageMs)),
      workspaceId,
      direction,
      kind: direction === MessageDirection.OUTBOUND ? MessageKind.CONFIRMATION : MessageKind.INBOUND,
      status,
      skipReason,
      idempotencyKey: null,
    });
    await server.app.dataSource.getRepository(CommsLogEntry).insert([
      entry(ws.id, MessageStatus.DELIVERED, 60_000),
      entry(ws.id, MessageStatus.DELIVERED, 2 * HOUR),
      entry(ws.id, MessageStatus.SKIPPED, 3 * HOUR, SkipReason.WORKSPACE_SMS_DISABLED),
      entry(ws.id, MessageStatus.SKIPPED, 3 * HOUR, SkipReason.WORKSPACE_SMS_DISABLED),
      entry(ws.id, MessageStatus.SKIPPED, 5 * HOUR, SkipReason.OPTED_OUT),
      // Outside the window, inbound, or another workspace's: not counted.
      entry(ws.id, MessageStatus.FAILED, 30 * HOUR),
      entry(ws.id, MessageStatus.RECEIVED, 60_000, null, MessageDirection.INBOUND),
      entry(other.id, MessageStatus.FAILED, 60_000),
    ]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts the last 24 hours of this workspace only, by status, hour and skip reason (A2)', async () => {
    const { commsOverview } = await server.ok(OVERVIEW, { hours: 24 }, ws.memberKey);
    expect(commsOverview.totals).toEqual({ queued: 0, sent: 0, delivered: 2, failed: 0, skipped: 3 });
    expect(commsOverview.byHour).toHaveLength(24);
    expect(commsOverview.byHour.reduce((sum: number, h: { skipped: number }) => sum + h.skipped, 0)).toBe(3);
    const lastHour = commsOverview.byHour[23];
    expect(new Date(lastHour.hourStart).getTime()).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - new Date(lastHour.hourStart).getTime()).toBeLessThan(HOUR);
    expect(commsOverview.topSkipReasons).toEqual([
      { reason: 'WORKSPACE_SMS_DISABLED', count: 2 },
      { reason: 'OPTED_OUT', count: 1 },
    ]);
  });

  it('counts the last 6 hours in 5-minute bins: each entry in the bin it was logged in', async () => {
    const { commsOverview } = await server.ok(OVERVIEW, { hours: 6, binMinutes: 5 }, ws.memberKey);
    expect(commsOverview.binMinutes).toBe(5);
    expect(commsOverview.bins).toHaveLength(72);
    expect(commsOverview.totals).toEqual({ queued: 0, sent: 0, delivered: 2, failed: 0, skipped: 3 });
    // The delivery of a minute ago is in the last bin or the one before it (a bin may have just begun).
    const recent = commsOverview.bins.slice(-2).reduce((sum: number, bin: { delivered: number }) => sum + bin.delivered, 0);
    expect(recent).toBe(1);
    const skipped = commsOverview.bins.filter((bin: { skipped: number }) => bin.skipped > 0);
    expect(skipped.map((bin: { skipped: number }) => bin.skipped).sort()).toEqual([1, 2]);
    for (const bin of skipped) expect(new Date(bin.start).getTime() % (5 * 60_000)).toBe(0);
    const bad = await server.gql(OVERVIEW, { hours: 24, binMinutes: 2 }, ws.adminKey);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'binMinutes' });
  });

  it('refuses a window outside 1 to 168 hours with a field error', async () => {
    for (const hours of [0, 169]) {
      const result = await server.gql(OVERVIEW, { hours }, ws.adminKey);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('hours');
    }
  });
});
