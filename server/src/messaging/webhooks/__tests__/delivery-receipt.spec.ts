import { describe, expect, it } from 'vitest';
import { parseDeliveryReceipt } from '../delivery-receipt.js';
import { parseInboundSms } from '../inbound-sms.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const RECEIPT = {
  msisdn: '14155550100',
  to: '13306619491',
  'network-code': '310260',
  messageId: '0A00000012345678',
  price: '0.00750000',
  status: 'delivered',
  scts: '2603020959',
  'err-code': '0',
  'api-key': 'abcd1234',
  'message-timestamp': '2026-03-02 09:59:30',
};

describe('L3: reading Vonage delivery receipts', () => {
  it.each([
    ['delivered', '0', 'DELIVERED', null, false],
    ['failed', '5', 'FAILED', '5', false],
    ['rejected', '4', 'FAILED', '4', false],
    ['expired', '2', 'FAILED', '2', false],
    ['failed', '9', 'FAILED', '9', true],
    ['rejected', '9', 'FAILED', '9', true],
    ['accepted', '0', null, null, false],
    ['buffered', '0', null, null, false],
    ['unknown', '0', null, null, false],
  ])('L3: status %s with err-code %s becomes %s (code %s, carrier opt-out %s)', (status, errCode, outcome, errorCode, carrierOptOut) => {
    const parsed = parseDeliveryReceipt({ ...RECEIPT, status, 'err-code': errCode }, NOW);
    expect(parsed.ok && parsed.value).toMatchObject({ update: { outcome, errorCode }, carrierOptOut, recipient: '+14155550100' });
  });

  it('L3: the receipt time is the carrier time (scts), then the receipt time, then now', () => {
    const at = (params: Record<string, string>) => {
      const parsed = parseDeliveryReceipt(params, NOW);
      return parsed.ok ? parsed.value.update.at.toISOString() : parsed.problem;
    };
    expect(at(RECEIPT)).toBe('2026-03-02T09:59:00.000Z');
    expect(at({ ...RECEIPT, scts: '' })).toBe('2026-03-02T09:59:30.000Z');
    expect(at({ ...RECEIPT, scts: '2602310959' })).toBe('2026-03-02T09:59:30.000Z');
    expect(at({ ...RECEIPT, scts: '', 'message-timestamp': '2026-13-01 00:00:00' })).toBe(NOW.toISOString());
  });

  it('L3: client-ref is passed on for entries left without a provider id', () => {
    const parsed = parseDeliveryReceipt({ ...RECEIPT, 'client-ref': '42' }, NOW);
    expect(parsed.ok && parsed.value.update.clientRef).toBe('42');
  });

  it.each([
    ['no messageId', { messageId: '' }],
    ['no msisdn', { msisdn: undefined }],
    ['a msisdn that is no number', { msisdn: 'TOCK' }],
    ['no status', { status: ' ' }],
    ['an err-code that is no number', { 'err-code': 'x9' }],
  ])('L3: a receipt with %s is malformed', (_name, change) => {
    const params = Object.fromEntries(Object.entries({ ...RECEIPT, ...change }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(parseDeliveryReceipt(params, NOW).ok).toBe(false);
  });
});

describe('K1: reading Vonage inbound messages', () => {
  const INBOUND = { msisdn: '14155550100', to: '13306619491', messageId: '0B0000001', text: 'STOP', type: 'text', keyword: 'STOP', 'message-timestamp': '2026-03-02 10:00:00' };

  it('K1: numbers become E.164 and the text is kept as sent', () => {
    expect(parseInboundSms({ ...INBOUND, text: ' Stop ' })).toEqual({
      ok: true,
      value: { messageId: '0B0000001', from: '+14155550100', to: '+13306619491', text: ' Stop ', concat: null },
    });
  });

  it('K1: a part of a long text says which part of how many, under which reference', () => {
    const parsed = parseInboundSms({ ...INBOUND, concat: 'true', 'concat-ref': '7', 'concat-total': '2', 'concat-part': '2' });
    expect(parsed.ok && parsed.value.concat).toEqual({ ref: '7', total: 2, part: 2 });
  });

  it.each([
    ['no messageId', { messageId: undefined }],
    ['no msisdn', { msisdn: undefined }],
    ['no to', { to: '' }],
    ['no text', { text: undefined }],
    ['a part beyond the total', { concat: 'true', 'concat-ref': '7', 'concat-total': '2', 'concat-part': '3' }],
    ['a part without a reference', { concat: 'true', 'concat-total': '2', 'concat-part': '1' }],
    ['a part count that is no number', { concat: 'true', 'concat-ref': '7', 'concat-total': 'two', 'concat-part': '1' }],
  ])('K1: an inbound message with %s is malformed', (_name, change) => {
    const params = Object.fromEntries(Object.entries({ ...INBOUND, ...change }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(parseInboundSms(params).ok).toBe(false);
  });
});
