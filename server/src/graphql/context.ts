import type { App } from '../app/create-app.js';
import { ErrorCode, TockError } from '../common/tock-error.js';
import type { Actor, WorkspaceActor } from './actor.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface GraphQLContext {
  app: App;
  actor: Actor;
  request: RequestMeta;
  loaders: Loaders;
}

export async function buildContext(app: App, authorization: string | undefined, request: RequestMeta): Promise<GraphQLContext> {
  const actor = await app.services.apiKeys.authenticate(authorization);
  // A10: a credential that does not authenticate counts against the caller's IP.
  if (authorization && actor.kind === 'anonymous') await app.services.abuse.authThrottle.failed(request.ip, authorization);
  const workspaceId = actor.kind === 'apiKey' ? actor.workspaceId : null;
  return { app, actor, request, loaders: createLoaders(app.dataSource, workspaceId) };
}

// A2: everything a workspace key does is scoped to its workspace. Resolvers
// behind @Authorized() call this to get it.
export function workspaceActor(ctx: GraphQLContext): WorkspaceActor {
  if (ctx.actor.kind !== 'apiKey') throw new TockError(ErrorCode.UNAUTHENTICATED, 'A workspace API key is required');
  return ctx.actor;
}
