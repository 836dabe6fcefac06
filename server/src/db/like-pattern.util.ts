// A case-insensitive "contains" pattern for `LOWER(col) LIKE :p ESCAPE '!'`;
// '!' escapes the same way on MySQL/MariaDB and SQLite.
export function likePattern(search: string): string {
  return `%${search.trim().toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
