import { Show, createUniqueId, splitProps, type Component, type JSX } from 'solid-js';

/** A labelled textarea for how consent was obtained, with hint and field error (like Field, for longer text). */
export const ConsentNoteField: Component<
  JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string }
> = (props) => {
  const [own, textarea] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  const describedBy = () => [own.hint ? `${id}-hint` : '', own.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: Boolean(own.error) }}>
      <label for={id}>{own.label}</label>
      <textarea id={id} rows={3} aria-invalid={own.error ? 'true' : undefined} aria-describedby={describedBy()} {...textarea} />
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
