import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../consent-record.entity.js';
import { consentRecordsCsv } from '../consent-records-csv.util.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent.enums.js';
import { guardCsvFormula } from '../../common/csv-formula-guard.util.js';
import { parseCsv } from './parse-csv.js';

const record = (overrides: Partial<ConsentRecord>): ConsentRecord =>
  ({
    id: '1',
    workspaceId: 'ws-1',
    subjectType: ConsentSubjectType.PARTICIPANT,
    subjectId: 'p-1',
    phone: '+14155550101',
    action: ConsentAction.GRANTED,
    source: ConsentSource.SIGNUP_FORM,
    studyId: null,
    sessionId: null,
    bookingId: null,
    disclosureVersion: null,
    disclosureText: null,
    ipAddress: null,
    userAgent: null,
    actorApiKeyId: null,
    actorLabel: null,
    attestation: null,
    keyword: null,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    ...overrides,
  }) as ConsentRecord;

describe('consent CSV', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['+14155550101', '+14155550101'],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
  ])('K5: the formula guard turns %j into %j', (cell, expected) => {
    expect(guardCsvFormula(cell)).toBe(expected);
  });

  it('K5: the header names every field and an empty export is the header alone', () => {
    expect(parseCsv(consentRecordsCsv([]))).toEqual([
      [
        'id',
        'createdAt',
        'workspaceId',
        'subjectType',
        'subjectId',
        'phone',
        'action',
        'source',
        'studyId',
        'sessionId',
        'bookingId',
        'disclosureVersion',
        'disclosureText',
        'ipAddress',
        'userAgent',
        'actorApiKeyId',
        'actorLabel',
        'attestation',
        'keyword',
      ],
    ]);
  });

  it('K5: commas, quotes and newlines survive a round trip; nulls are empty; timestamps are ISO', () => {
    const text = 'Reply STOP, or "HELP".\nRates apply';
    const [, row] = parseCsv(consentRecordsCsv([record({ disclosureText: text, attestation: '=HYPERLINK("http://x")' })]));
    expect(row).toHaveLength(19);
    expect(row[1]).toBe('2026-01-02T03:04:05.678Z');
    expect(row[5]).toBe('+14155550101');
    expect(row[8]).toBe('');
    expect(row[12]).toBe(text);
    expect(row[17]).toBe(`'=HYPERLINK("http://x")`);
  });
});
