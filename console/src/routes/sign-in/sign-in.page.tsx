import { useNavigate, useSearchParams } from '@solidjs/router';
import { Show, createSignal, type Component } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/status';
import { ApiError, fieldError } from '../../lib/graphql';
import { usePageTitle } from '../../lib/page-title';
import { signIn } from '../../lib/session';

// Only paths inside the console are followed after sign-in (no open redirect).
// The router's location includes its /console base; navigate() adds it again.
const safeNext = (next: string | undefined): string =>
  next && /^\/(?!\/)/.test(next) ? next.replace(/^\/console(?=\/|$)/, '') || '/' : '/';

export const SignInPage: Component = () => {
  usePageTitle(() => 'Sign in');
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next?: string }>();
  const [key, setKey] = createSignal('');
  const [remember, setRemember] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(key(), remember());
      navigate(safeNext(search.next), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <main class="narrow" id="main">
      <h1>Sign in to Tock</h1>
      <p>Use a workspace API key. An ADMIN key can change settings and consent; a MEMBER key can look and run studies.</p>
      <form onSubmit={submit} novalidate>
        <Field
          label="API key"
          name="apiKey"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={key()}
          onInput={(event) => setKey(event.currentTarget.value)}
          error={fieldError(error(), 'apiKey')}
        />
        <label class="checkbox">
          <input type="checkbox" checked={remember()} onChange={(event) => setRemember(event.currentTarget.checked)} />
          Keep me signed in on this device
        </label>
        <Show when={error() && !(error() instanceof ApiError && (error() as ApiError).field)}>
          <ErrorNotice error={error()} />
        </Show>
        <button type="submit" class="primary" disabled={pending()}>
          {pending() ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};

export default SignInPage;
