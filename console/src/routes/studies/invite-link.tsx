import { createSignal, type Component } from 'solid-js';

/** The study's public signup link with a copy button. */
export const InviteLink: Component<{ url: string }> = (props) => {
  const [copied, setCopied] = createSignal<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopied('Invite link copied.');
    } catch {
      setCopied('Copying failed: select the link and copy it by hand.');
    }
  };
  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite link</h2>
      <p class="hint">Share it with participants: it opens the public signup page for this study.</p>
      <div class="study-invite">
        <p class="secret" id="invite-url">
          {props.url}
        </p>
        <button type="button" onClick={() => void copy()} aria-describedby="invite-url">
          Copy invite link
        </button>
      </div>
      <p role="status" class="hint">
        {copied() ?? ''}
      </p>
    </section>
  );
};
