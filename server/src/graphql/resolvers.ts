import type { NonEmptyArray } from 'type-graphql';

type ResolverClass = new (...args: never[]) => object;
import { CommsLogResolver } from '../comms-log/comms-log.resolver.js';
import { ConsentResolver } from '../consent/consent.resolver.js';
import { WorkspaceResolver } from '../workspaces/workspace.resolver.js';

// The one list a new domain adds its resolvers to.
export const resolvers: NonEmptyArray<ResolverClass> = [WorkspaceResolver, ConsentResolver, CommsLogResolver];
