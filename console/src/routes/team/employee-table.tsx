import type { Component } from 'solid-js';
import { DataTable } from '../../components/data-table';
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
  <DataTable
    label="Employees"
    columns={[
      props.selectable && {
        header: (
          <input type="checkbox" aria-label="Select all employees on this page" checked={props.pageSelected} onChange={(event) => props.onSelectPage(event.currentTarget.checked)} />
        ),
        cell: (employee) => (
          <input type="checkbox" aria-label={`Select ${employee.name}`} checked={props.selected.has(employee.id)} onChange={(event) => props.onSelect(employee.id, event.currentTarget.checked)} />
        ),
      },
      { header: 'Name', cell: (employee) => employee.name },
      { header: 'Email', cell: (employee) => employee.email ?? '—' },
      { header: 'Phone', cell: (employee) => (employee.phone ? formatPhone(employee.phone) : 'No phone') },
      { header: 'Carrier', cell: (employee) => employee.carrierName ?? (employee.carrierLookupStatus === 'PENDING' ? 'Looking up…' : '—') },
      {
        header: 'SMS opt-in',
        cell: (employee) => (
          <Toggle label={`SMS opt-in for ${employee.name}`} checked={employee.smsOptIn} busy={props.busyId === employee.id} compact onChange={(on) => props.onOptIn(employee, on)} />
        ),
      },
      {
        header: 'Edit',
        hiddenHeader: true,
        cell: (employee) => (
          <button type="button" class="link-button" aria-label={`Edit ${employee.name}`} onClick={() => props.onEdit(employee)}>
            Edit
          </button>
        ),
      },
    ]}
    rows={props.employees}
  />
);
