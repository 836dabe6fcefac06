import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { signWebhookParams, type SignatureMethod } from './webhook-signature.js';

// A local stand-in for the parts of Vonage Tock uses: the SMS API
// (POST /sms/json), Number Insight Standard (/ni/standard/json), and the signed
// delivery-receipt and inbound-message webhooks Vonage sends back. It answers
// in Vonage's documented shapes (strings for numbers, kebab-case keys) so the
// real SDK talks to it unchanged through VONAGE_REST_HOST / VONAGE_API_HOST.

export type StandInRoute = 'sms' | 'numberInsight';

/** Faults injected into one route. */
export interface StandInFault {
  /** Wait this long before answering. */
  latencyMs?: number;
  /** Answer with this HTTP status (e.g. 500, 503) and no Vonage body. */
  httpStatus?: number;
  /** Status "1" (throttled): `true` while set, a number for the next N requests. */
  throttle?: boolean | number;
  /** Never answer (the client must time out). */
  timeout?: boolean;
}

export interface StandInCarrier {
  name: string;
  networkCode: string;
  /** ISO 3166-1 alpha-2; defaults to the number's country. */
  country?: string;
  networkType?: 'mobile' | 'landline' | 'landline_premium' | 'landline_tollfree' | 'virtual' | 'unknown' | 'pager';
  /** The carrier the number was first assigned to, when it has been ported. */
  original?: { name: string; networkCode: string };
}

export interface StandInOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Signs webhooks when set (Vonage: "signed webhooks" on the account). */
  signatureSecret?: string;
  signatureMethod?: SignatureMethod;
  /** How webhooks are posted: Vonage's "POST-JSON" (default) or "POST" (form). */
  webhookFormat?: 'json' | 'form';
  receiptPath?: string;
  inboundPath?: string;
  /** number (E.164, with or without +) -> carrier, for Number Insight. */
  carriers?: Record<string, StandInCarrier>;
  /** The network reported for accepted texts when the destination has no carrier entry. */
  defaultNetworkCode?: string;
  /** Texts longer than this many characters answer status 12. */
  maxTextLength?: number;
  /** For local runs: deliver a receipt for every accepted part after delayMs. */
  autoReceipt?: { webhookBaseUrl: string; delayMs?: number; status?: string; errCode?: string };
  /**
   * L7: Vonage's throughput limit, enforced over a rolling window: a request that
   * would put more than `perSecond` requests (or segments) into the last
   * `windowMs` (default 1000) answers status 1, "Throughput Rate Exceeded".
   */
  rateLimit?: StandInRateLimit;
  /** One line per request and webhook, for local runs. */
  log?: (line: string) => void;
}

export interface StandInRateLimit {
  perSecond: number;
  /** What the limit counts; Vonage counts API requests on the key, carriers count segments. */
  unit?: 'request' | 'segment';
  windowMs?: number;
}

/** One accepted POST /sms/json (one entry even when Vonage split it into parts). */
export interface StandInMessage {
  messageId: string;
  messageIds: string[];
  from: string;
  to: string;
  text: string;
  clientRef?: string;
  callback?: string;
  type?: string;
  parts: number;
  acceptedAt: Date;
}

/** Every POST /sms/json that reached the stand-in, and what it answered. */
export interface StandInSmsRequest {
  to?: string;
  text?: string;
  clientRef?: string;
  /** The Vonage status answered, or `http <code>` / `timeout` for injected faults. */
  answer: string;
  /** The caller hung up (or died) before the answer: it never learnt what became of the text. */
  callerGone: boolean;
  at: Date;
}

export interface StandInLookup {
  number: string;
  status: number;
  at: Date;
}

export interface WebhookOptions {
  /** `invalid` sends a wrong sig, `none` leaves it out (A3 tests). */
  sign?: 'valid' | 'invalid' | 'none';
  format?: 'json' | 'form';
}

