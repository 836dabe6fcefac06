import { describe, expect, it } from 'vitest';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { MessageDirection, MessageKind, MessageStatus } from '../comms-log.enums.js';
import { commsLogWhere, peopleSearch } from '../comms-log-where.util.js';

describe('commsLogWhere', () => {
  it('K6: an empty filter still scopes to the workspace', () => {
    expect(commsLogWhere('ws-1', {}, 'US')).toEqual({
      where: 'e.workspaceId = :workspaceId',
      params: { workspaceId: 'ws-1' },
      indexColumns: ['workspaceId', 'id'],
    });
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
        studyId: 's-1',
        sessionId: 'x-1',
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
      'e.studyId = :studyId',
      'e.sessionId = :sessionId',
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
      studyId: 's-1',
      sessionId: 'x-1',
      from,
      to,
    });
  });

  it('L1: the recipient is matched in E.164 whatever format it came in', () => {
    expect(commsLogWhere('ws-1', { recipient: '020 7946 0018' }, 'GB').params.recipientPhone).toBe('+442079460018');
  });

  it('C2: a search that reads as a phone number matches the recipient in E.164, whatever its format', () => {
    for (const typed of ['(415) 555-0101', '415.555.0101', '+1 415 555 0101']) {
      const { where, params } = commsLogWhere('ws-1', { search: typed }, 'US');
      expect(where).toBe('e.workspaceId = :workspaceId AND e.recipientPhone = :searchPhone');
      expect(params.searchPhone).toBe('+14155550101');
    }
    // With a recipient filter as well, both must hold.
    const both = commsLogWhere('ws-1', { recipient: '+14155550102', search: '415 555 0101' }, 'US');
    expect(both.params).toMatchObject({ recipientPhone: '+14155550102', searchPhone: '+14155550101' });
  });

  it("C2: any other search matches the people the service found by name or email, and nothing when it found nobody", () => {
    const people = { participantIds: ['p-1', 'p-2'], employeeIds: ['e-9'] };
    const found = commsLogWhere('ws-1', { search: 'ada' }, 'US', people);
    expect(found.where).toBe('e.workspaceId = :workspaceId AND (e.participantId IN (:...searchParticipants) OR e.employeeId IN (:...searchEmployees))');
    expect(found.params).toMatchObject({ searchParticipants: ['p-1', 'p-2'], searchEmployees: ['e-9'] });
    expect(found.indexColumns).toBeNull();
    const employeesOnly = commsLogWhere('ws-1', { search: 'ada' }, 'US', { participantIds: [], employeeIds: ['e-9'] });
    expect(employeesOnly.where).toBe('e.workspaceId = :workspaceId AND (e.employeeId IN (:...searchEmployees))');
    expect(employeesOnly.indexColumns).toEqual(['workspaceId', 'employeeId', 'id']);
    expect(commsLogWhere('ws-1', { search: 'nobody' }, 'US', { participantIds: [], employeeIds: [] }).where).toBe('e.workspaceId = :workspaceId AND 1 = 0');
    expect(peopleSearch({ search: ' 100%_Ada ' })).toBe('100%_Ada');
    expect(peopleSearch({ search: '(415) 555-0101' })).toBeNull();
  });

  it('C2: a page reads the index of its most selective equality, newest first', () => {
    expect(commsLogWhere('ws-1', { status: MessageStatus.FAILED }, 'US').indexColumns).toEqual(['workspaceId', 'status', 'id']);
    expect(commsLogWhere('ws-1', { status: MessageStatus.FAILED, kind: MessageKind.REMINDER }, 'US').indexColumns).toEqual(['workspaceId', 'kind', 'id']);
    expect(commsLogWhere('ws-1', { kind: MessageKind.REMINDER, sessionId: 'x-1' }, 'US').indexColumns).toEqual(['workspaceId', 'sessionId', 'id']);
    expect(commsLogWhere('ws-1', { from: new Date(), direction: MessageDirection.INBOUND }, 'US').indexColumns).toEqual(['workspaceId', 'id']);
  });

  it('C2: a phone-shaped search that is not a valid number is a field error naming filter.search', () => {
    expect(() => commsLogWhere('ws-1', { search: '555-0000-000' }, 'US')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.search' }));
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
