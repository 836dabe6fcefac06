import type { SkipReason } from '../send-policy/skip-reason.js';
import { MessageStatus } from './comms-log.enums.js';
import type { CommsCounts, CommsHourCounts, CommsOverview } from './dtos/comms-overview.types.js';

const HOUR_MS = 3_600_000;
const TOP_SKIP_REASONS = 5;

/** One GROUP BY row: how many outbound entries logged in an hour have a status (and skip reason). */
export interface OverviewRow {
  hourStart: Date;
  status: MessageStatus;
  skipReason: SkipReason | null;
  count: number;
}

/** The first hour of a window of `hours` hours that ends with the hour of `now`. */
export function overviewWindowStart(now: Date, hours: number): Date {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return new Date(currentHour - (hours - 1) * HOUR_MS);
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

/** Folds grouped rows into totals, every hour of the window (empty ones too) and the top skip reasons. */
export function buildCommsOverview(rows: OverviewRow[], from: Date, hours: number, now: Date): CommsOverview {
  const totals = emptyCounts();
  const byHour: CommsHourCounts[] = Array.from({ length: hours }, (_, i) => ({
    hourStart: new Date(from.getTime() + i * HOUR_MS),
    ...emptyCounts(),
  }));
  const skipReasons = new Map<SkipReason, number>();
  for (const row of rows) {
    const key = COUNT_OF[row.status];
    const hour = byHour[Math.floor((row.hourStart.getTime() - from.getTime()) / HOUR_MS)];
    if (!key || !hour) continue;
    totals[key] += row.count;
    hour[key] += row.count;
    if (row.status === MessageStatus.SKIPPED && row.skipReason) {
      skipReasons.set(row.skipReason, (skipReasons.get(row.skipReason) ?? 0) + row.count);
    }
  }
  const topSkipReasons = [...skipReasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, TOP_SKIP_REASONS);
  return { from, to: now, totals, byHour, topSkipReasons };
}
