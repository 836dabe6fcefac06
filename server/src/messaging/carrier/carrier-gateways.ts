// E7/E8: which email-to-SMS gateway serves a carrier, and whether it still
// works. Pure: names in, domain out; `now` decides which shutdowns have happened.
//
// Carrier names come from Number Insight (`current_carrier.name`), which uses
// trade names or legal entities ("Verizon Wireless", "Cellco Partnership dba
// Verizon Wireless", "New Cingular Wireless PCS, LLC" for AT&T), so each
// carrier is matched by a case-insensitive pattern; the first match wins.

interface CarrierGateway {
  domain: string;
  shutDown: boolean;
}

interface GatewayEntry {
  carrier: string;
  pattern: RegExp;
  domain: string;
  /** The day the carrier stopped (or will stop) delivering mail as texts. */
  shutDownOn?: string;
}

const GATEWAYS: readonly GatewayEntry[] = [
  // AT&T's prepaid brand rides AT&T's messaging core; its gateway went with AT&T's.
  { carrier: 'Cricket', pattern: /cricket/i, domain: 'sms.cricketwireless.net', shutDownOn: '2025-06-17' },
  { carrier: 'AT&T', pattern: /\bat\s*&\s*t\b|\batt\b|cingular/i, domain: 'txt.att.net', shutDownOn: '2025-06-17' },
  // Google Fi (not Google Voice, which has no gateway).
  { carrier: 'Google Fi', pattern: /google\s*fi\b|project\s*fi\b/i, domain: 'msg.fi.google.com' },
  // T-Mobile's own brand Metro shares its messaging core, so it is treated as gone with it.
  { carrier: 'Metro by T-Mobile', pattern: /metro\s*pcs|metro\s+by\s+t-?mobile/i, domain: 'mymetropcs.com', shutDownOn: '2024-12-01' },
  { carrier: 'T-Mobile', pattern: /t-?\s?mobile|omnipoint|voicestream|powertel/i, domain: 'tmomail.net', shutDownOn: '2024-12-01' },
  // Retired with Sprint's network when it was folded into T-Mobile.
  { carrier: 'Sprint', pattern: /sprint/i, domain: 'messaging.sprintpcs.com', shutDownOn: '2022-06-30' },
  // Verizon has announced vtext.com ends on 31 March 2027.
  { carrier: 'Verizon', pattern: /verizon|cellco/i, domain: 'vtext.com', shutDownOn: '2027-03-31' },
  { carrier: 'US Cellular', pattern: /u\.?\s?s\.?\s*cellular|united states cellular/i, domain: 'email.uscc.net' },
];

const shutDownBy = (entry: GatewayEntry, now: Date) => entry.shutDownOn !== undefined && now.getTime() >= Date.parse(entry.shutDownOn);

/** The carrier's email-to-SMS gateway, or null when it has none we know of. */
export function gatewayFor(carrierName: string | null | undefined, now: Date = new Date()): CarrierGateway | null {
  if (!carrierName?.trim()) return null;
  const entry = GATEWAYS.find((gateway) => gateway.pattern.test(carrierName));
  return entry ? { domain: entry.domain, shutDown: shutDownBy(entry, now) } : null;
}

/** E8: true for a gateway domain known to be shut down, so a stored domain is never used after the fact. */
export function isShutDownGatewayDomain(domain: string, now: Date = new Date()): boolean {
  const normalised = domain.trim().toLowerCase();
  return GATEWAYS.some((gateway) => gateway.domain === normalised && shutDownBy(gateway, now));
}