export interface ReceiptOptions extends WebhookOptions {
  status?: 'delivered' | 'expired' | 'failed' | 'rejected' | 'accepted' | 'buffered' | 'unknown';
  errCode?: string | number;
  /** For ids the stand-in never issued (L3: unknown ids). */
  msisdn?: string;
  to?: string;
  clientRef?: string;
}

export interface InboundOptions extends WebhookOptions {
  from: string;
  to: string;
  text: string;
  /** Split into this many concatenated parts, or send exactly these parts. */
  parts?: number | string[];
  /** Send the parts last-first (they may arrive out of order). */
  reversed?: boolean;
}

export interface WebhookDelivery {
  url: string;
  params: Record<string, string>;
  status: number;
  body: string;
}

export interface VonageStandIn {
  url: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  signatureSecret?: string;
  messages: StandInMessage[];
  smsRequests: StandInSmsRequest[];
  /** POST /sms/json requests that arrived and are not answered (or dropped) yet: the calls in flight. */
  readonly smsInFlight: number;
  lookups: StandInLookup[];
  setFault(route: StandInRoute, fault: StandInFault): void;
  /** Clears every route fault and every forced status. */
  clearFaults(): void;
  /** Texts to numbers starting with `phonePrefix` answer `status` (e.g. '+1555', 22). */
  forceStatus(phonePrefix: string, status: string | number, errorText?: string): void;
  setCarrier(phone: string, carrier: StandInCarrier | null): void;
  /** L7: turns the rolling-window throughput limit on (or off with null). */
  setRateLimit(limit: StandInRateLimit | null): void;
  /** L7: the most requests (or segments) accepted in any rolling window of `windowMs`. */
  busiestWindow(windowMs?: number, unit?: 'request' | 'segment'): number;
  deliverReceipt(webhookBaseUrl: string, messageId: string, options?: ReceiptOptions): Promise<WebhookDelivery>;
  sendInbound(webhookBaseUrl: string, options: InboundOptions): Promise<WebhookDelivery[]>;
  /** Resolves when a POST /sms/json for `to` (digits, as Vonage receives it) arrives, before any fault or answer. */
  waitForRequest(to: string): Promise<void>;
  /** Resolves with the first accepted text matching `match`, now or when it arrives. */
  waitForMessage(match: (message: StandInMessage) => boolean): Promise<StandInMessage>;
  stop(): Promise<void>;
}

// Vonage's error-text for each submission status, as its API words them.
const ERROR_TEXT: Record<string, string> = {
  '1': 'Throughput Rate Exceeded - please wait [ 0 ] and retry',
  '2': 'Missing params',
  '3': 'Invalid params',
  '4': 'Bad Credentials',
  '5': 'Internal Error',
  '6': 'Invalid Message',
  '7': 'Number Barred',
  '8': 'Partner Account Barred',
  '9': 'Partner Quota Exceeded',
  '10': 'Too Many Existing Binds',
  '11': 'Account Not Enabled For HTTP',
  '12': 'Message Too Long',
  '14': 'Invalid Signature',
  '15': 'Illegal Sender Address - rejected',
  '22': 'Invalid Network Code',
  '23': 'Invalid Callback Url',
  '29': 'Non White-listed Destination - rejected',
  '32': 'Signature And API Secret Disallowed',
  '33': 'Number De-activated',
};

const PRICE_PER_PART = 0.0075;
const LOOKUP_PRICE = 0.005;
// GSM 03.38 basic set and extension table; anything else makes the text UCS-2.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;
const ISO3: Record<string, [string, string]> = {
  US: ['USA', 'United States of America'],
  CA: ['CAN', 'Canada'],
  GB: ['GBR', 'United Kingdom'],
  DE: ['DEU', 'Germany'],
  FR: ['FRA', 'France'],
};

