import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import type { Connection } from '../../components/keyset-list';
import { graphql } from '../../gql';
import { gql } from '../../lib/graphql';
import { asLogFilter, type FeedEntry } from '../live-feed/live-feed.data';

/** C2: the message history's filters, as they stand in the address. */
export interface MessagesFilter {
  search?: string;
  status?: string;
  kind?: string;
  skipReason?: string;
  studyId?: string;
  sessionId?: string;
  employeeId?: string;
  participantId?: string;
  from?: string;
  to?: string;
}

// The same rows as the live feed (FeedRow, in live-feed.data.ts).
const MESSAGES_QUERY = graphql(`
  query ConsoleMessages($filter: CommsLogFilter, $after: String) {
    commsLog(first: 50, after: $after, filter: $filter) { nodes { ...FeedRow } pageInfo { endCursor hasNextPage } }
  }
`);

const EXPORT_QUERY = graphql(`
  query ConsoleExportCommsLog($filter: CommsLogFilter) {
    exportCommsLog(filter: $filter)
  }
`);

export async function loadMessagesPage(filter: MessagesFilter, after?: string): Promise<Connection<FeedEntry>> {
  return (await gql(MESSAGES_QUERY, { filter: asLogFilter(filter), after })).commsLog;
}

/** The first page for a filter (preloaded, revalidated); later pages load through loadMessagesPage. */
export const getMessages = query((filter: MessagesFilter) => loadMessagesPage(filter), 'messages');

/** C2 (ADMIN only): every message matching the filter, as CSV. */
export async function exportMessagesCsv(filter: MessagesFilter): Promise<string> {
  return (await gql(EXPORT_QUERY, { filter: asLogFilter(filter) })).exportCommsLog;
}

export const FILTER_KEYS = ['search', 'status', 'kind', 'skipReason', 'studyId', 'sessionId', 'employeeId', 'participantId', 'from', 'to'] as const;

/** The filter from the address (unknown keys ignored, empty values dropped). */
export function filterFromParams(params: Partial<Record<string, string | string[]>>): MessagesFilter {
  const filter: MessagesFilter = {};
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

export function preloadMessages({ location }: RoutePreloadFuncArgs): void {
  void getMessages(filterFromParams(location.query));
}
