/**
 * prisma/schema.prisma (SQLite) is the one definition of the data model.
 * PostgreSQL's schema is derived from it: only the generator output and the
 * datasource differ. `npm run db:pg-schema` rewrites prisma/postgres/schema.prisma;
 * tests/postgres-schema.test.ts fails when the two have drifted.
 */
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: do not edit.\n";

export function toPostgresSchema(sqlite: string): string {
  const datasource = /datasource db \{[^}]*\}/;
  const output = /output\s*=\s*"\.\.\/generated\/prisma"/;
  if (!datasource.test(sqlite) || !output.test(sqlite)) {
    throw new Error("prisma/schema.prisma no longer has the datasource or generator output this script rewrites");
  }
  return (
    HEADER +
    sqlite
      .replace(output, 'output     = "../../generated/prisma-pg"')
      .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/monitor"\n}')
  );
}

export function writePostgresSchema(root: string = process.cwd()): boolean {
  const next = toPostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
  const target = path.join(root, POSTGRES_SCHEMA);
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current === next) return false;
  fs.writeFileSync(target, next);
  return true;
}

if (require.main === module) {
  console.log(writePostgresSchema() ? `wrote ${POSTGRES_SCHEMA}` : `${POSTGRES_SCHEMA} is up to date`);
}
