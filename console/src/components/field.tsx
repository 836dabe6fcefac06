import { Show, createUniqueId, splitProps, type Component, type JSX } from 'solid-js';

/** A labelled input with its hint and its field-level error, wired for screen readers. */
export const Field: Component<
  JSX.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }
> = (props) => {
  const [own, input] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  const describedBy = () => [own.hint ? `${id}-hint` : '', own.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: Boolean(own.error) }}>
      <label for={id}>{own.label}</label>
      <input id={id} aria-invalid={own.error ? 'true' : undefined} aria-describedby={describedBy()} {...input} />
      <Show when={own.hint}>
        <p class="hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p class="field-error" id={`${id}-error`}>
          {own.error}
        </p>
      </Show>
    </div>
  );
};
