import { describe, expect, it } from 'vitest';
import { explainProviderCode } from '../../messaging/providers/provider-code-explanations.js';
import { SkipReason } from '../../send-policy/skip-reason.js';
import { MessageChannel, MessageStatus } from '../comms-log.enums.js';
import { historyEventOf } from '../history-event-of.util.js';
import { MessageEventType } from '../message-event-type.enum.js';

const { QUEUED, SENDING, SENT, FAILED, SKIPPED } = MessageStatus;

describe('historyEventOf: the timeline row of each transition (C2)', () => {
  it.each([
    ['claim', QUEUED, { status: SENDING, attempts: 2 }, { type: MessageEventType.ATTEMPT_STARTED, attempt: 2 }],
    ['skip', QUEUED, { status: SKIPPED, skipReason: SkipReason.OPTED_OUT }, { type: MessageEventType.SKIPPED, code: 'OPTED_OUT' }],
    ['quiet hours', QUEUED, { holdReason: 'held for quiet hours until 8:00 AM' }, { type: MessageEventType.HELD, detail: 'held for quiet hours until 8:00 AM' }],
    ['rate-limit wait', QUEUED, { errorCode: 'RATE_LIMITER', errorReason: 'down' }, { type: MessageEventType.WAITING, code: 'RATE_LIMITER' }],
    ['gave up', QUEUED, { status: FAILED, errorReason: 'Gave up after retries: x' }, { type: MessageEventType.FAILED, attempt: 3, detail: 'Gave up after retries: x' }],
    ['sent', SENDING, { status: SENT, providerMessageId: 'abc', channel: MessageChannel.SMS }, { type: MessageEventType.SENT, attempt: 3, detail: 'provider id abc, via SMS' }],
    ['provider said later', SENDING, { status: QUEUED, errorCode: '1', errorReason: 'Throttled' }, { type: MessageEventType.RETRY_SCHEDULED, attempt: 3, code: '1' }],
    ['claim handed back', SENDING, { status: QUEUED }, { type: MessageEventType.ATTEMPT_RETURNED, attempt: 3 }],
    ['interrupted', SENDING, { status: FAILED, errorCode: 'INTERRUPTED' }, { type: MessageEventType.INTERRUPTED, code: 'INTERRUPTED' }],
    ['refused', SENDING, { status: FAILED, errorCode: '7', errorReason: 'Number Barred' }, { type: MessageEventType.FAILED, code: '7', detail: 'Number Barred' }],
    ['sent after all (L6)', FAILED, { status: SENT, providerMessageId: 'late' }, { type: MessageEventType.SENT, detail: 'provider id late' }],
  ] as const)('%s', (_name, from, patch, expected) => {
    expect(historyEventOf(from, patch, 3)).toMatchObject(expected);
  });

  it('a change the timeline does not show gives no row', () => {
    expect(historyEventOf(QUEUED, { updatedAt: new Date() })).toBeNull();
    expect(historyEventOf(SENT, { status: SENT })).toBeNull();
  });
});

describe('explainProviderCode: Vonage and Tock codes in words (C2)', () => {
  it.each([
    ['7', 'SUBMISSION', 'Vonage send status', /Do not resend/],
    ['9', 'SUBMISSION', 'Vonage send status', /Top up/],
    ['29', 'SUBMISSION', 'Vonage send status', /test numbers/],
    ['9', 'RECEIPT', 'Vonage delivery receipt', /opt-out/],
    ['6', 'RECEIPT', 'Vonage delivery receipt', /10DLC/],
    ['expired', 'RECEIPT', 'Vonage delivery receipt', /Resend/],
    ['INTERRUPTED', 'SUBMISSION', 'Tock', /resend if it did not arrive/],
    ['HTTP_503', 'SUBMISSION', 'Vonage HTTP', /tries again/],
  ] as const)('%s (%s)', (code, stage, source, whatToDo) => {
    const explained = explainProviderCode(code, stage);
    expect(explained).toMatchObject({ source });
    expect(explained!.whatToDo).toMatch(whatToDo);
  });

  it('the same number means different things at send and at receipt; an unknown code is not explained', () => {
    expect(explainProviderCode('7', 'SUBMISSION')!.title).toBe('Number barred');
    expect(explainProviderCode('7', 'RECEIPT')!.title).toBe('Handset busy');
    expect(explainProviderCode('4242', 'RECEIPT')).toBeNull();
    expect(explainProviderCode(null, 'RECEIPT')).toBeNull();
  });
});
