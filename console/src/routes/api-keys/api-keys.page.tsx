import { createAsync, useAction, useSubmission } from '@solidjs/router';
import { Match, Show, Switch, createSignal, type Component } from 'solid-js';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Page } from '../../components/page';
import { ErrorNotice } from '../../components/status';
import { DataTable } from '../../components/data-table';
import { fieldError } from '../../lib/graphql';
import { formatDateTime } from '../../lib/format';
import { isAdmin, me, type Role } from '../../lib/session';
import { createApiKey, getApiKeys, revokeApiKey, type ApiKeyRow, type CreatedKey } from './api-keys.data';
import './api-keys.css';

/** A1: the secret lives only in this dialog; closing it forgets it. */
const CreateKeyDialog: Component<{ onClose: () => void }> = (props) => {
  const create = useAction(createApiKey);
  const submission = useSubmission(createApiKey);
  const [created, setCreated] = createSignal<CreatedKey | null>(null);
  const [copied, setCopied] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  let secretEl: HTMLParagraphElement | undefined;
  const close = () => {
    setCreated(null);
    submission.clear();
    props.onClose();
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    submission.clear();
    create({ name: String(form.get('name') ?? ''), role: String(form.get('role')) as Role }).then(
      (result) => {
        setCreated(result);
        // The router keeps submissions; the secret must not outlive this dialog.
        submission.clear();
      },
      () => {},
    );
  };
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      // No clipboard permission: select the text so the user can copy it by hand.
      const range = document.createRange();
      if (secretEl) range.selectNodeContents(secretEl);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied('failed');
    }
  };
  return (
    <Dialog open title={created() ? 'Copy the new key now' : 'Create an API key'} onClose={close}>
      <Show
        when={created()}
        fallback={
          <form onSubmit={onSubmit}>
            <Field label="Name" name="name" type="text" required autofocus hint="Who or what uses the key, e.g. “Booking site”." error={fieldError(submission.error, 'name')} />
            <div class="field">
              <label for="new-key-role">Role</label>
              <select id="new-key-role" name="role">
                <option value="MEMBER">MEMBER — everyday work, no workspace settings or keys</option>
                <option value="ADMIN">ADMIN — everything, including SMS switch, keys and exports</option>
              </select>
            </div>
            <Show when={submission.error && !fieldError(submission.error, 'name')}>
              <ErrorNotice error={submission.error} />
            </Show>
            <div class="actions">
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" class="primary" disabled={submission.pending}>
                {submission.pending ? 'Creating…' : 'Create key'}
              </button>
            </div>
          </form>
        }
      >
        {(key) => (
          <div>
            <p class="notice" role="alert">
              This is the only time the secret of “{key().apiKey.name}” is shown. Tock keeps only a hash of it: copy it now and
              store it somewhere safe. When you close this dialog it is gone.
            </p>
            <p class="secret" aria-label="New API key secret" ref={(el) => (secretEl = el)}>
              {key().secret}
            </p>
            <div class="actions">
              <span role="status" class="copy-status">
                <Switch>
                  <Match when={copied() === 'copied'}>Copied to the clipboard.</Match>
                  <Match when={copied() === 'failed'}>The clipboard is not available: the secret is selected, copy it by hand.</Match>
                </Switch>
              </span>
              <button type="button" onClick={() => void copy(key().secret)}>
                Copy secret
              </button>
              <button type="button" class="primary" onClick={close}>
                I have stored it — close
              </button>
            </div>
          </div>
        )}
      </Show>
    </Dialog>
  );
};

const RevokeKeyDialog: Component<{ apiKey: ApiKeyRow; onClose: () => void }> = (props) => {
  const revoke = useAction(revokeApiKey);
  const submission = useSubmission(revokeApiKey);
  const close = () => {
    submission.clear();
    props.onClose();
  };
  const isOwnKey = () => me()?.apiKeyName === props.apiKey.name;
  return (
    <Dialog open title={`Revoke “${props.apiKey.name}”?`} onClose={close}>
      <p>
        Anything using the key {props.apiKey.prefix}… stops working at once: its requests are refused as unauthenticated. This
        cannot be undone; create a new key to replace it.
      </p>
      <Show when={isOwnKey()}>
        <p class="notice">This looks like the key you are signed in with: revoking it signs you out.</p>
      </Show>
      <Show when={submission.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      <div class="actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          class="danger"
          disabled={submission.pending}
          onClick={() => revoke(props.apiKey.id).then(close, () => {})}
        >
          {submission.pending ? 'Revoking…' : 'Revoke key'}
        </button>
      </div>
    </Dialog>
  );
};

const KeyList: Component = () => {
  const keys = createAsync(() => getApiKeys());
  const [creating, setCreating] = createSignal(false);
  const [revoking, setRevoking] = createSignal<ApiKeyRow | null>(null);
  return (
    <>
      <div class="actions api-keys-actions">
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          Create API key
        </button>
      </div>
      <Show when={keys()}>
        {(list) => (
          <DataTable
            label="API keys"
            columns={[
              { header: 'Name', cell: (key) => key.name },
              { header: 'Role', cell: (key) => key.role },
              { header: 'Prefix', cell: (key) => <code>{key.prefix}…</code> },
              { header: 'Created', cell: (key) => formatDateTime(key.createdAt) },
              { header: 'Last used', cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never') },
              {
                header: 'Status',
                cell: (key) => (
                  <Show when={key.revokedAt} fallback={<span class="badge badge-delivered">Active</span>}>
                    {(at) => <span class="badge badge-revoked">Revoked {formatDateTime(at())}</span>}
                  </Show>
                ),
              },
              {
                header: 'Actions',
                hiddenHeader: true,
                cell: (key) => (
                  <Show when={!key.revokedAt}>
                    <button type="button" class="danger" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                      Revoke
                    </button>
                  </Show>
                ),
              },
            ]}
            rows={list()}
            rowProps={(key) => ({ classList: { revoked: Boolean(key.revokedAt) } })}
            empty={<p class="empty">No API keys yet.</p>}
          />
        )}
      </Show>
      {/* One dialog at a time: each is mounted only while open. */}
      <Show when={creating()}>
        <CreateKeyDialog onClose={() => setCreating(false)} />
      </Show>
      <Show when={revoking()}>{(key) => <RevokeKeyDialog apiKey={key()} onClose={() => setRevoking(null)} />}</Show>
    </>
  );
};

const ApiKeysPage: Component = () => (
  <Page title="API keys">
    <p class="hint api-keys-intro">
      Each key belongs to this workspace with a role. Tock stores only a hash of each key; the secret is shown once, when the
      key is created.
    </p>
    <Show
      when={isAdmin()}
      fallback={
        <p class="notice">
          Only an ADMIN key can list, create and revoke API keys. You are signed in with a MEMBER key; ask an admin of this
          workspace for a new key or to revoke one.
        </p>
      }
    >
      <KeyList />
    </Show>
  </Page>
);

export default ApiKeysPage;
