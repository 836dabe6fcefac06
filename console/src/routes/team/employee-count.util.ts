/** "1 employee", "3 employees", "9,995 employees". */
export function employeeCount(count: number): string {
  return count === 1 ? '1 employee' : `${count.toLocaleString('en-US')} employees`;
}
