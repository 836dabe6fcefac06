/** The kinds of sender number carriers give different throughputs. */
type SenderKind = 'long' | 'tollfree' | 'short';

// NANP toll-free area codes (800, 833, 844, 855, 866, 877, 888).
const TOLL_FREE = /^\+?1(800|833|844|855|866|877|888)\d{7}$/;

export function senderKind(sender: string): SenderKind | null {
  const digits = sender.replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null; // an alphanumeric sender id: no number throughput
  if (digits.length <= 8) return 'short';
  return TOLL_FREE.test(sender) ? 'tollfree' : 'long';
}

/** The syntax VONAGE_SENDER_RATES accepts: `kind=rate` or `+number=rate`, comma-separated. */
export const SENDER_RATES_PATTERN = /^\s*(long|tollfree|short|\+?\d{3,15})\s*=\s*\d+(\.\d+)?\s*(,\s*(long|tollfree|short|\+?\d{3,15})\s*=\s*\d+(\.\d+)?\s*)*$/;

/**
 * L7: per-sender throughput from VONAGE_SENDER_RATES, e.g.
 * `long=1,tollfree=3,short=100,+14155550100=10` (segments per second). A number
 * named on its own wins over its kind; a sender matching neither has no limit.
 */
export function parseSenderRates(spec: string | undefined): (sender: string) => number | null {
  if (!spec?.trim()) return () => null;
  const byKind = new Map<string, number>();
  const byNumber = new Map<string, number>();
  for (const pair of spec.split(',')) {
    const [name, value] = pair.split('=').map((s) => s.trim());
    const rate = Number(value);
    if (!(rate > 0)) throw new Error(`VONAGE_SENDER_RATES: ${pair.trim()} needs a positive rate`);
    if (name === 'long' || name === 'tollfree' || name === 'short') byKind.set(name, rate);
    else byNumber.set(name.replace(/^\+/, ''), rate);
  }
  return (sender) => {
    const own = byNumber.get(sender.replace(/^\+/, ''));
    if (own) return own;
    const kind = senderKind(sender);
    return kind ? (byKind.get(kind) ?? null) : null;
  };
}
