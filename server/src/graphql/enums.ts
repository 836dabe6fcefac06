import { registerEnumType } from 'type-graphql';
import { Role } from '../common/role.enum.js';
import { SkipReason } from '../send-policy/skip-reason.js';

// Enums that live below the GraphQL layer (common/, send-policy/) are
// registered here, so the pure modules import no type-graphql.
registerEnumType(Role, { name: 'Role', description: 'What an API key may do in its workspace' });
registerEnumType(SkipReason, { name: 'SkipReason' });
