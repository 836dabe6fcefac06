import { action, json, query } from '@solidjs/router';
import { gql } from '../../lib/graphql';
import { isAdmin, type Role } from '../../lib/session';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const API_KEYS_QUERY = /* GraphQL */ `
  query ConsoleApiKeys {
    apiKeys { id name role prefix createdAt lastUsedAt revokedAt }
  }
`;

const CREATE_KEY = /* GraphQL */ `
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name role prefix } }
  }
`;

const REVOKE_KEY = /* GraphQL */ `
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`;

// A1: listing keys is ADMIN only on the server too.
export const getApiKeys = query(async (): Promise<ApiKeyRow[]> => {
  const data = await gql<{ apiKeys: ApiKeyRow[] }>(API_KEYS_QUERY);
  return data.apiKeys;
}, 'apiKeys');

export interface CreatedKey {
  secret: string;
  apiKey: Pick<ApiKeyRow, 'id' | 'name' | 'role' | 'prefix'>;
}

export const createApiKey = action(async (input: { name: string; role: Role }) => {
  const data = await gql<{ createApiKey: CreatedKey }>(CREATE_KEY, { input });
  return json(data.createApiKey, { revalidate: getApiKeys.key });
}, 'createApiKey');

export const revokeApiKey = action(async (id: string) => {
  await gql(REVOKE_KEY, { id });
  return json(id, { revalidate: getApiKeys.key });
}, 'revokeApiKey');

// Starts this page's data loading while its code loads (MEMBER keys may not list keys).
export function preloadApiKeys(): void {
  if (isAdmin()) void getApiKeys();
}
