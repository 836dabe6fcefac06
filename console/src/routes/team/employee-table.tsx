import { For, Show, type Component } from 'solid-js';
import { Toggle } from '../../components/toggle';
import { formatPhone } from '../../lib/format';
import type { EmployeeRow } from './team.data';

/** The employees with their SMS opt-in switch; `selectable` adds the bulk-selection checkboxes (ADMIN only). */
export const EmployeeTable: Component<{
  employees: EmployeeRow[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  pageSelected: boolean;
  busyId: string | null;
  onSelectPage: (checked: boolean) => void;
  onSelect: (id: string, checked: boolean) => void;
  onOptIn: (employee: EmployeeRow, optIn: boolean) => void;
  onEdit: (employee: EmployeeRow) => void;
}> = (props) => (
  <div class="table-wrap">
    <table aria-label="Employees">
      <thead>
        <tr>
          <Show when={props.selectable}>
            <th scope="col">
              <input type="checkbox" aria-label="Select all employees on this page" checked={props.pageSelected} onChange={(event) => props.onSelectPage(event.currentTarget.checked)} />
            </th>
          </Show>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Phone</th>
          <th scope="col">Carrier</th>
          <th scope="col">SMS opt-in</th>
          <th scope="col">
            <span class="team-sr">Edit</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.employees}>
          {(employee) => (
            <tr>
              <Show when={props.selectable}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${employee.name}`}
                    checked={props.selected.has(employee.id)}
                    onChange={(event) => props.onSelect(employee.id, event.currentTarget.checked)}
                  />
                </td>
              </Show>
              <td>{employee.name}</td>
              <td>{employee.email ?? '—'}</td>
              <td>{employee.phone ? formatPhone(employee.phone) : 'No phone'}</td>
              <td>{employee.carrierName ?? (employee.carrierLookupStatus === 'PENDING' ? 'Looking up…' : '—')}</td>
              <td>
                <Toggle label={`SMS opt-in for ${employee.name}`} checked={employee.smsOptIn} busy={props.busyId === employee.id} compact onChange={(on) => props.onOptIn(employee, on)} />
              </td>
              <td>
                <button type="button" class="link-button" aria-label={`Edit ${employee.name}`} onClick={() => props.onEdit(employee)}>
                  Edit
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </div>
);
