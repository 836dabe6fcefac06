import type { DataSource, EntityManager } from 'typeorm';
import { normalisePhone } from '../common/phone.util.js';
import { badInput, notFound } from '../common/tock-error.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from '../consent/consent.enums.js';
import type { ConsentService } from '../consent/consent.service.js';
import { requireConsentStatement } from '../consent/consent-statement.util.js';
import { newId } from '../db/id.util.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import type { RequestMeta } from '../common/actor.js';
import type { CommsLogEntry } from '../comms-log/comms-log-entry.entity.js';
import type { DeliveryService } from '../messaging/delivery/delivery.service.js';
import type { OptInConfirmations } from '../messaging/delivery/opt-in-confirmations.service.js';
import { Language } from '../common/language.js';
import { parseTimeZone } from '../common/time-zone.util.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import { EmployeeOptInSource, type EmployeeFilter, type SetEmployeeSmsOptInInput, type UpsertEmployeeInput } from './dtos/employee.inputs.js';
import { whereEmployeeMatches } from './employee-filter.util.js';
import { CarrierLookupStatus, Employee } from './employee.entity.js';
import { turnOnWeekAlerts } from './week-alerts.util.js';

// E7: a new or changed number needs a fresh carrier look-up; what was known
// about the old number no longer holds.
function carrierFieldsFor(phone: string | null): Partial<Employee> {
  return {
    carrierLookupStatus: phone ? CarrierLookupStatus.PENDING : null,
    carrierName: null,
    carrierGatewayDomain: null,
    carrierLineType: null,
    carrierLookedUpAt: null,
  };
}

