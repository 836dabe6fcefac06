import { createEffect, createUniqueId, onCleanup, type ParentComponent } from 'solid-js';

/**
 * A modal dialog on the native <dialog> element: focus moves into it, Escape
 * closes it, and the page behind is inert while it is open.
 */
export const Dialog: ParentComponent<{ open: boolean; title: string; onClose: () => void }> = (props) => {
  let dialog!: HTMLDialogElement;
  const titleId = createUniqueId();
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  const closed = () => props.onClose();
  onCleanup(() => dialog?.removeEventListener('close', closed));
  return (
    <dialog ref={(el) => { dialog = el; el.addEventListener('close', closed); }} aria-labelledby={titleId} class="dialog">
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
};
