import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { parseCountryList, unknownCountries } from '../abuse/destination-policy.js';
import { normalisePhone } from '../common/phone.util.js';
import type { CommitOutbox } from '../common/commit-outbox.js';
import { badInput, notFound } from '../common/tock-error.js';
import { Language } from '../common/language.js';
import { parseClock } from '../common/quiet-hours.util.js';
import { DEFAULT_TIME_ZONE, parseTimeZone } from '../common/time-zone.util.js';
import { newId } from '../db/id.util.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../common/actor.js';
import { paginate, type ConnectionShape, type Page } from '../db/paginate.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { ApiKeyService, IssuedApiKey } from './api-key.service.js';
import { Role } from '../common/role.enum.js';
import { WorkspaceAuditEntry } from './workspace-audit-entry.entity.js';
import { WorkspaceAlertKind, type WorkspaceAlert } from './workspace-alerts.js';
import { Workspace } from './workspace.entity.js';

interface WorkspaceSettingsChange {
  name?: string | null;
  senderNumber?: string | null;
  shiftAlertLeadMinutes?: number | null;
  /** A7: ISO country codes; an empty list goes back to the default. */
  allowedDestinationCountries?: string[] | null;
  /** A8: the pumping breaker's hourly budget. */
  pumpingBudgetPerHour?: number | null;
  timeZone?: string | null;
  language?: Language | null;
  quietHoursEnabled?: boolean | null;
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
}

interface NewWorkspaceLocale {
  timeZone?: string | null;
  language?: Language | null;
}

interface NewWorkspace extends NewWorkspaceLocale {
  name: string;
  senderNumber?: string | null;
}

/** Who changed a setting: an API key, or Tock itself (the pumping breaker). */
type ChangeActor = Pick<WorkspaceActor, 'workspaceId' | 'label'> & { apiKeyId: string | null };

interface CreatedWorkspace {
  workspace: Workspace;
  adminKey: IssuedApiKey;
}

