import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsoleOverviewQuery } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type CommsOverview = ConsoleOverviewQuery['commsOverview'];
export type CommsCounts = CommsOverview['totals'];
export type BinCounts = CommsOverview['bins'][number];

const OVERVIEW_QUERY = graphql(`
  query ConsoleOverview($hours: Int!, $binMinutes: Int!) {
    commsOverview(hours: $hours, binMinutes: $binMinutes) {
      from
      to
      binMinutes
      totals { queued sent delivered failed skipped }
      bins { start queued sent delivered failed skipped }
      topSkipReasons { reason count }
    }
  }
`);

/** The windows the overview offers; finer bins for shorter ones, so a burst shows as a burst. */
export const OVERVIEW_RANGES = [
  { id: '1h', hours: 1, binMinutes: 1, label: 'Last hour', window: 'last hour', by: 'by minute' },
  { id: '6h', hours: 6, binMinutes: 5, label: 'Last 6 hours', window: 'last 6 hours', by: 'by 5 minutes' },
  { id: '24h', hours: 24, binMinutes: 60, label: 'Last 24 hours', window: 'last 24 hours', by: 'by hour' },
  { id: '7d', hours: 168, binMinutes: 60, label: 'Last 7 days', window: 'last 7 days', by: 'by hour' },
] as const;

export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

/** The range named in the address, or the last 24 hours. */
export const overviewRange = (id: string | undefined): OverviewRange => OVERVIEW_RANGES.find((range) => range.id === id) ?? OVERVIEW_RANGES[2];

export const getOverview = query(async (rangeId: string): Promise<CommsOverview> => {
  const { hours, binMinutes } = overviewRange(rangeId);
  const data = await gql(OVERVIEW_QUERY, { hours, binMinutes });
  return data.commsOverview;
}, 'commsOverview');

// Starts this page's data loading while its code loads.
export function preloadOverview({ location }: RoutePreloadFuncArgs): void {
  const range = location.query.range;
  void getOverview(overviewRange(Array.isArray(range) ? range[0] : range).id);
}
