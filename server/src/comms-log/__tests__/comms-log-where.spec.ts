import { describe, expect, it } from 'vitest';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { MessageDirection, MessageKind, MessageStatus } from '../comms-log.enums.js';
import { commsLogWhere } from '../comms-log-where.util.js';

describe('commsLogWhere', () => {
  it('K6: an empty filter still scopes to the workspace', () => {
    expect(commsLogWhere('ws-1', {}, 'US')).toEqual({ where: 'e.workspaceId = :workspaceId', params: { workspaceId: 'ws-1' } });
  });

  it('L1: every filter field becomes one AND-ed condition on its column', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-01-02T00:00:00Z');
    const { where, params } = commsLogWhere(
      'ws-1',
      {
        kind: MessageKind.REMINDER,
        status: MessageStatus.SKIPPED,
        skipReason: SkipReason.OPTED_OUT,
        recipient: '415.555.0101',
        direction: MessageDirection.OUTBOUND,
        participantId: 'p-1',
        employeeId: 'e-1',
        bookingId: 'b-1',
        from,
        to,
      },
      'US',
    );
    expect(where.split(' AND ')).toEqual([
      'e.workspaceId = :workspaceId',
      'e.kind = :kind',
      'e.status = :status',
      'e.skipReason = :skipReason',
      'e.recipientPhone = :recipientPhone',
      'e.direction = :direction',
      'e.participantId = :participantId',
      'e.employeeId = :employeeId',
      'e.bookingId = :bookingId',
      'e.createdAt >= :from',
      'e.createdAt < :to',
    ]);
    expect(params).toEqual({
      workspaceId: 'ws-1',
      kind: 'REMINDER',
      status: 'SKIPPED',
      skipReason: 'OPTED_OUT',
      recipientPhone: '+14155550101',
      direction: 'OUTBOUND',
      participantId: 'p-1',
      employeeId: 'e-1',
      bookingId: 'b-1',
      from,
      to,
    });
  });

  it('L1: the recipient is matched in E.164 whatever format it came in', () => {
    expect(commsLogWhere('ws-1', { recipient: '020 7946 0018' }, 'GB').params.recipientPhone).toBe('+442079460018');
  });

  it('A5: a bad recipient is a field error naming filter.recipient', () => {
    expect(() => commsLogWhere('ws-1', { recipient: '12345' }, 'US')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.recipient' }),
    );
    expect(() => commsLogWhere('ws-1', { recipient: '' }, 'US')).toThrow(expect.objectContaining({ field: 'filter.recipient' }));
  });

  it('A6: a time range that ends before it starts is a field error', () => {
    const from = new Date('2026-01-02T00:00:00Z');
    expect(() => commsLogWhere('ws-1', { from, to: new Date('2026-01-01T00:00:00Z') }, 'US')).toThrow(
      expect.objectContaining({ field: 'filter.to' }),
    );
  });
});
