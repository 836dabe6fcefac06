import { Role } from './role.enum.js';

/** Who is calling: nobody, the platform operator, or an API key of one workspace. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'platform' }
  | { kind: 'apiKey'; workspaceId: string; role: Role; apiKeyId: string; label: string };

export type WorkspaceActor = Extract<Actor, { kind: 'apiKey' }>;

/** Where a request came from, for consent records and audit entries. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
