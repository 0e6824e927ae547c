import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, resolveDatabaseUrl } from "./lib/database-url";

// DATABASE_URL picks the backend: SQLite's schema and migrations live in
// prisma/, PostgreSQL's (derived from the same model) in prisma/postgres/.
const url = resolveDatabaseUrl();
const pg = databaseProvider(url) === "postgresql";
const dir = pg ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  async adapter() {
    return pg ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url, timeout: 120_000 });
  },
});
