import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/tock-error.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent/consent.enums.js';
import type { ConsentService } from '../consent/consent.service.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import type { RequestMeta } from '../common/actor.js';
import type { BulkSetEmployeeSmsOptInInput, BulkSmsOptInScopeInput, EmployeeFilter } from './dtos/employee.inputs.js';
import type { BulkSmsOptInPreview, BulkSmsOptInResult } from './dtos/employee.payloads.js';
import { whereEmployeeMatches } from './employee-filter.util.js';
import { Employee } from './employee.entity.js';
import { ScheduleWeek } from './schedule-week.entity.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';

// Id lists go to SQL in chunks, well under every driver's parameter limit.
const ID_CHUNK = 1000;

interface BulkChange {
  workspaceId: string;
  optIn: boolean;
  scope: EmployeeFilter;
}

// E2 + E5 in bulk, set-based: per scope one count, one INSERT … SELECT of the
// consent records, one UPDATE of the weeks and one UPDATE of the employees, all
// in one transaction. Nothing is loaded into the process row by row, so 100,000
// employees cost the same handful of statements as ten.
export class BulkSmsOptInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly optInConfirmations: OptInConfirmations,
  ) {}

  /** What run() would do now, without changing anything (the console's confirmation dialog). */
  async preview(actor: WorkspaceActor, input: BulkSmsOptInScopeInput): Promise<BulkSmsOptInPreview> {
    const { changes, expectedIds } = this.scopes(actor, input);
    const preview: BulkSmsOptInPreview = { matched: 0, changed: 0, unchanged: 0, skippedNoPhone: 0 };
    for (const change of changes) {
      const counts = await this.count(this.dataSource.manager, change, false);
      preview.matched += counts.matched;
      preview.changed += counts.changed;
      preview.skippedNoPhone += counts.skippedNoPhone;
    }
    if (expectedIds !== null && preview.matched !== expectedIds) throw notFound('Employee');
    preview.unchanged = preview.matched - preview.changed - preview.skippedNoPhone;
    return preview;
  }

  async run(actor: WorkspaceActor, request: RequestMeta, input: BulkSetEmployeeSmsOptInInput): Promise<BulkSmsOptInResult> {
    const attestation = input.attestation.trim();
    const { changes, expectedIds } = this.scopes(actor, input);
    if (attestation.length < 10) throw badInput('attestation', 'Say how consent was obtained (at least 10 characters)');

    return this.dataSource.transaction(async (manager) => {
      const result: BulkSmsOptInResult = { matched: 0, changed: 0, unchanged: 0, skippedNoPhone: 0, weeksAlertEnabled: 0 };
      const changedIn = new Map<BulkChange, number>();
      for (const change of changes) {
        const counts = await this.count(manager, change, true);
        changedIn.set(change, counts.changed);
        result.matched += counts.matched;
        result.changed += counts.changed;
        result.skippedNoPhone += counts.skippedNoPhone;
      }
      result.unchanged = result.matched - result.changed - result.skippedNoPhone;
      // A2: an id that is unknown or another workspace's fails the whole call.
      if (expectedIds !== null && result.matched !== expectedIds) throw notFound('Employee');
      if (result.changed === 0) return result;

      const now = new Date();
      for (const change of changes) {
        const changed = changedIn.get(change) ?? 0;
        if (changed === 0) continue;
        await this.insertConsentRecords(manager, change, changed, actor, request, attestation, now);
        if (change.optIn) {
          result.weeksAlertEnabled += await this.enableWeekAlerts(manager, change);
          // K9: one confirmation per number that becomes opted in, in one INSERT … SELECT; the lane sends them.
          await this.optInConfirmations.recordForEmployees(manager, this.employees(manager, change).andWhere(this.willChange(true)), now);
        }
        await this.updateEmployees(manager, change);
      }
      return result;
    });
  }

  // One scope per id chunk, or the filter; expectedIds is how many ids must all be found.
  private scopes(actor: WorkspaceActor, input: BulkSmsOptInScopeInput): { changes: BulkChange[]; expectedIds: number | null } {
    const byIds = input.employeeIds != null;
    if (byIds === (input.filter != null)) throw badInput('employeeIds', 'Give exactly one of employeeIds or filter');
    const ids = [...new Set(input.employeeIds ?? [])];
    const scopes: EmployeeFilter[] = byIds
      ? Array.from({ length: Math.ceil(ids.length / ID_CHUNK) }, (_, i) => ({ ids: ids.slice(i * ID_CHUNK, (i + 1) * ID_CHUNK) }))
      : [input.filter!];
    return { changes: scopes.map((scope) => ({ workspaceId: actor.workspaceId, optIn: input.optIn, scope })), expectedIds: byIds ? ids.length : null };
  }

  private employees(manager: EntityManager, change: BulkChange) {
    return whereEmployeeMatches(manager.createQueryBuilder(Employee, 'e'), 'e', change.workspaceId, change.scope);
  }

  // Who flips: opting in needs a phone (E2), so those without one are skipped.
  private willChange(optIn: boolean, alias: string | null = 'e'): string {
    const col = (name: string) => (alias ? `${alias}.${name}` : name);
    return optIn ? `${col('smsOptIn')} = 0 AND ${col('phone')} IS NOT NULL` : `${col('smsOptIn')} = 1`;
  }

  // With lock, the scope's rows are locked (MySQL) so that the counts, the
  // records and the updates all describe the same rows, and concurrent single
  // changes wait; a preview only counts.
  private async count(manager: EntityManager, change: BulkChange, lock: boolean) {
    const skipped = change.optIn ? 'e.smsOptIn = 0 AND e.phone IS NULL' : '1 = 0';
    const scope = this.employees(manager, change);
    const row = await (lock ? lockForUpdate(scope) : scope)
      .select('COUNT(*)', 'matched')
      .addSelect(`SUM(CASE WHEN ${this.willChange(change.optIn)} THEN 1 ELSE 0 END)`, 'changed')
      .addSelect(`SUM(CASE WHEN ${skipped} THEN 1 ELSE 0 END)`, 'skippedNoPhone')
      .getRawOne<{ matched: unknown; changed: unknown; skippedNoPhone: unknown }>();
    return { matched: Number(row?.matched ?? 0), changed: Number(row?.changed ?? 0), skippedNoPhone: Number(row?.skippedNoPhone ?? 0) };
  }

  // E2/K5: one consent record per employee that changes, written straight from
  // a SELECT before the update (the "will change" test reads the old state).
  private insertConsentRecords(
    manager: EntityManager,
    change: BulkChange,
    changed: number,
    actor: WorkspaceActor,
    request: RequestMeta,
    attestation: string,
    now: Date,
  ): Promise<void> {
    return this.consent.recordForEach(
      manager,
      this.employees(manager, change).andWhere(this.willChange(change.optIn)),
      'e.workspaceId, e.id, e.phone',
      {
        subjectType: ConsentSubjectType.EMPLOYEE,
        action: change.optIn ? ConsentAction.GRANTED : ConsentAction.REVOKED,
        source: ConsentSource.BULK,
        ipAddress: request.ip,
        userAgent: request.userAgent,
        actorApiKeyId: actor.apiKeyId,
        actorLabel: actor.label,
        attestation,
      },
      { workspaceId: change.workspaceId, count: changed },
      now,
    );
  }

  // E5: weeks of employees going from false to true, in one UPDATE.
  private async enableWeekAlerts(manager: EntityManager, change: BulkChange): Promise<number> {
    const flipping = this.employees(manager, change).andWhere(this.willChange(true)).select('e.id');
    const result = await manager
      .createQueryBuilder()
      .update(ScheduleWeek)
      .set({ sendSmsAlert: true })
      .where('workspaceId = :weekWorkspaceId AND sendSmsAlert = 0', { weekWorkspaceId: change.workspaceId })
      .andWhere(`employeeId IN (${flipping.getQuery()})`)
      .setParameters(flipping.getParameters())
      .execute();
    return result.affected ?? 0;
  }

  private async updateEmployees(manager: EntityManager, change: BulkChange): Promise<void> {
    const update = manager.createQueryBuilder().update(Employee).set({ smsOptIn: change.optIn });
    await whereEmployeeMatches(update, null, change.workspaceId, change.scope).andWhere(this.willChange(change.optIn, null)).execute();
  }
}
