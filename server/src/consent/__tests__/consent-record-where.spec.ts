import { describe, expect, it } from 'vitest';
import { TockError } from '../../common/tock-error.js';
import { consentRecordWhere } from '../consent-record-where.util.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';

describe('consentRecordWhere', () => {
  it('K6: an empty filter still scopes to the workspace', () => {
    expect(consentRecordWhere('ws-1', {}, 'US')).toEqual({ where: 'r.workspaceId = :workspaceId', params: { workspaceId: 'ws-1' } });
  });

  it('K5: every filter field becomes one AND-ed condition on its column', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-02-01T00:00:00Z');
    const { where, params } = consentRecordWhere(
      'ws-1',
      {
        subjectType: ConsentSubjectType.EMPLOYEE,
        subjectId: 'emp-1',
        phone: '(415) 555-0101',
        action: ConsentAction.REVOKED,
        source: ConsentSource.KEYWORD,
        from,
        to,
      },
      'US',
    );
    expect(where.split(' AND ')).toEqual([
      'r.workspaceId = :workspaceId',
      'r.subjectType = :subjectType',
      'r.subjectId = :subjectId',
      'r.phone = :phone',
      'r.action = :action',
      'r.source = :source',
      'r.createdAt >= :from',
      'r.createdAt < :to',
    ]);
    expect(params).toEqual({
      workspaceId: 'ws-1',
      subjectType: 'EMPLOYEE',
      subjectId: 'emp-1',
      phone: '+14155550101',
      action: 'REVOKED',
      source: 'KEYWORD',
      from,
      to,
    });
  });

  it('A5: a bad phone is a field error naming filter.phone', () => {
    const error = (() => {
      try {
        consentRecordWhere('ws-1', { phone: 'call me maybe' }, 'US');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TockError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.phone' });
  });

  it('A6: a time range that ends before it starts is a field error', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(() => consentRecordWhere('ws-1', { from: at, to: at }, 'US')).toThrow(expect.objectContaining({ field: 'filter.to' }));
  });
});
