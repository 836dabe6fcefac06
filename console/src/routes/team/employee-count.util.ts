/** "1 employee", "3 employees". */
export function employeeCount(count: number): string {
  return count === 1 ? '1 employee' : `${count} employees`;
}
