import { describe, expect, it } from 'vitest';
import { allowedCountries, destinationVerdict, unknownCountries } from '../destination-policy.js';

const US = { allowedCountries: ['US'] };

describe('destination policy (A7)', () => {
  it.each([
    ['+19005550123', 'premium rate'],
    ['+18005550100', 'toll free'],
    ['+33891234567', 'premium rate (France)'],
  ])('A7: %s (%s) is refused by its number type', (phone) => {
    expect(destinationVerdict(phone, { allowedCountries: ['US', 'FR'] })).toMatchObject({ allowed: false, why: 'NUMBER_TYPE' });
  });

  it.each([
    ['+882345678901', null],
    ['+252612345678', 'SO'],
    ['+79161234567', 'RU'],
    ['+447400123456', 'GB'],
  ])('A7: %s is outside the allowed countries', (phone, country) => {
    expect(destinationVerdict(phone, US)).toMatchObject({ allowed: false, why: expect.stringMatching(/COUNTRY|INVALID/), country });
  });

  it('A7: a US mobile is allowed for a US workspace, a UK one once GB is allowed', () => {
    expect(destinationVerdict('+14155550100', US)).toEqual({ allowed: true, country: 'US' });
    expect(destinationVerdict('+447400123456', { allowedCountries: ['US', 'GB'] })).toEqual({ allowed: true, country: 'GB' });
  });

  it("A7: the carrier look-up's line type refuses a number libphonenumber cannot type", () => {
    expect(destinationVerdict('+14155550100', { ...US, lineType: 'landline_premium' })).toMatchObject({ allowed: false, why: 'NUMBER_TYPE' });
    expect(destinationVerdict('+14155550100', { ...US, lineType: 'mobile' })).toMatchObject({ allowed: true });
  });

  it("A7: the default is the sender number's country, else the server's", () => {
    expect(allowedCountries(null, '+447400123456', 'US')).toEqual(['GB']);
    expect(allowedCountries(null, null, 'CA')).toEqual(['CA']);
    expect(allowedCountries('us, ca,US', '+447400123456', 'US')).toEqual(['US', 'CA']);
    expect(unknownCountries(['US', 'XX', 'usa'])).toEqual(['XX', 'usa']);
  });
});