const digits = (phone: string) => phone.replace(/^\+/, '').trim();
const money = (n: number) => n.toFixed(8);
const pad = (n: number) => String(n).padStart(2, '0');
const vonageTimestamp = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const scts = (d: Date) => `${String(d.getUTCFullYear()).slice(2)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;

function splitIntoParts(text: string): number {
  const gsm = GSM7.test(text);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / part);
}

function chunk(text: string, count: number): string[] {
  const chars = [...text];
  const size = Math.ceil(chars.length / count);
  return Array.from({ length: count }, (_, i) => chars.slice(i * size, (i + 1) * size).join(''));
}

async function readParams(req: IncomingMessage): Promise<Record<string, string>> {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://stand-in').searchParams);
  const chunks: Buffer[] = [];
  for await (const part of req) chunks.push(part as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return query;
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    const body = JSON.parse(raw) as Record<string, unknown>;
    return { ...query, ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])) };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
}

// The SDK sends HTTP Basic auth; older clients send api_key/api_secret as parameters.
function credentials(req: IncomingMessage, params: Record<string, string>): { key?: string; secret?: string } {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return { key: params.api_key, secret: params.api_secret };
}

export async function startVonageStandIn(options: StandInOptions = {}): Promise<VonageStandIn> {
  const apiKey = options.apiKey ?? 'standin-key';
  const apiSecret = options.apiSecret ?? 'standin-secret';
  const signatureMethod = options.signatureMethod ?? 'sha256';
  const receiptPath = options.receiptPath ?? '/webhooks/vonage/status';
  const inboundPath = options.inboundPath ?? '/webhooks/vonage/inbound';
  const maxTextLength = options.maxTextLength ?? 3200;
  const log = options.log ?? (() => undefined);

  const messages: StandInMessage[] = [];
  const requestWaiters = new Map<string, Array<() => void>>();
  const messageWaiters = new Set<{ match: (m: StandInMessage) => boolean; resolve: (m: StandInMessage) => void }>();
  const smsRequests: StandInSmsRequest[] = [];
  const lookups: StandInLookup[] = [];
  const faults = new Map<StandInRoute, StandInFault>();
  const forced = new Map<string, { status: string; errorText?: string }>();
  const carriers = new Map<string, StandInCarrier>(Object.entries(options.carriers ?? {}).map(([phone, c]) => [digits(phone), c]));
  const held = new Set<ServerResponse>();
  let balance = 10;
  let rateLimit = options.rateLimit ?? null;
  // Accepted requests still inside the rate window: when, and how many segments.
  const recent: { at: number; parts: number }[] = [];
  const accepted: { at: number; parts: number }[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const smsError = (status: string, errorText?: string) => ({
    'message-count': '1',
    messages: [{ status, 'error-text': errorText ?? ERROR_TEXT[status] ?? 'Error' }],
  });

  // Applies a route's faults; answers and returns true when a fault took the request.
  async function applyFaults(route: StandInRoute, res: ServerResponse): Promise<'held' | 'http' | 'throttled' | null> {
    const fault = faults.get(route);
    if (!fault) return null;
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.timeout) {
      held.add(res);
      res.on('close', () => held.delete(res));
      return 'held';
    }
    if (fault.httpStatus) {
      json(res, fault.httpStatus, { type: 'https://developer.vonage.com/api-errors', title: 'Injected fault', status: fault.httpStatus });
      return 'http';
    }
    if (fault.throttle) {
      if (typeof fault.throttle === 'number') fault.throttle -= 1;
      return 'throttled';
    }
    return null;
  }

  function forcedFor(to: string) {
    let best: { prefix: string; status: string; errorText?: string } | null = null;
    for (const [prefix, answer] of forced) {
      if (to.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { prefix, ...answer };
    }
    return best;
  }

  let smsInFlight = 0;
  async function handleSms(req: IncomingMessage, res: ServerResponse) {
    // L7: the rate window counts arrivals, before the body is read.
    const arrivedAt = performance.now();
    smsInFlight += 1;
    let callerGone = false;
    res.once('close', () => {
      smsInFlight -= 1;
      if (!res.writableFinished) callerGone = true;
    });
    const params = await readParams(req);
    for (const arrived of requestWaiters.get(params.to ?? '') ?? []) arrived();
    requestWaiters.delete(params.to ?? '');
    const record = (answer: string) => smsRequests.push({ to: params.to, text: params.text, clientRef: params['client-ref'], answer, callerGone, at: new Date() });
    const fault = await applyFaults('sms', res);
    if (fault === 'held') return record('timeout');
    if (fault === 'http') return record(`http ${faults.get('sms')?.httpStatus}`);
    if (fault === 'throttled') {
      record('1');
      return json(res, 200, smsError('1'));
    }
    const { key, secret } = credentials(req, params);
    const refuse = (status: string, errorText?: string) => {
      record(status);
      json(res, 200, smsError(status, errorText));
    };
    if (!key) return refuse('2', 'Missing api_key');
    if (!secret) return refuse('2', 'Missing api_secret');
    if (key !== apiKey || secret !== apiSecret) return refuse('4');
    for (const name of ['from', 'to', 'text']) if (!params[name]) return refuse('2', `Missing ${name} param`);
    const to = digits(params.to);
    if (!/^\d{7,15}$/.test(to)) return refuse('3', 'Invalid to param');
    if ([...params.text].length > maxTextLength) return refuse('12');
    const forcedAnswer = forcedFor(to);
    if (forcedAnswer) return refuse(forcedAnswer.status, forcedAnswer.errorText);

    const parts = splitIntoParts(params.text);
    if (rateLimit) {
      const windowMs = rateLimit.windowMs ?? 1000;
      // Bodies finish reading out of order: drop by time, not by position.
      for (let i = recent.length - 1; i >= 0; i--) if (recent[i].at <= arrivedAt - windowMs) recent.splice(i, 1);
      const cost = (entry: { parts: number }) => (rateLimit!.unit === 'segment' ? entry.parts : 1);
      const used = recent.reduce((sum, entry) => sum + cost(entry), 0);
      if (used + cost({ parts }) > rateLimit.perSecond) return refuse('1');
      recent.push({ at: arrivedAt, parts });
    }
    accepted.push({ at: arrivedAt, parts });
    const messageIds = Array.from({ length: parts }, () => randomUUID());
    const network = carriers.get(to)?.networkCode ?? options.defaultNetworkCode ?? '310004';
    const answered = messageIds.map((id) => {
      balance -= PRICE_PER_PART;
      return {
        to,
        'message-id': id,
        status: '0',
        'remaining-balance': money(balance),
        'message-price': money(PRICE_PER_PART),
        network,
        ...(params['client-ref'] ? { 'client-ref': params['client-ref'] } : {}),
      };
    });
    const message: StandInMessage = {
      messageId: messageIds[0],
      messageIds,
      from: params.from,
      to,
      text: params.text,
      clientRef: params['client-ref'],
      callback: params.callback,
      type: params.type,
      parts,
      acceptedAt: new Date(),
    };
    messages.push(message);
    for (const waiter of messageWaiters) {
      if (waiter.match(message)) {
        messageWaiters.delete(waiter);
        waiter.resolve(message);
      }
    }
    record('0');
    log(`[vonage stand-in] sms ${params.from} -> ${to} (${parts} part${parts > 1 ? 's' : ''}, ${messageIds[0]}): ${params.text}`);
    json(res, 200, { 'message-count': String(parts), messages: answered });

    const auto = options.autoReceipt;
    if (auto) {
      setTimeout(() => {
        for (const id of messageIds) {
          deliverReceipt(auto.webhookBaseUrl, id, { status: (auto.status ?? 'delivered') as ReceiptOptions['status'], errCode: auto.errCode ?? '0' }).catch(
            (error: unknown) => log(`[vonage stand-in] receipt for ${id} not delivered: ${(error as Error).message}`),
          );
        }
      }, auto.delayMs ?? 500).unref();
    }
  }

  async function handleNumberInsight(req: IncomingMessage, res: ServerResponse) {
    const params = await readParams(req);
    const fault = await applyFaults('numberInsight', res);
    if (fault === 'held' || fault === 'http') return;
    const answer = (status: number, statusMessage: string, body: Record<string, unknown> = {}) => {
      lookups.push({ number: params.number ?? '', status, at: new Date() });
      json(res, 200, { status, status_message: statusMessage, ...body });
    };
    if (fault === 'throttled') return answer(1, 'Throttled');
    const { key, secret } = credentials(req, params);
    if (!key || !secret || key !== apiKey || secret !== apiSecret) return answer(4, 'Invalid credentials');
    if (!params.number) return answer(3, 'Invalid request :: number is missing');
    const number = digits(params.number);
    const parsed = /^\d{7,15}$/.test(number) ? parsePhoneNumberFromString(`+${number}`) : undefined;
    if (!parsed) return answer(3, `Invalid request :: Not valid number format detected [ ${params.number} ]`);

    balance -= LOOKUP_PRICE;
    const country = parsed.country ?? 'US';
    const [iso3, countryName] = ISO3[country] ?? [country, country];
    const carrier = carriers.get(number);
    // Vonage knows nothing of the carrier for some numbers: it still answers 0, with empty carrier fields.
    const current = carrier
      ? { network_code: carrier.networkCode, name: carrier.name, country: carrier.country ?? country, network_type: carrier.networkType ?? 'mobile' }
      : { network_code: null, name: null, country, network_type: null };
    const original = carrier?.original
      ? { network_code: carrier.original.networkCode, name: carrier.original.name, country: carrier.country ?? country, network_type: carrier.networkType ?? 'mobile' }
      : current;
    answer(0, 'Success', {
      request_id: randomUUID(),
      international_format_number: number,
      national_format_number: parsed.formatNational(),
      country_code: country,
      country_code_iso3: iso3,
      country_name: countryName,
      country_prefix: parsed.countryCallingCode,
      request_price: money(LOOKUP_PRICE),
      remaining_balance: money(balance),
      current_carrier: current,
      original_carrier: original,
      ported: carrier ? (carrier.original ? 'ported' : 'not_ported') : 'unknown',
      roaming: { status: 'unknown' },
    });
    log(`[vonage stand-in] number insight ${number}: ${carrier?.name ?? 'carrier unknown'}`);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const route =
      req.method === 'POST' && path === '/sms/json'
        ? handleSms(req, res)
        : (req.method === 'GET' || req.method === 'POST') && path === '/ni/standard/json'
          ? handleNumberInsight(req, res)
          : null;
    if (!route) return json(res, 404, { type: 'https://developer.vonage.com/api-errors#not-found', title: 'Not Found' });
    route.catch((error: unknown) => {
      if (!res.headersSent) json(res, 400, { title: 'Bad Request', detail: (error as Error).message });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

  async function postWebhook(target: string, fields: Record<string, string>, opts: WebhookOptions): Promise<WebhookDelivery> {
    const params: Record<string, string> = { ...fields };
    const sign = opts.sign ?? 'valid';
    if (options.signatureSecret && sign !== 'none') {
      params.timestamp = String(Math.floor(Date.now() / 1000));
      params.nonce = randomUUID();
      const sig = signWebhookParams(params, options.signatureSecret, signatureMethod);
      // A wrong signature of the right shape: the last hex digit changed.
      params.sig = sign === 'invalid' ? sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0') : sig;
    }
    const format = opts.format ?? options.webhookFormat ?? 'json';
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: format === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString(),
    });
    const delivery = { url: target, params, status: response.status, body: await response.text() };
    log(`[vonage stand-in] webhook ${target} -> ${response.status}`);
    return delivery;
  }

  function deliverReceipt(webhookBaseUrl: string, messageId: string, opts: ReceiptOptions = {}): Promise<WebhookDelivery> {
    const message = messages.find((m) => m.messageIds.includes(messageId));
    const now = new Date();
    const clientRef = opts.clientRef ?? message?.clientRef;
    const fields: Record<string, string> = {
      msisdn: digits(opts.msisdn ?? message?.to ?? '15550000000'),
      to: digits(opts.to ?? message?.from ?? '15550000001'),
      'network-code': (message && carriers.get(message.to)?.networkCode) ?? options.defaultNetworkCode ?? '310004',
      messageId,
      price: money(PRICE_PER_PART),
      status: opts.status ?? 'delivered',
      scts: scts(now),
      'err-code': String(opts.errCode ?? '0'),
      'api-key': apiKey,
      'message-timestamp': vonageTimestamp(now),
      ...(clientRef ? { 'client-ref': clientRef } : {}),
    };
    return postWebhook(new URL(receiptPath, webhookBaseUrl).toString(), fields, opts);
  }

  async function sendInbound(webhookBaseUrl: string, opts: InboundOptions): Promise<WebhookDelivery[]> {
    const parts = Array.isArray(opts.parts) ? opts.parts : opts.parts && opts.parts > 1 ? chunk(opts.text, opts.parts) : [opts.text];
    const concatRef = String(randomInt(1, 256));
    const target = new URL(inboundPath, webhookBaseUrl).toString();
    const order = parts.map((_, i) => i);
    if (opts.reversed) order.reverse();
    const deliveries: WebhookDelivery[] = [];
    for (const index of order) {
      const text = parts[index];
      const fields: Record<string, string> = {
        msisdn: digits(opts.from),
        to: digits(opts.to),
        messageId: randomUUID(),
        text,
        type: GSM7.test(text) ? 'text' : 'unicode',
        keyword: (text.trim().split(/\s+/)[0] ?? '').toUpperCase(),
        'message-timestamp': vonageTimestamp(new Date()),
        'api-key': apiKey,
        ...(parts.length > 1
          ? { concat: 'true', 'concat-ref': concatRef, 'concat-total': String(parts.length), 'concat-part': String(index + 1) }
          : {}),
      };
      deliveries.push(await postWebhook(target, fields, opts));
    }
    return deliveries;
  }

  return {
    url,
    port,
    apiKey,
    apiSecret,
    signatureSecret: options.signatureSecret,
    messages,
    waitForRequest: (to) =>
      new Promise((resolve) => {
        const digits = to.replace(/^\+/, '');
        requestWaiters.set(digits, [...(requestWaiters.get(digits) ?? []), resolve]);
      }),
    waitForMessage: (match) =>
      new Promise((resolve) => {
        const found = messages.find(match);
        if (found) resolve(found);
        else messageWaiters.add({ match, resolve });
      }),
    smsRequests,
    get smsInFlight() {
      return smsInFlight;
    },
    lookups,
    setFault(route, fault) {
      faults.set(route, { ...faults.get(route), ...fault });
    },
    clearFaults() {
      faults.clear();
      forced.clear();
    },
    forceStatus(phonePrefix, status, errorText) {
      forced.set(digits(phonePrefix), { status: String(status), errorText });
    },
    setCarrier(phone, carrier) {
      if (carrier) carriers.set(digits(phone), carrier);
      else carriers.delete(digits(phone));
    },
    setRateLimit(limit) {
      rateLimit = limit;
      recent.length = 0;
    },
    busiestWindow(windowMs = 1000, unit = 'request') {
      const weight = (entry: { parts: number }) => (unit === 'segment' ? entry.parts : 1);
      const sorted = [...accepted].sort((a, b) => a.at - b.at);
      let most = 0;
      let inWindow = 0;
      for (let i = 0, j = 0; j < sorted.length; j++) {
        inWindow += weight(sorted[j]);
        while (sorted[j].at - sorted[i].at >= windowMs) inWindow -= weight(sorted[i++]);
        most = Math.max(most, inWindow);
      }
      return most;
    },
    deliverReceipt,
    sendInbound,
    async stop() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
