import { query } from '@solidjs/router';
import { gql } from '../../lib/graphql';

export interface CommsCounts {
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
}

export interface HourCounts extends CommsCounts {
  hourStart: string;
}

export interface CommsOverview {
  from: string;
  to: string;
  totals: CommsCounts;
  byHour: HourCounts[];
  topSkipReasons: { reason: string; count: number }[];
}

const COUNTS = 'queued sent delivered failed skipped';

const OVERVIEW_QUERY = /* GraphQL */ `
  query ConsoleOverview($hours: Int!) {
    commsOverview(hours: $hours) {
      from
      to
      totals { ${COUNTS} }
      byHour { hourStart ${COUNTS} }
      topSkipReasons { reason count }
    }
  }
`;

export const OVERVIEW_HOURS = 24;

export const getOverview = query(async (): Promise<CommsOverview> => {
  const data = await gql<{ commsOverview: CommsOverview }>(OVERVIEW_QUERY, { hours: OVERVIEW_HOURS });
  return data.commsOverview;
}, 'commsOverview');

// Starts this page's data loading while its code loads.
export function preloadOverview(): void {
  void getOverview();
}
