import { describe, expect, it } from 'vitest';
import {
  receiptMeansCarrierOptOut,
  receiptMeansDirectUnavailable,
  receiptStatusToOutcome,
  submissionStatusOutcome,
} from '../vonage-codes.js';

describe('Vonage submission status codes', () => {
  it.each([
    ['0', 'sent'],
    ['1', 'retry'],
    ['5', 'retry'],
    ['10', 'retry'],
    ['22', 'failed-direct-unavailable'],
    ['29', 'failed-direct-unavailable'],
    ['2', 'failed'],
    ['3', 'failed'],
    ['4', 'failed'],
    ['6', 'failed'],
    ['7', 'failed'],
    ['8', 'failed'],
    ['9', 'failed'],
    ['11', 'failed'],
    ['12', 'failed'],
    ['14', 'failed'],
    ['15', 'failed'],
    ['23', 'failed'],
    ['32', 'failed'],
    ['33', 'failed'],
    ['999', 'failed'],
  ])('L5/E8: status %s means %s', (status, outcome) => {
    expect(submissionStatusOutcome(status)).toBe(outcome);
  });
});

describe('Vonage delivery receipt err-codes', () => {
  it.each([
    ['11', true],
    ['12', true],
    [11, true],
    ['0', false],
    ['1', false],
    ['5', false],
    ['9', false],
    ['14', false],
    [null, false],
    [undefined, false],
  ])('E8: err-code %s means direct delivery unavailable: %s', (code, expected) => {
    expect(receiptMeansDirectUnavailable(code)).toBe(expected);
  });

  it.each([
    ['9', true],
    [9, true],
    ['0', false],
    ['4', false],
    ['6', false],
    ['99', false],
    ['', false],
    [null, false],
  ])('K7: err-code %s means opted out at the carrier: %s', (code, expected) => {
    expect(receiptMeansCarrierOptOut(code)).toBe(expected);
  });

  it.each([
    ['delivered', '0', { status: 'DELIVERED' }],
    ['DELIVERED', '0', { status: 'DELIVERED' }],
    ['accepted', '0', { status: 'PENDING' }],
    ['buffered', '2', { status: 'PENDING' }],
    ['unknown', '0', { status: 'PENDING' }],
    ['unknown', '1', { status: 'FAILED', errorCode: '1', reason: 'Unknown' }],
    ['failed', '9', { status: 'FAILED', errorCode: '9', reason: 'Illegal number (opted out at the carrier)' }],
    ['failed', '11', { status: 'FAILED', errorCode: '11', reason: 'Unroutable' }],
    ['rejected', '6', { status: 'FAILED', errorCode: '6', reason: 'Anti-spam rejection' }],
    ['expired', '2', { status: 'FAILED', errorCode: '2', reason: 'Absent subscriber (temporary)' }],
    ['expired', '0', { status: 'FAILED', errorCode: 'EXPIRED', reason: 'Receipt status expired' }],
    ['failed', undefined, { status: 'FAILED', errorCode: 'FAILED', reason: 'Receipt status failed' }],
    ['failed', '77', { status: 'FAILED', errorCode: '77', reason: 'Delivery error 77' }],
    ['something-new', '0', { status: 'PENDING' }],
  ])('L3: receipt status %s with err-code %s moves the entry to %o', (status, code, outcome) => {
    expect(receiptStatusToOutcome(status, code)).toEqual(outcome);
  });
});
