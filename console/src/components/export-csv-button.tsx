import { Show, createSignal, createUniqueId, type Component } from 'solid-js';
import { downloadCsv } from '../lib/download';
import { isAdmin } from '../lib/session';
import { ErrorNotice } from './status';

/** Export CSV (ADMIN only): fetches the CSV, hands it to the browser as `<fileName>-<today>.csv`, and says why a MEMBER cannot. */
export const ExportCsvButton: Component<{ load: () => Promise<string>; fileName: string; what: string; class?: string }> = (props) => {
  const reasonId = createUniqueId();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      downloadCsv(await props.load(), props.fileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class={props.class}>
      <button type="button" disabled={busy() || !isAdmin()} aria-describedby={isAdmin() ? undefined : reasonId} onClick={() => void run()}>
        {busy() ? 'Exporting…' : 'Export CSV'}
      </button>
      <Show when={!isAdmin()}>
        <p class="hint" id={reasonId}>
          Only an ADMIN key can export {props.what}.
        </p>
      </Show>
      <Show when={error()}>{(failure) => <ErrorNotice error={failure()} />}</Show>
    </div>
  );
};
