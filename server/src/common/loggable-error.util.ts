// K8/O1: what an error log may say about a failure. A TypeORM QueryFailedError
// carries the SQL and its parameters (phone numbers, message bodies), and
// MariaDB quotes the offending value in messages such as "Duplicate entry";
// neither belongs in a log.
export function loggableError(error: unknown): { name: string; code?: string; message: string } {
  const e = error as { name?: string; message?: string; code?: string; driverError?: { code?: string } };
  const message = String(e?.message ?? error)
    .replace(/'[^']*'/gu, "'…'")
    .replace(/\+?\d[\d\s().-]{6,}\d/gu, '…');
  return { name: e?.name ?? 'Error', code: e?.driverError?.code ?? e?.code, message };
}
