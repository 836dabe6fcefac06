import { formatPhone } from '../../lib/format';
import { graphql } from '../../gql';
import type { CommsEventFilter, CommsLogFilter, ConsoleCommsEventsSubscription, ConsoleCommsSinceQuery, FeedRowFragment } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export const MESSAGE_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'RECEIVED'] as const;
export const MESSAGE_KINDS = [
  'CONFIRMATION',
  'REMINDER',
  'SCHEDULE_CHANGE',
  'CANCELLATION',
  'DAY_OF_UPDATE',
  'SHIFT_ALERT',
  'SCHEDULE_PUBLISHED',
  'TIME_OFF_RESPONSE',
  'INBOUND',
  'KEYWORD_REPLY',
  'OPT_IN_CONFIRMATION',
] as const;
export const SKIP_REASONS = [
  'WORKSPACE_SMS_DISABLED',
  'DELIVERY_NOT_CONFIGURED',
  'STUDY_SMS_DISABLED',
  'WEEK_ALERTS_OFF',
  'NOT_OPTED_IN',
  'OPTED_OUT',
  'NO_PHONE',
  'NO_LONGER_VALID',
  'EVENT_CAP_REACHED',
  'DESTINATION_NOT_ALLOWED',
  'SUSPECTED_ABUSE',
  'TOO_LATE',
] as const;

/** One filter value each, as the address holds them; the subscription takes lists, the log takes single values. */
export interface FeedFilter {
  status?: string;
  kind?: string;
  skipReason?: string;
}

/** An address's values go as they are: the server refuses one its enums do not have (BAD_USER_INPUT). */
export const asLogFilter = <T extends object>(filter: T): CommsLogFilter => filter as CommsLogFilter;

/** What a feed or history row shows; the full entry loads when a row is opened. T3: holdReason says why a queued text waits. */
export type FeedEntry = FeedRowFragment;

graphql(`
  fragment FeedRow on CommsLogEntry {
    id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason
    participant { name }
    employee { name }
  }
`);

/** Who a row is for: the person's name when the entry has one, then the number (a reminder has no number until it goes). */
export function recipientOf(entry: FeedEntry): string {
  const name = entry.participant?.name ?? entry.employee?.name;
  if (name && entry.recipientPhone) return `${name} (${formatPhone(entry.recipientPhone)})`;
  return name ?? (entry.recipientPhone ? formatPhone(entry.recipientPhone) : '—');
}

export type FeedEvent = ConsoleCommsEventsSubscription['commsEvents'];

/** L4: new entries and status changes of this workspace, as they happen. */
export const COMMS_EVENTS = graphql(`
  subscription ConsoleCommsEvents($filter: CommsEventFilter) {
    commsEvents(filter: $filter) { type entry { ...FeedRow } }
  }
`);

const LATEST_QUERY = graphql(`
  query ConsoleLatestComms($filter: CommsLogFilter) {
    commsLog(first: 50, filter: $filter) { nodes { ...FeedRow } }
  }
`);

export function subscriptionFilter(filter: FeedFilter): CommsEventFilter {
  return {
    ...(filter.status ? { statuses: [filter.status] } : {}),
    ...(filter.kind ? { kinds: [filter.kind] } : {}),
    ...(filter.skipReason ? { skipReasons: [filter.skipReason] } : {}),
  } as CommsEventFilter;
}

const SINCE_QUERY = graphql(`
  query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {
    commsLog(first: 100, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { hasNextPage endCursor } }
  }
`);

/** The newest page of the log for the filter, so the feed is not empty on arrival. */
export async function loadLatest(filter: FeedFilter): Promise<FeedEntry[]> {
  const data = await gql(LATEST_QUERY, { filter: asLogFilter(filter) });
  return data.commsLog.nodes;
}

/** C1: every entry logged at or after `from` (newest first, at most `limit`): what a lost connection missed. */
export async function loadSince(filter: FeedFilter, from: string, limit: number): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let after: string | null = null;
  do {
    const data: ConsoleCommsSinceQuery = await gql(SINCE_QUERY, { filter: asLogFilter({ ...filter, from }), after });
    entries.push(...data.commsLog.nodes);
    after = data.commsLog.pageInfo.hasNextPage ? data.commsLog.pageInfo.endCursor : null;
  } while (after && entries.length < limit);
  return entries.slice(0, limit);
}

// The feed seeds itself when it subscribes (seed and subscription must share one filter).
export function preloadLiveFeed(): void {}
