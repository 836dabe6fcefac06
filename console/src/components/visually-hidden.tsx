import type { ParentComponent } from 'solid-js';

// Text for screen readers only (e.g. a header for an actions column), without touching the shared stylesheet.
const HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  'white-space': 'nowrap',
} as const;

export const VisuallyHidden: ParentComponent = (props) => <span style={HIDDEN}>{props.children}</span>;
