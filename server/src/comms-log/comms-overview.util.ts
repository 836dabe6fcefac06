import type { SkipReason } from '../send-policy/skip-reason.js';
import { MessageStatus } from './comms-log.enums.js';
import type { CommsBinCounts, CommsCounts, CommsHourCounts, CommsOverview } from './dtos/comms-overview.types.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const TOP_SKIP_REASONS = 5;

/** Bin widths the overview offers: a burst shows in minutes, a week in hours. */
const OVERVIEW_BIN_MINUTES = [1, 5, 15, 60] as const;
/** Bars one chart may carry. */
const MAX_OVERVIEW_BINS = 288;

/** One GROUP BY row: how many outbound entries logged in a bin have a status (and skip reason). */
export interface OverviewRow {
  binStart: Date;
  status: MessageStatus;
  skipReason: SkipReason | null;
  count: number;
}

/** The first bin of a window of `hours` hours, in bins of `binMinutes`, that ends with the bin of `now`. */
export function overviewWindowStart(now: Date, hours: number, binMinutes = 60): Date {
  const bin = binMinutes * MINUTE_MS;
  const currentBin = Math.floor(now.getTime() / bin) * bin;
  return new Date(currentBin - ((hours * 60) / binMinutes - 1) * bin);
}

/** A field error's message when the window cannot be drawn, else null. */
export function overviewWindowProblem(hours: number, binMinutes: number): string | null {
  if (!(OVERVIEW_BIN_MINUTES as readonly number[]).includes(binMinutes)) return `binMinutes must be one of ${OVERVIEW_BIN_MINUTES.join(', ')}`;
  const bins = (hours * 60) / binMinutes;
  if (bins > MAX_OVERVIEW_BINS) return `${hours} hours in ${binMinutes}-minute bins is ${bins} bars; at most ${MAX_OVERVIEW_BINS}`;
  return null;
}

const emptyCounts = (): CommsCounts => ({ queued: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 });

// SENDING is a moment between QUEUED and SENT; RECEIVED is inbound only.
const COUNT_OF: Partial<Record<MessageStatus, keyof CommsCounts>> = {
  [MessageStatus.QUEUED]: 'queued',
  [MessageStatus.SENDING]: 'queued',
  [MessageStatus.SENT]: 'sent',
  [MessageStatus.DELIVERED]: 'delivered',
  [MessageStatus.FAILED]: 'failed',
  [MessageStatus.SKIPPED]: 'skipped',
};

/** Folds grouped rows into totals, every bin and every hour of the window (empty ones too) and the top skip reasons. */
export function buildCommsOverview(rows: OverviewRow[], from: Date, hours: number, now: Date, binMinutes = 60): CommsOverview {
  const binMs = binMinutes * MINUTE_MS;
  const totals = emptyCounts();
  const bins: CommsBinCounts[] = Array.from({ length: (hours * 60) / binMinutes }, (_, i) => ({
    start: new Date(from.getTime() + i * binMs),
    ...emptyCounts(),
  }));
  // Hours from the one the window starts in to the current one.
  const firstHour = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const byHour: CommsHourCounts[] = Array.from({ length: Math.floor(now.getTime() / HOUR_MS) - firstHour / HOUR_MS + 1 }, (_, i) => ({
    hourStart: new Date(firstHour + i * HOUR_MS),
    ...emptyCounts(),
  }));
  const skipReasons = new Map<SkipReason, number>();
  for (const row of rows) {
    const key = COUNT_OF[row.status];
    const bin = bins[Math.floor((row.binStart.getTime() - from.getTime()) / binMs)];
    if (!key || !bin) continue;
    totals[key] += row.count;
    bin[key] += row.count;
    const hour = byHour[Math.floor((row.binStart.getTime() - firstHour) / HOUR_MS)];
    if (hour) hour[key] += row.count;
    if (row.status === MessageStatus.SKIPPED && row.skipReason) {
      skipReasons.set(row.skipReason, (skipReasons.get(row.skipReason) ?? 0) + row.count);
    }
  }
  const topSkipReasons = [...skipReasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_SKIP_REASONS);
  return { from, to: now, binMinutes, totals, bins, byHour, topSkipReasons };
}
