/**
 * `npm run token:create -- --label "analyst laptop"`: creates a write-API token,
 * stores only its SHA-256 hash and prints the token once.
 */
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { createDb } from "@/lib/db";
import { generateToken, hashToken } from "@/lib/auth";
import { migrateDatabase } from "@/lib/migrate-database";

async function main() {
  const { values } = parseArgs({ options: { label: { type: "string", default: "api token" } } });
  await migrateDatabase();
  const db = createDb();
  const token = generateToken();
  await db.apiToken.create({ data: { id: randomUUID(), label: values.label!, tokenHash: hashToken(token) } });
  await db.$disconnect();
  console.log(`Token for "${values.label}" (shown once; only its hash is stored):\n${token}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
