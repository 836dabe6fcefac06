import { query } from '@solidjs/router';
import { gql } from '../../lib/graphql';

export type ConsentAction = 'GRANTED' | 'REVOKED';
export const CONSENT_ACTIONS: ConsentAction[] = ['GRANTED', 'REVOKED'];
export const CONSENT_SOURCES = ['ADMIN', 'BULK', 'CARRIER', 'KEYWORD', 'MANAGE_BOOKING', 'SIGNUP', 'SIGNUP_FORM'] as const;
export const SUBJECT_TYPES = ['EMPLOYEE', 'PARTICIPANT'] as const;

export interface ConsentFilter {
  action?: ConsentAction;
  source?: (typeof CONSENT_SOURCES)[number];
  subjectType?: (typeof SUBJECT_TYPES)[number];
  phone?: string;
  from?: string;
  to?: string;
}

export interface ConsentRecordRow {
  id: string;
  createdAt: string;
  action: ConsentAction;
  source: string;
  subjectType: string;
  subjectId: string;
  phone: string | null;
  actorLabel: string | null;
  actorApiKeyId: string | null;
  attestation: string | null;
  disclosureText: string | null;
  disclosureVersion: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  keyword: string | null;
  studyId: string | null;
  sessionId: string | null;
  bookingId: string | null;
}

export interface ConsentPage {
  nodes: ConsentRecordRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const CONSENT_RECORDS_QUERY = /* GraphQL */ `
  query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {
    consentRecords(filter: $filter, after: $after, first: 50) {
      nodes {
        id createdAt action source subjectType subjectId phone actorLabel actorApiKeyId attestation
        disclosureText disclosureVersion ipAddress userAgent keyword studyId sessionId bookingId
      }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

const EXPORT_QUERY = /* GraphQL */ `
  query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {
    exportConsentRecords(filter: $filter)
  }
`;

export async function loadConsentPage(filter: ConsentFilter, after?: string): Promise<ConsentPage> {
  const data = await gql<{ consentRecords: ConsentPage }>(CONSENT_RECORDS_QUERY, { filter, after });
  return data.consentRecords;
}

/** The first page for a filter; later pages load through loadConsentPage. */
export const getConsentRecords = query((filter: ConsentFilter) => loadConsentPage(filter), 'consentRecords');

/** K5 (ADMIN only): the CSV of every record matching the filter. */
export async function exportConsentCsv(filter: ConsentFilter): Promise<string> {
  const data = await gql<{ exportConsentRecords: string }>(EXPORT_QUERY, { filter });
  return data.exportConsentRecords;
}

// Starts this page's data loading while its code loads.
export function preloadConsentAudit(): void {
  void getConsentRecords({});
}

/** K5: consent records written in this workspace while the page is open. */
export const CONSENT_CHANGED = /* GraphQL */ `
  subscription ConsoleConsentChanged {
    consentChanged { count action source subjectType recordedAt }
  }
`;

export interface ConsentChange {
  count: number;
}
