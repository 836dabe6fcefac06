import { Show, createUniqueId, type Component } from 'solid-js';
import { VisuallyHidden } from './visually-hidden';

/**
 * A labelled on/off switch (a checkbox with role="switch", so keyboards and
 * screen readers treat it as one). `readOnlyReason` explains a disabled switch.
 */
export const Toggle: Component<{
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  readOnlyReason?: string;
  busy?: boolean;
  /** In a table row whose header names the switch: the full label for screen readers, On/Off on screen. */
  compact?: boolean;
}> = (props) => {
  const hintId = createUniqueId();
  return (
    <div class="toggle">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={props.checked}
          disabled={props.disabled || props.busy || Boolean(props.readOnlyReason)}
          aria-describedby={props.readOnlyReason ? hintId : undefined}
          aria-busy={props.busy ? 'true' : undefined}
          onChange={(event) => {
            // Controlled: the switch shows what the page says is stored, so a
            // refused change springs back instead of staying flipped.
            const wanted = event.currentTarget.checked;
            event.currentTarget.checked = props.checked;
            props.onChange(wanted);
          }}
        />
        <span class="toggle-track" aria-hidden="true" />
        <Show when={props.compact} fallback={<span>{props.label}</span>}>
          <VisuallyHidden>{props.label}</VisuallyHidden>
          <span aria-hidden="true">{props.checked ? 'On' : 'Off'}</span>
        </Show>
      </label>
      <Show when={props.readOnlyReason}>
        <p class="hint" id={hintId}>
          {props.readOnlyReason}
        </p>
      </Show>
    </div>
  );
};
