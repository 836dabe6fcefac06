import type { DataSource, EntityManager } from 'typeorm';
import { normalisePhone } from '../common/phone.util.js';
import { TockError } from '../common/tock-error.js';
import { ConsentSource, ConsentSubjectType } from '../consent/consent.enums.js';
import type { ConsentService } from '../consent/consent.service.js';
import { newId } from '../db/id.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import type { RequestMeta } from '../common/actor.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { EmployeeImportRowStatus, type UpsertEmployeesInput, type UpsertEmployeesResult } from './dtos/employee-import.inputs.js';
import { EmployeeImport } from './employee-import.entity.js';
import { ImportMatches, planEmployeeImport, type ImportedEmployee } from './employee-import-plan.js';
import { Employee } from './employee.entity.js';
import { turnOnWeekAlerts } from './week-alerts.util.js';

const orNull = <T>(read: () => T | null): T | null => {
  try {
    return read();
  } catch {
    return null;
  }
};

// Rows per multi-row statement: 13 columns each, well under every driver's parameter limit.
const WRITE_CHUNK = 500;
const WRITTEN_COLUMNS = ['name', 'email', 'phone', 'smsOptIn', 'timeZone', 'language', 'carrierName', 'carrierGatewayDomain', 'carrierLookupStatus', 'carrierLookedUpAt', 'updatedAt'];

// E2/E5/E7/K9 for up to 1,000 employees a call, set-based: one SELECT of the
// employees the rows may match, the pure plan, then per chunk one INSERT … ON
// DUPLICATE KEY UPDATE (ON CONFLICT on SQLite) of the rows that change, one
// multi-row INSERT of their consent records, one UPDATE of their weeks and one
// INSERT … SELECT of their confirmations, all in one transaction.
export class EmployeeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly idempotency: IdempotencyService,
    private readonly optInConfirmations: OptInConfirmations,
    private readonly defaultPhoneCountry: string,
    /** E7: after commit, one request for every new number of the call. */
    private readonly requestCarrierLookups: (employeeIds: string[]) => Promise<void>,
  ) {}

  async upsert(actor: WorkspaceActor, request: RequestMeta, input: UpsertEmployeesInput): Promise<UpsertEmployeesResult> {
    const { idempotencyKey, ...call } = input;
    // Work for after the commit; a retry answered from the first result has none.
    let lookups: string[] = [];
    const result = await this.idempotency.run<UpsertEmployeesResult>({
      scope: actor.workspaceId,
      operation: 'upsertEmployees',
      key: idempotencyKey,
      input: call,
      create: async (manager) => {
        const { result: done, plan } = await this.run(manager, actor, request, input);
        lookups = plan.lookups;
        return done;
      },
      load: async (id) => {
        const stored = await this.dataSource.getRepository(EmployeeImport).findOneByOrFail({ id, workspaceId: actor.workspaceId });
        return { importId: stored.id, ...stored.result };
      },
      idOf: (done) => done.importId,
    });
    if (lookups.length) await this.requestCarrierLookups(lookups);
    return result;
  }

  private async run(manager: EntityManager, actor: WorkspaceActor, request: RequestMeta, input: UpsertEmployeesInput) {
    const now = new Date();
    // Each number is parsed once, for matching and for the plan.
    const parsed = new Map<string, string | TockError>();
    const e164 = (text: string): string => {
      if (!parsed.has(text)) {
        try {
          parsed.set(text, normalisePhone(text, this.defaultPhoneCountry, 'phone'));
        } catch (error) {
          if (!(error instanceof TockError)) throw error;
          parsed.set(text, error);
        }
      }
      const result = parsed.get(text)!;
      if (result instanceof TockError) throw result;
      return result;
    };
    const matches = new ImportMatches(await this.candidates(manager, actor.workspaceId, input, e164));
    const plan = planEmployeeImport(input.employees, matches, {
      workspaceId: actor.workspaceId,
      attestation: input.attestation?.trim() || null,
      newId,
      normalisePhone: e164,
    });
    await this.write(manager, plan.writes, now);
    await this.consent.record(
      manager,
      plan.consent.map((change) => ({
        workspaceId: actor.workspaceId,
        subjectType: ConsentSubjectType.EMPLOYEE,
        subjectId: change.employeeId,
        phone: change.phone,
        action: change.action,
        source: ConsentSource.BULK,
        attestation: change.attestation,
        actorApiKeyId: actor.apiKeyId,
        actorLabel: actor.label,
        ipAddress: request.ip,
        userAgent: request.userAgent,
      })),
      now,
    );
    // E5: every existing week of those who became opted in.
    await turnOnWeekAlerts(manager, plan.optedIn);
    // K9: one confirmation per number that became covered, in one INSERT … SELECT; the lane sends them.
    if (plan.confirm.length) {
      await this.optInConfirmations.recordForEmployees(manager, manager.createQueryBuilder(Employee, 'e').where('e.id IN (:...confirmIds)', { confirmIds: plan.confirm }), now);
    }
    const count = (status: EmployeeImportRowStatus) => plan.results.filter((r) => r.status === status).length;
    const summary: Omit<UpsertEmployeesResult, 'importId'> = {
      created: count(EmployeeImportRowStatus.CREATED),
      updated: count(EmployeeImportRowStatus.UPDATED),
      unchanged: count(EmployeeImportRowStatus.UNCHANGED),
      failed: count(EmployeeImportRowStatus.FAILED),
      consentRecords: plan.consent.length,
      rows: plan.results,
    };
    const importId = newId();
    await manager.insert(EmployeeImport, { id: importId, workspaceId: actor.workspaceId, result: summary });
    return { result: { importId, ...summary }, plan };
  }

  // Every stored employee a row may name, by id, email (any case) or phone: one indexed SELECT each.
  private async candidates(manager: EntityManager, workspaceId: string, input: UpsertEmployeesInput, e164: (text: string) => string): Promise<ImportedEmployee[]> {
    const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
    const ids = distinct(input.employees.map((r) => r.id));
    const emails = distinct(input.employees.map((r) => r.email?.trim().toLowerCase()));
    const phones = distinct(input.employees.map((r) => orNull(() => (r.phone?.trim() ? e164(r.phone.trim()) : null))));
    // MySQL compares emails case-insensitively (the _ci collation) and so keeps the index; SQLite needs LOWER.
    const email = manager.connection.options.type === 'better-sqlite3' ? 'LOWER(e.email)' : 'e.email';
    const found = new Map<string, ImportedEmployee>();
    for (const [where, values] of [
      ['e.id IN (:...values)', ids],
      [`${email} IN (:...values)`, emails],
      ['e.phone IN (:...values)', phones],
    ] as const) {
      if (!values.length) continue;
      const rows = await manager.createQueryBuilder(Employee, 'e').where('e.workspaceId = :workspaceId', { workspaceId }).andWhere(where, { values }).getMany();
      for (const row of rows) found.set(row.id, row);
    }
    return [...found.values()];
  }

  // New and changed rows alike, keyed by id: one statement per chunk.
  private async write(manager: EntityManager, rows: ImportedEmployee[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Employee)
        .values(rows.slice(i, i + WRITE_CHUNK).map((row) => ({ ...row, updatedAt: now })))
        .orUpdate(WRITTEN_COLUMNS, ['id'])
        .updateEntity(false)
        .execute();
    }
  }
}
