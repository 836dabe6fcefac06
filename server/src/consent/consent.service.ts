import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CommitOutbox } from '../common/commit-outbox.js';
import type { Language } from '../common/language.js';
import { ConsentRecord } from './consent-record.entity.js';
import type { ConsentAction, ConsentSource, ConsentSubjectType } from './consent.enums.js';
import { MAX_LISTED_SUBJECTS, type ConsentChangeSummary } from './consent-events.js';

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
  disclosureLanguage?: Language | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  actorApiKeyId?: string | null;
  actorLabel?: string | null;
  attestation?: string | null;
  keyword?: string | null;
}

/** What every record of a set-based change shares; the rows give workspace, subject and phone. */
type SharedConsentFields = Omit<ConsentChange, 'workspaceId' | 'subjectId' | 'phone'>;

// Columns that recordForEach fills, in the order of its select list.
const SET_BASED_COLUMNS = [
  'workspaceId', 'subjectId', 'phone', 'subjectType', 'action', 'source', 'ipAddress', 'userAgent',
  'actorApiKeyId', 'actorLabel', 'attestation', 'keyword', 'createdAt',
] as const;

// K5: the only write path to consent_records, and it only inserts. It runs in
// the caller's transaction, so a consent change and its record commit together;
// the outbox announces them (consentChanged) once that transaction commits.
export class ConsentService {
  constructor(private readonly outbox: CommitOutbox<ConsentChangeSummary>) {}

  async record(manager: EntityManager, changes: ConsentChange[], now = new Date()): Promise<void> {
    if (changes.length === 0) return;
    const rows = changes.map((c) => ({
      studyId: null,
      sessionId: null,
      bookingId: null,
      disclosureVersion: null,
      disclosureText: null,
      disclosureLanguage: null,
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
    this.outbox.add(manager, summarise(changes, now));
  }

  /**
   * One record per row of `subjects`, written by a single INSERT … SELECT, for
   * set-based changes (bulk opt-in). `subjectColumns` selects the workspace id,
   * subject id and phone, in that order, e.g. 'e.workspaceId, e.id, e.phone'.
   */
  async recordForEach(
    manager: EntityManager,
    subjects: SelectQueryBuilder<ObjectLiteral>,
    subjectColumns: string,
    shared: SharedConsentFields,
    /** The workspace and how many rows `subjects` selects, for the announcement. */
    scope: { workspaceId: string; count: number },
    now = new Date(),
  ): Promise<void> {
    const { driver } = manager.connection;
    const createdAt = manager.connection.getMetadata(ConsentRecord).findColumnWithPropertyName('createdAt')!;
    // One raw select list: TypeORM reorders separate selections, and the order
    // must match SET_BASED_COLUMNS.
    const select = subjects
      .select(`${subjectColumns}, :crSubjectType, :crAction, :crSource, :crIp, :crUserAgent, :crActorApiKeyId, :crActorLabel, :crAttestation, :crKeyword, :crCreatedAt`)
      .setParameters({
        crSubjectType: shared.subjectType,
        crAction: shared.action,
        crSource: shared.source,
        crIp: shared.ipAddress ? shared.ipAddress.slice(0, 45) : null,
        crUserAgent: shared.userAgent ? shared.userAgent.slice(0, 512) : null,
        crActorApiKeyId: shared.actorApiKeyId ?? null,
        crActorLabel: shared.actorLabel ?? null,
        crAttestation: shared.attestation ?? null,
        crKeyword: shared.keyword ?? null,
        // The driver's own form of a datetime (a Date for mysql2, text for SQLite).
        crCreatedAt: driver.preparePersistentValue(now, createdAt),
      });
    const [selectSql, parameters] = select.getQueryAndParameters();
    const columns = SET_BASED_COLUMNS.map((c) => driver.escape(c)).join(', ');
    await manager.query(`INSERT INTO ${driver.escape('consent_records')} (${columns}) ${selectSql}`, parameters);
    this.outbox.add(manager, [
      {
        workspaceId: scope.workspaceId,
        count: scope.count,
        action: shared.action,
        source: shared.source,
        subjectType: shared.subjectType,
        subjectIds: [],
        actorLabel: shared.actorLabel ?? null,
        recordedAt: now,
      },
    ]);
  }
}

// One announcement per workspace, action, source and subject type: a STOP that
// reaches people in three workspaces tells each workspace only about its own.
function summarise(changes: ConsentChange[], now: Date): ConsentChangeSummary[] {
  const groups = new Map<string, ConsentChangeSummary>();
  for (const change of changes) {
    const key = [change.workspaceId, change.action, change.source, change.subjectType].join('|');
    const group = groups.get(key) ?? {
      workspaceId: change.workspaceId,
      count: 0,
      action: change.action,
      source: change.source,
      subjectType: change.subjectType,
      subjectIds: [],
      actorLabel: change.actorLabel ?? null,
      recordedAt: now,
    };
    group.count += 1;
    group.subjectIds.push(change.subjectId);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => (group.count > MAX_LISTED_SUBJECTS ? { ...group, subjectIds: [] } : group));
}
