import { Auth } from '@vonage/auth';
import { NumberInsights } from '@vonage/number-insights';
import type { CarrierInfo, CarrierLookup } from '../providers/sms-provider.js';

const NUMBER_INSIGHT_TIMEOUT_MS = 10_000;

/** E7: a carrier look-up that found nothing usable. `retryable` when trying later may help. */
export class CarrierLookupError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'CarrierLookupError';
  }
}

interface NumberInsightLookupOptions {
  apiKey: string;
  apiSecret: string;
  /** VONAGE_API_HOST: the stand-in in tests and local runs. */
  apiHost?: string;
  timeoutMs?: number;
}

// Number Insight status: 1 throttled and 5 internal error pass; 3 invalid
// request, 4 bad credentials, 9 out of credit and 19 facility not allowed do not.
const RETRYABLE_STATUS = new Set([1, 5]);

// Carrier names Number Insight gives when it does not know.
const UNKNOWN_NAMES = /^(unknown|n\/a|)$/i;

// E7: Vonage Number Insight Standard behind CarrierLookup (the API is retired
// in Feb 2027; another implementation can replace this one).
export class VonageNumberInsightLookup implements CarrierLookup {
  private readonly client: NumberInsights;

  constructor(private readonly options: NumberInsightLookupOptions) {
    this.client = new NumberInsights(new Auth({ apiKey: options.apiKey, apiSecret: options.apiSecret }), {
      apiHost: options.apiHost,
      timeout: options.timeoutMs ?? NUMBER_INSIGHT_TIMEOUT_MS,
    });
  }

  async lookup(phone: string): Promise<CarrierInfo> {
    let answer;
    try {
      answer = await this.client.standardLookup(phone.replace(/^\+/, ''));
    } catch (error) {
      throw fromError(error, this.options.timeoutMs ?? NUMBER_INSIGHT_TIMEOUT_MS);
    }
    const status = Number(answer.status);
    if (status !== 0) {
      throw new CarrierLookupError(`NI_${status}`, `Number Insight answered status ${status}: ${answer.status_message}`, RETRYABLE_STATUS.has(status));
    }
    const carrier = answer.current_carrier;
    const name = carrier?.name?.trim() ?? '';
    return {
      carrierName: UNKNOWN_NAMES.test(name) ? null : name,
      networkCode: carrier?.network_code ? String(carrier.network_code) : null,
      lineType: carrier?.network_type ? String(carrier.network_type) : null,
    };
  }
}

function fromError(error: unknown, timeoutMs: number): CarrierLookupError {
  if ((error as Error)?.name === 'AbortError') {
    return new CarrierLookupError('TIMEOUT', `Number Insight did not answer within ${timeoutMs} ms`, true);
  }
  const httpStatus = (error as { response?: { status?: number } })?.response?.status;
  if (typeof httpStatus === 'number') {
    return new CarrierLookupError(`HTTP_${httpStatus}`, `Number Insight answered HTTP ${httpStatus}`, httpStatus === 429 || httpStatus >= 500);
  }
  return new CarrierLookupError('NETWORK', `Could not reach Number Insight: ${(error as Error)?.message ?? String(error)}`, true);
}
