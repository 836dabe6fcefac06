import { For, Show, type JSX } from 'solid-js';
import { VisuallyHidden } from './visually-hidden';

/** One column: its header and how a row's cell reads. */
export interface Column<T> {
  header: JSX.Element;
  /** The header is for screen readers only (an actions column keeps a name). */
  hiddenHeader?: boolean;
  /** The cell is the row's header (<th scope="row">), as in a table of counts by name. */
  rowHeader?: boolean;
  cell: (row: T) => JSX.Element;
  class?: string;
  /** Classes a cell takes from its row (a count that is bad when above zero). */
  classList?: (row: T) => Record<string, boolean>;
}

export interface DataTableProps<T> {
  /** The table's accessible name: what a screen reader announces and the browser tests find. */
  label?: string;
  /** Or the id of the heading that names it. */
  labelledBy?: string;
  caption?: JSX.Element;
  captionClass?: string;
  /** false or undefined leaves a column out (a column only some keys see). */
  columns: readonly (Column<T> | false | undefined)[];
  rows: readonly T[];
  /** Shown instead of the table when there is no row; without it an empty table still shows its headers. */
  empty?: JSX.Element;
  /** Attributes of a row's <tr>, such as data-entry-id; getters stay live (a row that stops being new). */
  rowProps?: (row: T) => JSX.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  class?: string;
}

/** The console's table: scrolls inside .table-wrap, headers scoped to columns (or rows). */
export function DataTable<T>(props: DataTableProps<T>): JSX.Element {
  const columns = (): Column<T>[] => props.columns.filter((column): column is Column<T> => Boolean(column));
  const table = (
    <div class="table-wrap">
      <table aria-label={props.label} aria-labelledby={props.labelledBy} class={props.class}>
        <Show when={props.caption}>
          <caption class={props.captionClass}>{props.caption}</caption>
        </Show>
        <thead>
          <tr>
            <For each={columns()}>{(column) => <th scope="col">{column.hiddenHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr {...props.rowProps?.(row)}>
                <For each={columns()}>
                  {(column) =>
                    column.rowHeader ? (
                      <th scope="row" class={column.class} classList={column.classList?.(row)}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td class={column.class} classList={column.classList?.(row)}>
                        {column.cell(row)}
                      </td>
                    )
                  }
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
  return (
    <Show when={props.empty === undefined || props.rows.length > 0} fallback={props.empty}>
      {table}
    </Show>
  );
}
