import { A, Navigate, revalidate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense, createResource, type Component } from 'solid-js';
import { ErrorNotice, Loading } from '../../components/status';
import { apiKey, me, restoreSession, signOut } from '../../lib/session';
import { BreakerAlert } from './breaker-alert';

const NAV = [
  { href: '/', label: 'Overview', end: true },
  { href: '/live', label: 'Live feed' },
  { href: '/messages', label: 'Messages' },
  { href: '/jobs', label: 'Job queue' },
  { href: '/workspace', label: 'Workspace' },
  { href: '/studies', label: 'Studies' },
  { href: '/participants', label: 'Participants' },
  { href: '/team', label: 'Team' },
  { href: '/schedules', label: 'Schedules' },
  { href: '/consent', label: 'Consent audit' },
  { href: '/api-keys', label: 'API keys' },
];

/** The signed-in frame: header, navigation, and the page. No key: the sign-in page. */
export const Shell: Component<RouteSectionProps> = (props) => {
  const location = useLocation();
  const [who, { refetch }] = createResource(apiKey, () => restoreSession());
  return (
    <Show when={apiKey()} fallback={<Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Tock</span>
        <Show when={me()}>
          {(current) => (
            <span class="who">
              <span class="workspace-name">{current().workspace.name}</span>
              <span class={`badge badge-role`} title={`Signed in with the key “${current().apiKeyName}”`}>
                {current().role}
              </span>
            </span>
          )}
        </Show>
        <button type="button" class="link-button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <div class="frame">
        <nav class="sidenav" aria-label="Console">
          <ul>
            <For each={NAV}>
              {(item) => (
                <li>
                  <A href={item.href} end={item.end} activeClass="active">
                    {item.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <main id="main" tabindex="-1">
          <ErrorBoundary
            fallback={(error, reset) => (
              <ErrorNotice
                error={error}
                retry={() => {
                  // Load the page's data afresh, not from the answer that failed.
                  void refetch();
                  void revalidate();
                  reset();
                }}
              />
            )}
          >
            <Show when={who()} fallback={<Loading label="Checking your key…" />}>
              <BreakerAlert />
              <Suspense fallback={<Loading />}>{props.children}</Suspense>
            </Show>
          </ErrorBoundary>
        </main>
      </div>
    </Show>
  );
};
