import { query } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsentAction, ConsentRecordFilter, ConsoleConsentRecordsQuery } from '../../gql/graphql';
import { gql } from '../../lib/graphql';

export type { ConsentAction } from '../../gql/graphql';
export const CONSENT_ACTIONS: ConsentAction[] = ['GRANTED', 'REVOKED'];
export const CONSENT_SOURCES = ['ADMIN', 'BULK', 'CARRIER', 'KEYWORD', 'MANAGE_BOOKING', 'SIGNUP', 'SIGNUP_FORM'] as const;
export const SUBJECT_TYPES = ['EMPLOYEE', 'PARTICIPANT'] as const;

export type ConsentFilter = Pick<ConsentRecordFilter, 'action' | 'source' | 'subjectType' | 'phone' | 'from' | 'to'>;

export type ConsentPage = ConsoleConsentRecordsQuery['consentRecords'];
export type ConsentRecordRow = ConsentPage['nodes'][number];

const CONSENT_RECORDS_QUERY = graphql(`
  query ConsoleConsentRecords($filter: ConsentRecordFilter, $after: String) {
    consentRecords(filter: $filter, after: $after, first: 50) {
      nodes {
        id createdAt action source subjectType subjectId phone actorLabel actorApiKeyId attestation
        disclosureText disclosureVersion ipAddress userAgent keyword studyId sessionId bookingId
      }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

const EXPORT_QUERY = graphql(`
  query ConsoleExportConsentRecords($filter: ConsentRecordFilter) {
    exportConsentRecords(filter: $filter)
  }
`);

export async function loadConsentPage(filter: ConsentFilter, after?: string): Promise<ConsentPage> {
  const data = await gql(CONSENT_RECORDS_QUERY, { filter, after });
  return data.consentRecords;
}

/** The first page for a filter; later pages load through loadConsentPage. */
export const getConsentRecords = query((filter: ConsentFilter) => loadConsentPage(filter), 'consentRecords');

/** K5 (ADMIN only): the CSV of every record matching the filter. */
export async function exportConsentCsv(filter: ConsentFilter): Promise<string> {
  const data = await gql(EXPORT_QUERY, { filter });
  return data.exportConsentRecords;
}

// Starts this page's data loading while its code loads.
export function preloadConsentAudit(): void {
  void getConsentRecords({});
}

/** K5: consent records written in this workspace while the page is open. */
export const CONSENT_CHANGED = graphql(`
  subscription ConsoleConsentChanged {
    consentChanged { count action source subjectType recordedAt }
  }
`);
