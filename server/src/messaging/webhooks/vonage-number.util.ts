// Vonage writes numbers in international form without "+" ("14155550100").
// A handset number is taken as E.164 as long as it has the shape of one, even
// where libphonenumber does not know the range yet: a STOP from it must still
// be honoured (K2). Null for anything else (short codes, sender names).
export function vonageNumberToE164(value: string | undefined): string | null {
  const digits = value?.trim().replace(/^\+/, '') ?? '';
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}
