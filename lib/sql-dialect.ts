/**
 * Raw SQL in this project is written once with `?` placeholders and
 * double-quoted identifiers, valid on SQLite; PostgreSQL wants `$1`, `$2`, …
 * This numbers them (the project's SQL has no `?` inside literals).
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * SQLite stores a DateTime as text, e.g. 2024-03-01T00:00:00.000+00:00 (what
 * @prisma/adapter-better-sqlite3 writes): raw SQL must write and compare that
 * form, since "…Z" sorts after "…+00:00" for the same instant.
 */
export function sqliteDateText(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
