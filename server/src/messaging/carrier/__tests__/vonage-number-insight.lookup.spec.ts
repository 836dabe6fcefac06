import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVonageStandIn, type VonageStandIn } from '../../../../test/vonage-stand-in/vonage-stand-in.js';
import { gatewayFor } from '../carrier-gateways.js';
import { CarrierLookupError, VonageNumberInsightLookup } from '../vonage-number-insight.lookup.js';

async function lookupError(promise: Promise<unknown>): Promise<CarrierLookupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CarrierLookupError);
  return error as CarrierLookupError;
}

describe('Vonage Number Insight carrier look-up against the stand-in', () => {
  let standIn: VonageStandIn;
  let lookup: VonageNumberInsightLookup;

  beforeAll(async () => {
    standIn = await startVonageStandIn({
      apiKey: 'key-1',
      apiSecret: 'secret-1',
      carriers: { '+12025550143': { name: 'Verizon Wireless', networkCode: '310004' } },
    });
    lookup = new VonageNumberInsightLookup({ apiKey: 'key-1', apiSecret: 'secret-1', apiHost: standIn.url, timeoutMs: 300 });
  });
  afterEach(() => standIn.clearFaults());
  afterAll(() => standIn.stop());

  it('E7: finds the current carrier, whose gateway domain follows from the table', async () => {
    const info = await lookup.lookup('+12025550143');
    expect(info).toEqual({ carrierName: 'Verizon Wireless', networkCode: '310004', lineType: 'mobile' });
    expect(gatewayFor(info.carrierName, new Date('2026-11-22'))).toEqual({ domain: 'vtext.com', shutDown: false });
    expect(standIn.lookups.at(-1)).toMatchObject({ number: '12025550143', status: 0 });
  });

  it('E7: a ported number reports the carrier it is on now', async () => {
    standIn.setCarrier('+12025550144', { name: 'T-Mobile USA', networkCode: '310260', original: { name: 'AT&T Mobility', networkCode: '310410' } });
    expect(await lookup.lookup('+12025550144')).toEqual({ carrierName: 'T-Mobile USA', networkCode: '310260', lineType: 'mobile' });
  });

  it('E7: a number Vonage has no carrier for comes back with no carrier, not an error', async () => {
    expect(await lookup.lookup('+12025550145')).toEqual({ carrierName: null, networkCode: null, lineType: null });
  });

  it('E7: a refused look-up throws a typed error naming the status', async () => {
    const error = await lookupError(new VonageNumberInsightLookup({ apiKey: 'key-1', apiSecret: 'wrong', apiHost: standIn.url }).lookup('+12025550143'));
    expect(error).toMatchObject({ code: 'NI_4', retryable: false });
    const malformed = await lookupError(lookup.lookup('12'));
    expect(malformed).toMatchObject({ code: 'NI_3', retryable: false });
  });

  it('E7: throttling is a typed, retryable error', async () => {
    standIn.setFault('numberInsight', { throttle: true });
    expect(await lookupError(lookup.lookup('+12025550143'))).toMatchObject({ code: 'NI_1', retryable: true });
  });

  it('E7: a look-up Vonage never answers times out with a typed error', async () => {
    standIn.setFault('numberInsight', { timeout: true });
    const error = await lookupError(lookup.lookup('+12025550143'));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, message: 'Number Insight did not answer within 300 ms' });
  });

  it('E7: HTTP 5xx is a typed, retryable error', async () => {
    standIn.setFault('numberInsight', { httpStatus: 502 });
    expect(await lookupError(lookup.lookup('+12025550143'))).toMatchObject({ code: 'HTTP_502', retryable: true });
  });
});
