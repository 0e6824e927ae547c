/**
 * Raw SQL in this project is written once with `?` placeholders and
 * double-quoted identifiers, valid on SQLite; PostgreSQL wants `$1`, `$2`, …
 * This numbers them (the project's SQL has no `?` inside literals).
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
