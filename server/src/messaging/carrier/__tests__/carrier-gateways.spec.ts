import { describe, expect, it } from 'vitest';
import { gatewayFor, isShutDownGatewayDomain } from '../carrier-gateways.js';

const NOV_2026 = new Date('2026-11-22T12:00:00Z');

describe('carrier email-to-SMS gateways', () => {
  it.each([
    ['Verizon Wireless', 'vtext.com', false],
    ['Cellco Partnership dba Verizon Wireless', 'vtext.com', false],
    ['VERIZON', 'vtext.com', false],
    ['AT&T Mobility', 'txt.att.net', true],
    ['AT&T Wireless', 'txt.att.net', true],
    ['New Cingular Wireless PCS, LLC', 'txt.att.net', true],
    ['Cricket Wireless', 'sms.cricketwireless.net', true],
    ['T-Mobile USA', 'tmomail.net', true],
    ['T-Mobile US', 'tmomail.net', true],
    ['tmobile', 'tmomail.net', true],
    ['Omnipoint Communications', 'tmomail.net', true],
    ['MetroPCS', 'mymetropcs.com', true],
    ['Metro by T-Mobile', 'mymetropcs.com', true],
    ['Sprint Spectrum, L.P.', 'messaging.sprintpcs.com', true],
    ['US Cellular', 'email.uscc.net', false],
    ['U.S. Cellular', 'email.uscc.net', false],
    ['United States Cellular Corp', 'email.uscc.net', false],
    ['Google Fi', 'msg.fi.google.com', false],
  ])('E7/E8: %s -> %s (shut down: %s)', (carrierName, domain, shutDown) => {
    expect(gatewayFor(carrierName, NOV_2026)).toEqual({ domain, shutDown });
  });

  it.each([['Google Voice'], ['Bandwidth.com CLEC'], ['Vodafone UK'], [''], ['   '], [null], [undefined]])(
    'E8: %s has no gateway we know of',
    (carrierName) => {
      expect(gatewayFor(carrierName, NOV_2026)).toBeNull();
    },
  );

  it.each([
    ['2024-06-01', 'T-Mobile USA', false],
    ['2024-12-01', 'T-Mobile USA', true],
    ['2025-06-16', 'AT&T Mobility', false],
    ['2025-06-17', 'AT&T Mobility', true],
    ['2027-03-30', 'Verizon Wireless', false],
    ['2027-03-31', 'Verizon Wireless', true],
  ])('E8: on %s the %s gateway is shut down: %s', (day, carrierName, shutDown) => {
    expect(gatewayFor(carrierName, new Date(`${day}T12:00:00Z`))?.shutDown).toBe(shutDown);
  });

  it.each([
    ['txt.att.net', true],
    ['TMOMAIL.NET', true],
    [' sms.cricketwireless.net ', true],
    ['vtext.com', false],
    ['email.uscc.net', false],
    ['msg.fi.google.com', false],
    ['example.com', false],
  ])('E8: stored gateway domain %s is known shut down: %s', (domain, shutDown) => {
    expect(isShutDownGatewayDomain(domain, NOV_2026)).toBe(shutDown);
  });
});
