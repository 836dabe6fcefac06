// A job's failReason as readable text, whatever its handler threw: Agenda
// stores the thrown value as it is unless it is an Error, and a plain object
// (a forked child's failure) or a number cannot be written to a text column.
export function readableFailReason(reason: unknown): string | undefined {
  if (reason === undefined || reason === null) return undefined;
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error) return reason.message;
  try {
    const json = JSON.stringify(reason);
    if (json !== undefined) return json;
  } catch {
    // A cycle or a BigInt: fall back to its string form.
  }
  return String(reason);
}
