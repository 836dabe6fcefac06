import { Auth } from '@vonage/auth';
import { SMS, type SMSMessages } from '@vonage/sms';
import { MessageChannel } from '../../comms-log/comms-log.enums.js';
import type { RateCost, RateLimiter, RateRelease } from '../rate-limit/rate-limiter.js';
import { countSmsSegments } from '../templates/sms-segments.util.js';
import type { OutgoingSms, SendResult, SmsProvider } from './sms-provider.js';
import { SUBMISSION_STATUS_TEXT, submissionStatusOutcome, THROTTLE_RETRY_AFTER_MS } from './vonage-codes.js';

/** How long one POST /sms/json may take before it is abandoned and retried later. */
const VONAGE_SEND_TIMEOUT_MS = 10_000;

interface VonageSmsProviderOptions {
  apiKey: string;
  apiSecret: string;
  /** VONAGE_REST_HOST: the stand-in in tests and local runs. */
  restHost?: string;
  timeoutMs?: number;
  /** L7: awaited before every request, with the text's sender and segments. */
  rateLimiter?: RateLimiter;
}

// L7: what one text costs against the key's and its sender's limits.
const rateCost = (sms: OutgoingSms): RateCost => ({ sender: sms.from, segments: countSmsSegments(sms.text).segments });

// Vonage's SMS API wants numbers without the leading "+".
const vonageNumber = (phone: string) => phone.replace(/^\+/, '');

// Direct SMS through Vonage's SMS API (@vonage/sms). What each answer means is
// decided in vonage-codes.ts; this class only talks HTTP and maps errors.
export class VonageSmsProvider implements SmsProvider {
  readonly channel = MessageChannel.SMS;
  private readonly client: SMS;

  constructor(private readonly options: VonageSmsProviderOptions) {
    this.client = new SMS(new Auth({ apiKey: options.apiKey, apiSecret: options.apiSecret }), {
      restHost: options.restHost,
      timeout: options.timeoutMs ?? VONAGE_SEND_TIMEOUT_MS,
    });
  }

  async awaitTurn(sms: OutgoingSms): Promise<Extract<SendResult, { outcome: 'retry' }> | null> {
    try {
      await this.options.rateLimiter?.acquire(rateCost(sms));
      return null;
    } catch (error) {
      // The shared limiter (Redis) is out of reach: hold the text rather than risk the key's limit.
      return { outcome: 'retry', errorCode: 'RATE_LIMITER', reason: `Rate limiter unavailable: ${(error as Error).message}` };
    }
  }

  async send(sms: OutgoingSms): Promise<SendResult> {
    let answered: RateRelease | undefined;
    try {
      // L7: the exact rolling-window check, as close to the request as it gets.
      answered = await this.options.rateLimiter?.admit(rateCost(sms));
    } catch (error) {
      return { outcome: 'retry', errorCode: 'RATE_LIMITER', reason: `Rate limiter unavailable: ${(error as Error).message}` };
    }
    try {
      const answer = await this.client.send({
        from: vonageNumber(sms.from),
        to: vonageNumber(sms.to),
        text: sms.text,
        clientRef: sms.clientRef,
      });
      return fromMessages(answer);
    } catch (error) {
      return fromError(error, this.options.timeoutMs ?? VONAGE_SEND_TIMEOUT_MS);
    } finally {
      await answered?.();
    }
  }
}

// One part of the answer; the SDK gives each key in kebab-case and camelCase.
interface AnsweredPart {
  status?: string;
  messageId?: string;
  errorText?: string;
}

function fromMessages(answer: SMSMessages): SendResult {
  const parts = (answer.messages ?? []) as AnsweredPart[];
  const refused = parts.filter((part) => part.status !== '0');
  const accepted = parts.filter((part) => part.status === '0');
  if (parts.length === 0) return { outcome: 'retry', errorCode: 'NO_MESSAGES', reason: 'Vonage answered without any message status' };
  if (refused.length === 0) return { outcome: 'sent', providerMessageId: String(accepted[0].messageId) };

  const first = refused[0];
  const status = String(first.status ?? '');
  const reason = first.errorText || SUBMISSION_STATUS_TEXT[status] || `Vonage status ${status}`;
  // Some parts are already on their way: sending the text again would repeat them (L2).
  if (accepted.length > 0) {
    return {
      outcome: 'failed',
      errorCode: status,
      reason: `Vonage accepted ${accepted.length} of ${parts.length} parts; the rest were refused: ${reason}`,
      directUnavailable: false,
    };
  }
  switch (submissionStatusOutcome(status)) {
    case 'retry':
      return status === '1'
        ? { outcome: 'retry', errorCode: status, reason, retryAfterMs: THROTTLE_RETRY_AFTER_MS }
        : { outcome: 'retry', errorCode: status, reason };
    case 'failed-direct-unavailable':
      return { outcome: 'failed', errorCode: status, reason, directUnavailable: true };
    default:
      return { outcome: 'failed', errorCode: status, reason, directUnavailable: false };
  }
}

interface HttpFailure {
  response?: { status?: number; headers?: { get(name: string): string | null } };
}

function fromError(error: unknown, timeoutMs: number): SendResult {
  // The SDK throws an SMSFailure (with the parsed answer) when any part was refused.
  const failure = error as { getResponse?: () => SMSMessages };
  if (typeof failure?.getResponse === 'function') return fromMessages(failure.getResponse());

  const httpStatus = (error as HttpFailure)?.response?.status;
  if (typeof httpStatus === 'number') {
    const errorCode = `HTTP_${httpStatus}`;
    if (httpStatus === 429) {
      const retryAfterSeconds = Number((error as HttpFailure).response?.headers?.get('retry-after'));
      const retryAfterMs = retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : THROTTLE_RETRY_AFTER_MS;
      return { outcome: 'retry', errorCode, reason: 'Vonage answered 429 Too Many Requests', retryAfterMs };
    }
    if (httpStatus >= 500) return { outcome: 'retry', errorCode, reason: `Vonage answered HTTP ${httpStatus}` };
    return { outcome: 'failed', errorCode, reason: `Vonage answered HTTP ${httpStatus}`, directUnavailable: false };
  }
  if ((error as Error)?.name === 'AbortError') {
    return { outcome: 'retry', errorCode: 'TIMEOUT', reason: `Vonage did not answer within ${timeoutMs} ms` };
  }
  // Refused connections, DNS failures, resets: the text was not handed over.
  return { outcome: 'retry', errorCode: 'NETWORK', reason: `Could not reach Vonage: ${(error as Error)?.message ?? String(error)}` };
}
