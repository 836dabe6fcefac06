import { action, json, query } from '@solidjs/router';
import { graphql } from '../../gql';
import type { ConsoleApiKeysQuery, ConsoleCreateApiKeyMutation, Role } from '../../gql/graphql';
import { gql } from '../../lib/graphql';
import { isAdmin } from '../../lib/session';

export type ApiKeyRow = ConsoleApiKeysQuery['apiKeys'][number];

const API_KEYS_QUERY = graphql(`
  query ConsoleApiKeys {
    apiKeys { id name role prefix createdAt lastUsedAt revokedAt }
  }
`);

const CREATE_KEY = graphql(`
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name role prefix } }
  }
`);

const REVOKE_KEY = graphql(`
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);

// A1: listing keys is ADMIN only on the server too.
export const getApiKeys = query(async (): Promise<ApiKeyRow[]> => {
  const data = await gql(API_KEYS_QUERY, {});
  return data.apiKeys;
}, 'apiKeys');

export type CreatedKey = ConsoleCreateApiKeyMutation['createApiKey'];

export const createApiKey = action(async (input: { name: string; role: Role }) => {
  const data = await gql(CREATE_KEY, { input });
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
