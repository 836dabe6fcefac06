import type { NonEmptyArray } from 'type-graphql';
import { WorkspaceResolver } from '../workspaces/workspace.resolver.js';

// The one list a new domain adds its resolvers to.
export const resolvers: NonEmptyArray<Function> = [WorkspaceResolver];
