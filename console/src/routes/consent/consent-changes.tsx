import { Show, createSignal, onCleanup, onMount, type Component } from 'solid-js';
import { subscribe } from '../../lib/live';
import { apiKey } from '../../lib/session';
import { CONSENT_CHANGED } from './consent-audit.data';

/** "N new records — show": new consent records are announced, and loaded when the admin asks. */
export const ConsentChanges: Component<{ onShow: () => void }> = (props) => {
  const [waiting, setWaiting] = createSignal(0);
  onMount(() => {
    const key = apiKey();
    if (!key) return;
    const stop = subscribe(key, CONSENT_CHANGED, {}, {
      next: ({ consentChanged }) => setWaiting((count) => count + consentChanged.count),
      // The audit list still works without the announcements; nothing to show.
      error: () => {},
    });
    onCleanup(stop);
  });
  return (
    <div role="status" aria-live="polite" class="consent-changes">
      <Show when={waiting()}>
        <p class="notice">
          {waiting()} new consent {waiting() === 1 ? 'record' : 'records'} since this list loaded.{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setWaiting(0);
              props.onShow();
            }}
          >
            Show
          </button>
        </p>
      </Show>
    </div>
  );
};
