import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/migrate-database";

/**
 * Applies the real migrations once, with `prisma migrate deploy`, to a template
 * database; each integration test copies it into its own temporary file.
 */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aem-template-"));
  const file = path.join(dir, "template.db");
  migrateDatabase(`file:${file}`);
  process.env.AEM_TEMPLATE_DB = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
