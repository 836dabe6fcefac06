import { ErrorBoundary, Show, Suspense, type Component } from 'solid-js';
import { ErrorNotice } from '../../components/status';
import { employeeCount } from './employee-count.util';

/** What is selected, the offer to widen it to every match, and the bulk opt-in/out buttons (ADMIN only). */
export const BulkSelectionBar: Component<{
  selectedCount: number;
  /** Set once "all matching" was chosen: how many matched then. */
  allMatching: number | null;
  /** A full page is selected and more pages match. */
  canSelectAllMatching: boolean;
  /** The server's count of every match; read under this bar's Suspense so counting never blanks the table. */
  matching: number | null | undefined;
  onRetryCount: () => void;
  onSelectAllMatching: (count: number | null) => void;
  onClear: () => void;
  onBulk: (optIn: boolean) => void;
}> = (props) => (
  <div class="team-bulk panel" role="region" aria-label="Bulk SMS opt-in">
    <div class="team-bulk-selection">
      <strong>
        {props.allMatching !== null ? `All ${employeeCount(props.allMatching)} matching this filter are selected.` : `${employeeCount(props.selectedCount)} selected.`}
      </strong>
      <Show when={props.canSelectAllMatching && props.allMatching === null}>
        <ErrorBoundary
          fallback={(failure, reset) => (
            <ErrorNotice
              error={failure}
              retry={() => {
                props.onRetryCount();
                reset();
              }}
            />
          )}
        >
          <Suspense fallback={<span class="hint">Counting everyone who matches this filter…</span>}>
            <Show when={(props.matching ?? 0) > props.selectedCount}>
              <button type="button" class="link-button" onClick={() => props.onSelectAllMatching(props.matching ?? null)}>
                Select all {props.matching} matching this filter
              </button>
            </Show>
          </Suspense>
        </ErrorBoundary>
      </Show>
      <button type="button" class="link-button" onClick={() => props.onClear()}>
        Clear selection
      </button>
    </div>
    <div class="actions">
      <button type="button" class="primary" onClick={() => props.onBulk(true)}>
        Opt in
      </button>
      <button type="button" class="danger" onClick={() => props.onBulk(false)}>
        Opt out
      </button>
    </div>
  </div>
);
