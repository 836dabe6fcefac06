import type { NonEmptyArray } from 'type-graphql';

type ResolverClass = new (...args: never[]) => object;
import { WorkspaceResolver } from '../workspaces/workspace.resolver.js';

// The one list a new domain adds its resolvers to.
export const resolvers: NonEmptyArray<ResolverClass> = [WorkspaceResolver];
