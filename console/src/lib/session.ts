import { query } from '@solidjs/router';
import { createRoot, createSignal } from 'solid-js';
import { graphql } from '../gql';
import type { ConsoleMeQuery } from '../gql/graphql';
import { ApiError, gql, useApiKey } from './graphql';
import { closeLive } from './live';

export type { Role } from '../gql/graphql';

export type Me = ConsoleMeQuery['me'];

// The API key is the console's whole identity. It lives in sessionStorage
// (gone when the tab closes) unless the admin asks to stay signed in.
const STORAGE_KEY = 'tock.apiKey';

const ME_QUERY = graphql(`
  query ConsoleMe {
    me {
      apiKeyName
      role
      workspace { id name }
    }
  }
`);

function storedKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY) ?? localStorage.getItem(STORAGE_KEY);
}

const session = createRoot(() => {
  const [key, setKey] = createSignal<string | null>(storedKey());
  const [me, setMe] = createSignal<Me | null>(null);
  return { key, setKey, me, setMe };
});

// Route preloads run before the shell restores the session, so requests carry
// a stored key from the first one on (a deep link or a reload works).
useApiKey(session.key(), () => signOut());

export const apiKey = session.key;
export const me = session.me;
export const isAdmin = (): boolean => session.me()?.role === 'ADMIN';

// Cached page data belongs to the key that loaded it: never show one key's
// answers (or refusals) to the next.
const forgetPageData = (): void => query.clear();

export function signOut(): void {
  forgetPageData();
  sessionStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(STORAGE_KEY);
  closeLive();
  useApiKey(null);
  session.setMe(null);
  session.setKey(null);
}

/** Checks the key with the server before keeping it; throws ApiError when it is refused. */
export async function signIn(key: string, remember: boolean): Promise<Me> {
  const trimmed = key.trim();
  if (!trimmed) throw new ApiError('Enter an API key.', 'BAD_USER_INPUT', 'apiKey');
  const { me: who } = await gql(ME_QUERY, {}, trimmed).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      throw new ApiError('That API key is not valid, or it was revoked.', 'UNAUTHENTICATED', 'apiKey');
    }
    throw error;
  });
  (remember ? localStorage : sessionStorage).setItem(STORAGE_KEY, trimmed);
  forgetPageData();
  useApiKey(trimmed, signOut);
  session.setKey(trimmed);
  session.setMe(who);
  return who;
}

/** On load with a stored key: who is it? A refused key signs out. */
export async function restoreSession(): Promise<Me | null> {
  const key = session.key();
  if (!key) return null;
  if (session.me()) return session.me();
  useApiKey(key, signOut);
  try {
    const { me: who } = await gql(ME_QUERY, {}, key);
    session.setMe(who);
    return who;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) signOut();
    throw error;
  }
}

/** The workspace name changed (Workspace page): keep the header in step. */
export function renameWorkspace(name: string): void {
  const current = session.me();
  if (current) session.setMe({ ...current, workspace: { ...current.workspace, name } });
}
