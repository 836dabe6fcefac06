import type { EntityManager } from 'typeorm';
import { ConsentRecord } from './consent-record.entity.js';
import type { ConsentAction, ConsentSource, ConsentSubjectType } from './consent.enums.js';

/** One consent change to record; everything but the subject, action and source is optional context. */
export interface ConsentChange {
  workspaceId: string;
  subjectType: ConsentSubjectType;
  subjectId: string;
  phone: string | null;
  action: ConsentAction;
  source: ConsentSource;
  studyId?: string | null;
  sessionId?: string | null;
  bookingId?: string | null;
  disclosureVersion?: string | null;
  disclosureText?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  actorApiKeyId?: string | null;
  actorLabel?: string | null;
  attestation?: string | null;
  keyword?: string | null;
}

// K5: the only write path to consent_records, and it only inserts. It runs in
// the caller's transaction, so a consent change and its record commit together.
export class ConsentService {
  async record(manager: EntityManager, changes: ConsentChange[], now = new Date()): Promise<void> {
    if (changes.length === 0) return;
    const rows = changes.map((c) => ({
      studyId: null,
      sessionId: null,
      bookingId: null,
      disclosureVersion: null,
      disclosureText: null,
      ipAddress: null,
      userAgent: c.userAgent ? c.userAgent.slice(0, 512) : null,
      actorApiKeyId: null,
      actorLabel: null,
      attestation: null,
      keyword: null,
      ...c,
      createdAt: now,
    }));
    // One multi-row INSERT per chunk keeps big batches under driver parameter limits.
    for (let i = 0; i < rows.length; i += 500) {
      await manager.insert(ConsentRecord, rows.slice(i, i + 500));
    }
  }
}
