import type { DataSource, EntityManager } from 'typeorm';
import { normalisePhone } from '../common/phone.util.js';
import { badInput, notFound } from '../common/tock-error.js';
import { newId } from '../db/id.util.js';
import { lockForUpdate } from '../db/lock-for-update.util.js';
import type { WorkspaceActor } from '../graphql/actor.js';
import type { ApiKeyService, IssuedApiKey } from './api-key.service.js';
import { Role } from './role.enum.js';
import { WorkspaceAuditEntry } from './workspace-audit-entry.entity.js';
import { Workspace } from './workspace.entity.js';

export interface WorkspaceSettingsChange {
  name?: string | null;
  senderNumber?: string | null;
  shiftAlertLeadMinutes?: number | null;
}

export interface CreatedWorkspace {
  workspace: Workspace;
  adminKey: IssuedApiKey;
}

export class WorkspaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeyService,
    private readonly defaultPhoneCountry: string,
  ) {}

  async get(id: string): Promise<Workspace> {
    const workspace = await this.dataSource.getRepository(Workspace).findOneBy({ id });
    if (!workspace) throw notFound('Workspace');
    return workspace;
  }

  /** A new workspace has SMS off (W1) and comes with its first ADMIN key, shown once. */
  async create(manager: EntityManager, name: string, senderNumber?: string | null): Promise<CreatedWorkspace> {
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name', 'A workspace needs a name');
    const workspace = manager.create(Workspace, {
      id: newId(),
      name: trimmed,
      smsEnabled: false,
      senderNumber: senderNumber ? normalisePhone(senderNumber, this.defaultPhoneCountry, 'senderNumber') : null,
      shiftAlertLeadMinutes: 30,
    });
    await manager.insert(Workspace, workspace);
    const adminKey = await this.apiKeys.issue(manager, workspace.id, 'Initial admin key', Role.ADMIN);
    return { workspace: await manager.findOneByOrFail(Workspace, { id: workspace.id }), adminKey };
  }

  /**
   * Recovery: a new ADMIN key for a workspace whose keys are lost, issued by the
   * operator (the platform), shown once and recorded in the workspace's audit trail.
   */
  async issueAdminKey(workspaceId: string, issuedBy: string, name = 'Recovery admin key'): Promise<IssuedApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = await manager.findOneBy(Workspace, { id: workspaceId });
      if (!workspace) throw notFound('Workspace');
      const issued = await this.apiKeys.issue(manager, workspace.id, name, Role.ADMIN);
      await manager.insert(
        WorkspaceAuditEntry,
        manager.create(WorkspaceAuditEntry, {
          id: newId(),
          workspaceId: workspace.id,
          setting: 'adminKeyIssued',
          oldValue: null,
          newValue: issued.apiKey.prefix,
          actorApiKeyId: null,
          actorLabel: issuedBy,
          createdAt: new Date(),
        }),
      );
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
    return this.change(actor, patch);
  }

  private async change(actor: WorkspaceActor, patch: Partial<Workspace>): Promise<Workspace> {
    return this.dataSource.transaction(async (manager) => {
      // Lock the row so that two concurrent toggles audit a true old -> new chain.
      const current = await lockForUpdate(manager.createQueryBuilder(Workspace, 'w'))
        .where('w.id = :id', { id: actor.workspaceId })
        .getOne();
      if (!current) throw notFound('Workspace');
      const changed = (Object.keys(patch) as (keyof Workspace)[]).filter((k) => current[k] !== patch[k]);
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
            oldValue: current[setting] == null ? null : String(current[setting]),
            newValue: patch[setting] == null ? null : String(patch[setting]),
            actorApiKeyId: actor.apiKeyId,
            actorLabel: actor.label,
            createdAt: now,
          }),
        ),
      );
      return manager.findOneByOrFail(Workspace, { id: current.id });
    });
  }
}