export class EmployeeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly defaultPhoneCountry: string,
    private readonly requestCarrierLookup: (employeeId: string) => Promise<void>,
    private readonly delivery: DeliveryService,
    private readonly optInConfirmations: OptInConfirmations,
    private readonly idempotency: Pick<IdempotencyService, 'run'>,
  ) {}

  // K9: the confirmation for an opt-in, recorded in its transaction and announced after commit.
  private async recordConfirmation(manager: EntityManager, employee: Pick<Employee, 'id' | 'workspaceId'>, phone: string, now: Date): Promise<CommsLogEntry[]> {
    return this.delivery.record(manager, [this.optInConfirmations.intent({ workspaceId: employee.workspaceId, employeeId: employee.id, phone }, now)], now);
  }

  /** E7: after a save has committed, a number awaiting its carrier look-up gets one. */
  async afterSave(employee: Employee): Promise<void> {
    if (employee.phone && employee.carrierLookupStatus === CarrierLookupStatus.PENDING) await this.requestCarrierLookup(employee.id);
  }

  /** Ordered by name, then id (keyset). */
  list(workspaceId: string, filter: EmployeeFilter | null | undefined, page: Page): Promise<ConnectionShape<Employee>> {
    const qb = whereEmployeeMatches(this.dataSource.getRepository(Employee).createQueryBuilder('e'), 'e', workspaceId, filter);
    return paginate(qb, page, { property: 'name', direction: 'ASC', kind: 'string' });
  }

  async get(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Employee> {
    const employee = await manager.findOneBy(Employee, { id, workspaceId });
    if (!employee) throw notFound('Employee');
    return employee;
  }

  /**
   * `upsert` in its own transaction, once per idempotency key; then K9 announces
   * the opt-in confirmations and E7 asks for a new number's carrier.
   */
  async save(actor: WorkspaceActor, request: RequestMeta, input: UpsertEmployeeInput): Promise<Employee> {
    const { workspaceId } = actor;
    const { idempotencyKey, ...fields } = input;
    const confirmations: CommsLogEntry[] = [];
    const employee = await this.idempotency.run<Employee>({
      scope: workspaceId,
      operation: 'upsertEmployee',
      key: idempotencyKey,
      input: fields,
      create: (manager) => this.upsert(manager, actor, request, input, confirmations),
      load: (id) => this.get(workspaceId, id),
      idOf: (saved) => saved.id,
    });
    this.optInConfirmations.announce(confirmations);
    await this.afterSave(employee);
    return employee;
  }

  /** Creates (E1: opted out) or updates an employee; runs in the caller's transaction. K9: `confirmations` collects texts to announce after commit. */
  async upsert(manager: EntityManager, actor: WorkspaceActor, request: RequestMeta, input: UpsertEmployeeInput, confirmations: CommsLogEntry[] = []): Promise<Employee> {
    const { workspaceId } = actor;
    const name = input.name.trim();
    if (!name) throw badInput('name', 'An employee needs a name');
    // Omitted keeps what is stored; null or empty clears.
    const email = input.email === undefined ? undefined : input.email?.trim() || null;
    const phone =
      input.phone === undefined ? undefined : input.phone?.trim() ? normalisePhone(input.phone, this.defaultPhoneCountry, 'phone') : null;
    // T1/T2: omitted keeps what is stored; null clears to the workspace's.
    const timeZone = input.timeZone === undefined ? undefined : input.timeZone ? parseTimeZone(input.timeZone) : null;
    const language = input.language === undefined ? undefined : (input.language ?? null);
    const locale: Partial<Employee> = {};
    if (timeZone !== undefined) locale.timeZone = timeZone;
    if (language !== undefined) locale.language = language as Language | null;

    if (!input.id) {
      const id = newId();
      await manager.insert(Employee, {
        id,
        workspaceId,
        name,
        email: email ?? null,
        phone: phone ?? null,
        smsOptIn: false,
        ...carrierFieldsFor(phone ?? null),
        ...locale,
      });
      return this.get(workspaceId, id, manager);
    }

    const current = await lockForUpdate(manager.createQueryBuilder(Employee, 'e'))
      .where('e.id = :id AND e.workspaceId = :workspaceId', { id: input.id, workspaceId })
      .getOne();
    if (!current) throw notFound('Employee');
    const patch: Partial<Employee> = { name, ...locale };
    if (email !== undefined) patch.email = email;
    const phoneChanged = phone !== undefined && phone !== current.phone;
    if (phoneChanged) Object.assign(patch, { phone }, carrierFieldsFor(phone));
    // E9: an employee's opt-in is their flag and stays with them through a
    // change of number. The audit trail records which number it now covers,
    // and the new number gets the opt-in confirmation (K9), so STOP is one
    // reply away; without a number their texts are SKIPPED NO_PHONE.
    if (phoneChanged && current.smsOptIn && phone) {
      const now = new Date();
      await this.consent.record(
        manager,
        [
          {
            ...this.consentBy(actor, request),
            subjectId: current.id,
            phone,
            action: ConsentAction.GRANTED,
            source: ConsentSource.ADMIN,
            attestation: 'Phone number changed; the employee stays opted in on the new number',
          },
        ],
        now,
      );
      confirmations.push(...(await this.recordConfirmation(manager, current, phone, now)));
    }
    await manager.update(Employee, { id: current.id }, patch);
    return this.get(workspaceId, current.id, manager);
  }

  /** E2: one employee's opt-in from the Team page/API (ADMIN) or at signup (SIGNUP). */
  async setSmsOptIn(actor: WorkspaceActor, request: RequestMeta, input: SetEmployeeSmsOptInInput): Promise<Employee> {
    const byAdmin = input.source !== EmployeeOptInSource.SIGNUP;
    // E2: a grant by hand says how consent was obtained; checked before anything is read or written.
    const attestation = input.optIn && byAdmin ? requireConsentStatement(input.attestation) : input.attestation?.trim() || null;
    const confirmations: CommsLogEntry[] = [];
    const saved = await this.dataSource.transaction(async (manager) => {
      // The lock orders this change against saveScheduleWeek's E4 default.
      const employee = await lockForUpdate(manager.createQueryBuilder(Employee, 'e'))
        .where('e.id = :id AND e.workspaceId = :workspaceId', { id: input.employeeId, workspaceId: actor.workspaceId })
        .getOne();
      if (!employee) throw notFound('Employee');
      if (employee.smsOptIn === input.optIn) return employee;
      // E9: the opt-in is the employee's flag and may be set without a phone (their texts are SKIPPED NO_PHONE).

      await manager.update(Employee, { id: employee.id }, { smsOptIn: input.optIn });
      if (input.optIn) {
        // E5: every existing week of this employee.
        await turnOnWeekAlerts(manager, [employee.id]);
      }
      await this.consent.record(manager, [
        {
          ...this.consentBy(actor, request),
          subjectId: employee.id,
          phone: employee.phone,
          action: input.optIn ? ConsentAction.GRANTED : ConsentAction.REVOKED,
          source: byAdmin ? ConsentSource.ADMIN : ConsentSource.SIGNUP,
          attestation,
        },
      ]);
      // K9: a number that becomes opted in gets its confirmation.
      if (input.optIn && employee.phone) confirmations.push(...(await this.recordConfirmation(manager, employee, employee.phone, new Date())));
      return this.get(actor.workspaceId, employee.id, manager);
    });
    this.optInConfirmations.announce(confirmations);
    return saved;
  }

  // Who made an employee's consent change, and from where.
  private consentBy(actor: WorkspaceActor, request: RequestMeta) {
    return {
      workspaceId: actor.workspaceId,
      subjectType: ConsentSubjectType.EMPLOYEE,
      actorApiKeyId: actor.apiKeyId,
      actorLabel: actor.label,
      ipAddress: request.ip,
      userAgent: request.userAgent,
    };
  }
}