export class WorkspaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeyService,
    private readonly defaultPhoneCountry: string,
    private readonly defaultPumpingBudget = 20,
    /** A8: breaker alerts, announced when their change commits (none from the CLI). */
    private readonly alerts: Pick<CommitOutbox<WorkspaceAlert>, 'add'> = { add: () => undefined },
    /** Only the API's createWorkspace needs it (not the CLI). */
    private readonly idempotency: Pick<IdempotencyService, 'run'> | null = null,
  ) {}

  /** W1: one line in the workspace's audit trail, in the caller's transaction. */
  async recordAudit(manager: EntityManager, note: Pick<WorkspaceAuditEntry, 'workspaceId' | 'setting' | 'oldValue' | 'newValue' | 'actorApiKeyId' | 'actorLabel' | 'createdAt'>): Promise<void> {
    await manager.insert(WorkspaceAuditEntry, { id: newId(), ...note });
  }

  /** W1: every settings change, newest first. */
  auditTrail(workspaceId: string, page: Page): Promise<ConnectionShape<WorkspaceAuditEntry>> {
    const qb = this.dataSource.getRepository(WorkspaceAuditEntry).createQueryBuilder('a').where('a.workspaceId = :workspaceId', { workspaceId });
    return paginate(qb, page, { property: 'id', direction: 'DESC', kind: 'string' });
  }

  /** `create` in its own transaction, once per idempotency key; a retry gets the workspace and no key. */
  createOnce(input: NewWorkspace & { idempotencyKey?: string | null }): Promise<{ workspace: Workspace; adminKey: IssuedApiKey | null }> {
    const { idempotencyKey, ...request } = input;
    if (!this.idempotency) throw new Error('WorkspaceService was built without idempotency');
    return this.idempotency.run<{ workspace: Workspace; adminKey: IssuedApiKey | null }>({
      scope: 'platform',
      operation: 'createWorkspace',
      key: idempotencyKey,
      input: request,
      create: (manager) => this.create(manager, input.name, input.senderNumber, { timeZone: input.timeZone, language: input.language }),
      load: async (id) => ({ workspace: await this.get(id), adminKey: null }),
      idOf: (payload) => payload.workspace.id,
    });
  }

  async get(id: string): Promise<Workspace> {
    const workspace = await this.dataSource.getRepository(Workspace).findOneBy({ id });
    if (!workspace) throw notFound('Workspace');
    return workspace;
  }

  /** A new workspace has SMS off (W1) and comes with its first ADMIN key, shown once. */
  async create(manager: EntityManager, name: string, senderNumber?: string | null, locale: NewWorkspaceLocale = {}): Promise<CreatedWorkspace> {
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name', 'A workspace needs a name');
    const workspace = manager.create(Workspace, {
      id: newId(),
      name: trimmed,
      smsEnabled: false,
      senderNumber: senderNumber ? normalisePhone(senderNumber, this.defaultPhoneCountry, 'senderNumber') : null,
      shiftAlertLeadMinutes: 30,
      pumpingBudgetPerHour: this.defaultPumpingBudget,
      // T1/T2/T3: set at creation; quiet hours on, 21:00 to 08:00.
      timeZone: locale.timeZone ? parseTimeZone(locale.timeZone) : DEFAULT_TIME_ZONE,
      language: locale.language ?? Language.EN,
      quietHoursEnabled: true,
      quietHoursStart: '21:00',
      quietHoursEnd: '08:00',
    });
    await manager.insert(Workspace, workspace);
    const adminKey = await this.apiKeys.issue(manager, workspace.id, 'Initial admin key', Role.ADMIN);
    return { workspace: await manager.findOneByOrFail(Workspace, { id: workspace.id }), adminKey };
  }

  /** The platform operator's way back in: a new ADMIN key, audited in the workspace's trail. */
  async issueAdminKey(workspaceId: string, name: string): Promise<IssuedApiKey> {
    if (name.length > 120) throw badInput('name', 'A key name has at most 120 characters');
    return this.dataSource.transaction(async (manager) => {
      const workspace = await manager.findOneBy(Workspace, { id: workspaceId });
      if (!workspace) throw notFound('Workspace');
      const issued = await this.apiKeys.issue(manager, workspace.id, name, Role.ADMIN);
      await manager.insert(WorkspaceAuditEntry, {
        id: newId(),
        workspaceId: workspace.id,
        setting: 'adminKeyIssued',
        oldValue: null,
        // The prefix names the key in logs and the console; the secret is never stored.
        newValue: `${issued.apiKey.name} (tock_${issued.apiKey.prefix}_…)`,
        actorApiKeyId: null,
        actorLabel: 'platform',
        createdAt: new Date(),
      });
      return issued;
    });
  }

  /** W1: only ADMINs get here (the resolver checks); every change is audited. */
  async setSms(actor: WorkspaceActor, enabled: boolean): Promise<Workspace> {
    return this.change(actor, { smsEnabled: enabled });
  }

  async updateSettings(actor: WorkspaceActor, change: WorkspaceSettingsChange): Promise<Workspace> {
    const patch: Partial<Workspace> = {};
    if (change.name != null) {
      if (!change.name.trim()) throw badInput('name', 'A workspace needs a name');
      patch.name = change.name.trim();
    }
    if (change.senderNumber !== undefined) {
      patch.senderNumber = change.senderNumber ? normalisePhone(change.senderNumber, this.defaultPhoneCountry, 'senderNumber') : null;
    }
    if (change.shiftAlertLeadMinutes != null) patch.shiftAlertLeadMinutes = change.shiftAlertLeadMinutes;
    if (change.allowedDestinationCountries != null) {
      const countries = parseCountryList(change.allowedDestinationCountries.join(','));
      const unknown = unknownCountries(countries);
      if (unknown.length) throw badInput('allowedDestinationCountries', `Unknown country code: ${unknown.join(', ')}`);
      patch.allowedDestinationCountries = countries.length ? countries.join(',') : null;
    }
    if (change.pumpingBudgetPerHour != null) patch.pumpingBudgetPerHour = change.pumpingBudgetPerHour;
    if (change.timeZone != null) patch.timeZone = parseTimeZone(change.timeZone);
    if (change.language != null) patch.language = change.language;
    // T3: ADMIN may move the window or switch it off; audited like every setting.
    if (change.quietHoursEnabled != null) patch.quietHoursEnabled = change.quietHoursEnabled;
    for (const field of ['quietHoursStart', 'quietHoursEnd'] as const) {
      const value = change[field];
      if (value == null) continue;
      const minute = parseClock(value);
      if (minute === null) throw badInput(field, `${value} is not a time of day as HH:MM (24-hour)`);
      patch[field] = value.trim();
    }
    const start = patch.quietHoursStart, end = patch.quietHoursEnd;
    if (start && end && start === end) throw badInput('quietHoursEnd', 'Quiet hours must end at another time than they start');
    return this.change(actor, patch);
  }

  /** A8: an ADMIN has looked at the held texts; public texts to new numbers flow again (audited). */
  async resetPumpingBreaker(actor: WorkspaceActor): Promise<Workspace> {
    return this.change(actor, { pumpingTrippedAt: null }, (manager, changed, now) => {
      if (changed.includes('pumpingTrippedAt')) this.alerts.add(manager, [{ workspaceId: actor.workspaceId, kind: WorkspaceAlertKind.PUMPING_BREAKER_RESET, at: now, actorLabel: actor.label }]);
    });
  }

  /** A8: trips the breaker once (audited as Tock's own change); a no-op while it is tripped. */
  async tripPumpingBreaker(manager: EntityManager, workspaceId: string, now: Date): Promise<void> {
    const result = await manager.update(Workspace, { id: workspaceId, pumpingTrippedAt: IsNull() }, { pumpingTrippedAt: now });
    if (!result.affected) return;
    await manager.insert(
      WorkspaceAuditEntry,
      manager.create(WorkspaceAuditEntry, {
        id: newId(),
        workspaceId,
        setting: 'pumpingTrippedAt',
        oldValue: null,
        newValue: now.toISOString(),
        actorApiKeyId: null,
        actorLabel: 'tock:pumping-breaker',
        createdAt: now,
      }),
    );
    this.alerts.add(manager, [{ workspaceId, kind: WorkspaceAlertKind.PUMPING_BREAKER_TRIPPED, at: now, actorLabel: null }]);
  }

  private async change(
    actor: ChangeActor,
    patch: Partial<Workspace>,
    afterChange?: (manager: EntityManager, changed: (keyof Workspace)[], now: Date) => void,
  ): Promise<Workspace> {
    return this.dataSource.transaction(async (manager) => {
      // Lock the row so that two concurrent toggles audit a true old -> new chain.
      const current = await lockForUpdate(manager.createQueryBuilder(Workspace, 'w'))
        .where('w.id = :id', { id: actor.workspaceId })
        .getOne();
      if (!current) throw notFound('Workspace');
      const changed = (Object.keys(patch) as (keyof Workspace)[]).filter((k) => auditValue(current[k]) !== auditValue(patch[k]));
      if (changed.length === 0) return current;
      await manager.update(Workspace, { id: current.id }, patch);
      const now = new Date();
      await manager.insert(
        WorkspaceAuditEntry,
        changed.map((setting) =>
          manager.create(WorkspaceAuditEntry, {
            id: newId(),
            workspaceId: current.id,
            setting,
            oldValue: auditValue(current[setting]),
            newValue: auditValue(patch[setting]),
            actorApiKeyId: actor.apiKeyId,
            actorLabel: actor.label,
            createdAt: now,
          }),
        ),
      );
      afterChange?.(manager, changed, now);
      return manager.findOneByOrFail(Workspace, { id: current.id });
    });
  }
}

function auditValue(value: unknown): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}
