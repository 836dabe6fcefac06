import { formatPhone } from '../../lib/format';
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
] as const;

/** One filter value each; the subscription takes lists, the log takes single values. */
export interface FeedFilter {
  status?: string;
  kind?: string;
  skipReason?: string;
}

/** What a feed row shows; the full entry loads when a row is opened. */
export interface FeedEntry {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: string;
  kind: string;
  direction: string;
  recipientPhone: string | null;
  skipReason: string | null;
  errorCode: string | null;
  errorReason: string | null;
  scheduledFor: string | null;
  /** T3: why a queued text waits ("held for quiet hours until …"). */
  holdReason: string | null;
  participant: { name: string } | null;
  employee: { name: string } | null;
}

/** Who a row is for: the person's name when the entry has one, then the number (a reminder has no number until it goes). */
export function recipientOf(entry: FeedEntry): string {
  const name = entry.participant?.name ?? entry.employee?.name;
  if (name && entry.recipientPhone) return `${name} (${formatPhone(entry.recipientPhone)})`;
  return name ?? (entry.recipientPhone ? formatPhone(entry.recipientPhone) : '—');
}

export interface FeedEvent {
  type: 'CREATED' | 'UPDATED';
  entry: FeedEntry;
}

const ROW_FIELDS = 'id createdAt updatedAt status kind direction recipientPhone skipReason errorCode errorReason scheduledFor holdReason participant { name } employee { name }';

/** L4: new entries and status changes of this workspace, as they happen. */
export const COMMS_EVENTS = /* GraphQL */ `
  subscription ConsoleCommsEvents($filter: CommsEventFilter) {
    commsEvents(filter: $filter) { type entry { ${ROW_FIELDS} } }
  }
`;

const LATEST_QUERY = /* GraphQL */ `
  query ConsoleLatestComms($filter: CommsLogFilter) {
    commsLog(first: 50, filter: $filter) { nodes { ${ROW_FIELDS} } }
  }
`;

export function subscriptionFilter(filter: FeedFilter): Record<string, string[]> {
  return {
    ...(filter.status ? { statuses: [filter.status] } : {}),
    ...(filter.kind ? { kinds: [filter.kind] } : {}),
    ...(filter.skipReason ? { skipReasons: [filter.skipReason] } : {}),
  };
}

const SINCE_QUERY = /* GraphQL */ `
  query ConsoleCommsSince($filter: CommsLogFilter, $after: String) {
    commsLog(first: 100, after: $after, filter: $filter) { nodes { ${ROW_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
`;

/** The newest page of the log for the filter, so the feed is not empty on arrival. */
export async function loadLatest(filter: FeedFilter): Promise<FeedEntry[]> {
  const data = await gql<{ commsLog: { nodes: FeedEntry[] } }>(LATEST_QUERY, { filter });
  return data.commsLog.nodes;
}

/** C1: every entry logged at or after `from` (newest first, at most `limit`): what a lost connection missed. */
export async function loadSince(filter: FeedFilter, from: string, limit: number): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let after: string | null = null;
  do {
    const data: { commsLog: { nodes: FeedEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(SINCE_QUERY, {
      filter: { ...filter, from },
      after,
    });
    entries.push(...data.commsLog.nodes);
    after = data.commsLog.pageInfo.hasNextPage ? data.commsLog.pageInfo.endCursor : null;
  } while (after && entries.length < limit);
  return entries.slice(0, limit);
}

// The feed seeds itself when it subscribes (seed and subscription must share one filter).
export function preloadLiveFeed(): void {}
