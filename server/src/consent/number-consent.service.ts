import { In, type EntityManager } from 'typeorm';
import { ConsentRecord } from './consent-record.entity.js';
import { ConsentAction, ConsentSource, ConsentSubjectType } from './consent.enums.js';
import type { ConsentChange, ConsentService } from './consent.service.js';
import type { OptOutRegistry } from './opt-out-registry.service.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import { Employee } from '../employees/employee.entity.js';
import { turnOnWeekAlerts } from '../employees/week-alerts.util.js';
import { Participant } from '../studies/participant.entity.js';

// K3: the revocations a START undoes.
const OPT_OUT_SOURCES = new Set([ConsentSource.KEYWORD, ConsentSource.CARRIER]);

/** Everyone with one phone number, across every workspace. */
interface NumberSubjects {
  participants: Participant[];
  employees: Employee[];
}

/** Who changed a number's consent, for its records. */
interface NumberConsentChange {
  source: ConsentSource;
  keyword: string | null;
  actorLabel: string;
}

// K2/K3/K7: a handset's own word (or its carrier's) about its number applies in
// every workspace at once. Runs in the caller's transaction; only subjects whose
// state actually changes get a consent record.
export class NumberConsentService {
  constructor(
    private readonly optOuts: OptOutRegistry,
    private readonly consent: ConsentService,
  ) {}

  /** K2/K7: a handset texted an opt-out keyword. */
  keywordOptOut(manager: EntityManager, phone: string, keyword: string | null, now = new Date()): Promise<NumberSubjects> {
    return this.optOut(manager, phone, { source: ConsentSource.KEYWORD, keyword, actorLabel: 'handset' }, now);
  }

  /** K3: a handset texted an opt-in keyword. */
  keywordOptIn(manager: EntityManager, phone: string, keyword: string | null, now = new Date()): Promise<NumberSubjects> {
    return this.optIn(manager, phone, { source: ConsentSource.KEYWORD, keyword, actorLabel: 'handset' }, now);
  }

  /** K7: the carrier says the number has opted out (a delivery receipt). */
  carrierOptOut(manager: EntityManager, phone: string, now = new Date()): Promise<NumberSubjects> {
    return this.optOut(manager, phone, { source: ConsentSource.CARRIER, keyword: null, actorLabel: 'carrier' }, now);
  }

  /** Oldest first; locked against concurrent consent changes when `lock` (MySQL/MariaDB). */
  async subjects(manager: EntityManager, phone: string, lock = false): Promise<NumberSubjects> {
    const participants = manager.createQueryBuilder(Participant, 'p').where('p.phone = :phone', { phone }).orderBy('p.createdAt').addOrderBy('p.id');
    const employees = manager.createQueryBuilder(Employee, 'e').where('e.phone = :phone', { phone }).orderBy('e.createdAt').addOrderBy('e.id');
    return {
      participants: await (lock ? lockForUpdate(participants) : participants).getMany(),
      employees: await (lock ? lockForUpdate(employees) : employees).getMany(),
    };
  }

  /** K2/K7: the registry, then every participant's consent and every employee's opt-in. */
  async optOut(manager: EntityManager, phone: string, change: NumberConsentChange, now = new Date()): Promise<NumberSubjects> {
    await this.optOuts.optOut(manager, phone, change.source, change.keyword, now);
    const subjects = await this.subjects(manager, phone, true);
    const participants = subjects.participants.filter((p) => p.smsConsent);
    const employees = subjects.employees.filter((e) => e.smsOptIn);
    if (participants.length) await manager.update(Participant, { id: In(participants.map((p) => p.id)) }, { smsConsent: false });
    if (employees.length) await manager.update(Employee, { id: In(employees.map((e) => e.id)) }, { smsOptIn: false });
    await this.consent.record(manager, this.records(participants, employees, ConsentAction.REVOKED, phone, change), now);
    return subjects;
  }

  /**
   * K3: lifts the opt-out. Employees with the number are opted in, with E5.
   * Participants get back the consent that an opt-out (a keyword or the
   * carrier) took from them; a START is not consent to a workspace the person
   * never agreed to hear from, nor does it undo a withdrawal made elsewhere.
   */
  async optIn(manager: EntityManager, phone: string, change: NumberConsentChange, now = new Date()): Promise<NumberSubjects> {
    await this.optOuts.optIn(manager, phone, change.source, change.keyword, now);
    const subjects = await this.subjects(manager, phone, true);
    const employees = subjects.employees.filter((e) => !e.smsOptIn);
    const restorable = await this.revokedByOptOut(manager, subjects.participants.filter((p) => !p.smsConsent), phone);
    const participants = subjects.participants.filter((p) => restorable.has(p.id));
    if (employees.length) {
      const ids = employees.map((e) => e.id);
      await manager.update(Employee, { id: In(ids) }, { smsOptIn: true });
      await turnOnWeekAlerts(manager, ids);
    }
    if (participants.length) await manager.update(Participant, { id: In(participants.map((p) => p.id)) }, { smsConsent: true });
    await this.consent.record(manager, this.records(participants, employees, ConsentAction.GRANTED, phone, change), now);
    return subjects;
  }

  // Participants whose latest consent record is a revocation of this number by an opt-out.
  private async revokedByOptOut(manager: EntityManager, candidates: Participant[], phone: string): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const history = await manager
      .createQueryBuilder(ConsentRecord, 'c')
      .select(['c.id', 'c.subjectId', 'c.action', 'c.source', 'c.phone'])
      // The workspace ids let the (workspaceId, subjectType, subjectId) index serve the look-up.
      .where('c.workspaceId IN (:...workspaceIds)', { workspaceIds: [...new Set(candidates.map((p) => p.workspaceId))] })
      .andWhere('c.subjectType = :type AND c.subjectId IN (:...ids)', { type: ConsentSubjectType.PARTICIPANT, ids: candidates.map((p) => p.id) })
      .orderBy('c.id', 'ASC')
      .getMany();
    const latest = new Map(history.map((record) => [record.subjectId, record]));
    return new Set(
      [...latest.values()]
        .filter((r) => r.action === ConsentAction.REVOKED && OPT_OUT_SOURCES.has(r.source) && r.phone === phone)
        .map((r) => r.subjectId),
    );
  }

  private records(participants: Participant[], employees: Employee[], action: ConsentAction, phone: string, change: NumberConsentChange): ConsentChange[] {
    const common = { phone, action, source: change.source, keyword: change.keyword, actorLabel: change.actorLabel };
    return [
      ...participants.map((p) => ({ ...common, workspaceId: p.workspaceId, subjectType: ConsentSubjectType.PARTICIPANT, subjectId: p.id })),
      ...employees.map((e) => ({ ...common, workspaceId: e.workspaceId, subjectType: ConsentSubjectType.EMPLOYEE, subjectId: e.id })),
    ];
  }
}
