import type { AuthCheckerFn } from 'type-graphql';
import { ErrorCode, TockError } from '../common/tock-error.js';
import { Role } from '../common/role.enum.js';
import type { GraphQLContext } from './context.js';

/** Roles named in @Authorized(): ADMIN, MEMBER (any workspace key) or PLATFORM. */
export const PLATFORM = 'PLATFORM';
/** Any workspace key, or the platform token (fields of what createWorkspace returns). */
export const KEY_OR_PLATFORM = 'KEY_OR_PLATFORM';

// A1: @Authorized() needs any workspace key; @Authorized(Role.ADMIN) an ADMIN
// key; @Authorized(PLATFORM) the platform token.
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }, roles) => {
  const { actor } = context;
  if (roles.includes(KEY_OR_PLATFORM) && actor.kind === 'platform') return true;
  if (roles.includes(PLATFORM)) {
    if (actor.kind === 'platform') return true;
    if (actor.kind === 'apiKey') throw new TockError(ErrorCode.FORBIDDEN, 'Only the platform token may do this');
    throw new TockError(ErrorCode.UNAUTHENTICATED, 'The platform token is required');
  }
  if (actor.kind !== 'apiKey') {
    throw new TockError(ErrorCode.UNAUTHENTICATED, 'A valid workspace API key is required');
  }
  if (roles.includes(Role.ADMIN) && actor.role !== Role.ADMIN) {
    throw new TockError(ErrorCode.FORBIDDEN, 'Only a workspace ADMIN may do this');
  }
  return true;
};
