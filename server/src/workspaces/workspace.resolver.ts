import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { allowedCountries, parseCountryList, REFUSED_NUMBER_TYPES } from '../abuse/destination-policy.js';
import { KEY_OR_PLATFORM, PLATFORM } from '../graphql/auth-checker.js';
import { workspaceActor, type GraphQLContext } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/pagination.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyInput, CreateWorkspaceInput, UpdateWorkspaceSettingsInput } from './dtos/workspace.inputs.js';
import { CreatedApiKey, CreateWorkspacePayload, Me } from './dtos/workspace.payloads.js';
import { DestinationPolicy, PumpingBreakerState } from './dtos/workspace-abuse.types.js';
import { WorkspaceDelivery } from './dtos/workspace-delivery.types.js';
import { Role } from '../common/role.enum.js';
import { WorkspaceAuditEntry } from './workspace-audit-entry.entity.js';
import { describeDelivery } from './workspace-delivery.util.js';
import { Workspace } from './workspace.entity.js';

const WorkspaceAuditConnection = Connection(WorkspaceAuditEntry, 'WorkspaceAuditEntry');

@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Authorized()
  @Query(() => Me, { description: 'The calling API key and its workspace' })
  async me(@Ctx() ctx: GraphQLContext): Promise<Me> {
    const actor = workspaceActor(ctx);
    const workspace = await ctx.services.workspaces.get(actor.workspaceId);
    return { workspace, role: actor.role, apiKeyName: actor.label.replace(/^api-key:/, '') };
  }

  @Authorized()
  @Query(() => Workspace)
  workspace(@Ctx() ctx: GraphQLContext): Promise<Workspace> {
    return ctx.services.workspaces.get(workspaceActor(ctx).workspaceId);
  }

  // Fields of Workspace resolve for the platform token too: createWorkspace
  // returns a Workspace, and an answer that fails half-way loses its key.
  @Authorized(KEY_OR_PLATFORM)
  @FieldResolver(() => WorkspaceAuditConnection, { description: 'W1: every settings change, newest first' })
  auditTrail(@Root() workspace: Workspace, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.workspaces.auditTrail(workspace.id, page);
  }

  @Authorized(KEY_OR_PLATFORM)
  @FieldResolver(() => WorkspaceDelivery, { description: 'W3: whether texts can go out, and how' })
  delivery(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext): WorkspaceDelivery {
    return describeDelivery({ ...ctx.settings.delivery, workspaceSender: workspace.senderNumber });
  }

  @Authorized(KEY_OR_PLATFORM)
  @FieldResolver(() => DestinationPolicy, { description: 'A7: allowed destination countries and refused number types' })
  destinationPolicy(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext): DestinationPolicy {
    const { delivery, defaultPhoneCountry } = ctx.settings;
    return {
      allowedCountries: allowedCountries(workspace.allowedDestinationCountries, workspace.senderNumber ?? delivery.defaultSender, defaultPhoneCountry),
      isDefault: parseCountryList(workspace.allowedDestinationCountries).length === 0,
      refusedNumberTypes: [...REFUSED_NUMBER_TYPES],
    };
  }

  @Authorized(KEY_OR_PLATFORM)
  @FieldResolver(() => PumpingBreakerState, { description: 'A8: the SMS pumping breaker' })
  async pumpingBreaker(@Root() workspace: Workspace, @Ctx() ctx: GraphQLContext): Promise<PumpingBreakerState> {
    return {
      tripped: workspace.pumpingTrippedAt !== null,
      trippedAt: workspace.pumpingTrippedAt,
      budgetPerHour: workspace.pumpingBudgetPerHour,
      newNumbersThisHour: await ctx.services.abuse.breaker.newNumbersThisHour(workspace.id),
    };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Workspace, { description: 'A8: reset the pumping breaker after review: held public texts to new numbers flow again (ADMIN only, audited)' })
  async resetPumpingBreaker(@Ctx() ctx: GraphQLContext): Promise<Workspace> {
    const actor = workspaceActor(ctx);
    await ctx.services.abuse.breaker.reset(actor.workspaceId);
    return ctx.services.workspaces.resetPumpingBreaker(actor);
  }

  @Authorized(PLATFORM)
  @Mutation(() => CreateWorkspacePayload, { description: 'Platform token only. Returns the first ADMIN key once.' })
  async createWorkspace(
    @Arg('input', () => CreateWorkspaceInput) input: CreateWorkspaceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWorkspacePayload> {
    return ctx.services.workspaces.createOnce(input);
  }

  // Recovery: an operator can always give a workspace a working ADMIN key again.
  @Authorized(PLATFORM)
  @Mutation(() => CreatedApiKey, { description: 'Platform token only: a new ADMIN key for a workspace (audited); the secret is shown once' })
  issueAdminKey(
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiKey> {
    return ctx.services.workspaces.issueAdminKey(workspaceId, name?.trim() || 'Recovery admin key');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Workspace, { description: 'W1: turn workspace SMS on or off (ADMIN only, audited)' })
  setWorkspaceSms(@Arg('enabled', () => Boolean) enabled: boolean, @Ctx() ctx: GraphQLContext): Promise<Workspace> {
    return ctx.services.workspaces.setSms(workspaceActor(ctx), enabled);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Workspace, { description: 'Sender number, shift-alert lead time, name, A7 destination countries and A8 pumping budget (ADMIN only, audited)' })
  updateWorkspaceSettings(
    @Arg('input', () => UpdateWorkspaceSettingsInput) input: UpdateWorkspaceSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Workspace> {
    return ctx.services.workspaces.updateSettings(workspaceActor(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey])
  apiKeys(@Ctx() ctx: GraphQLContext): Promise<ApiKey[]> {
    return ctx.services.apiKeys.list(workspaceActor(ctx).workspaceId);
  }

  // Not idempotent by key on purpose: a replay could not show the secret again.
  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'A1: the secret is in this answer and nowhere else' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    const actor = workspaceActor(ctx);
    return ctx.services.apiKeys.create(actor.workspaceId, input.name.trim(), input.role);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    return ctx.services.apiKeys.revoke(workspaceActor(ctx).workspaceId, id);
  }
}
