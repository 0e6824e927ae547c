/**
 * `npm run token:create -- --label "analyst laptop" [--email owner@example.org] [--role editor] [--expires 2027-06-30]`:
 * creates a write-API token, stores only its SHA-256 hash and prints the token
 * once. With --email the token belongs to that user and can act at most with
 * their role; without it, it is an owner-less script token (default role admin).
 * Admins can list and revoke tokens on /admin.
 */
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/migrate-database";
import { createApiToken, ZTokenCreate } from "@/lib/auth-tokens";
import { zodToAppError } from "@/lib/http";

async function main() {
  const { values } = parseArgs({
    options: {
      label: { type: "string", default: "api token" },
      email: { type: "string" },
      role: { type: "string", default: "admin" },
      expires: { type: "string" },
    },
  });
  await migrateDatabase();
  const db = createDb();
  try {
    const owner = values.email ? await db.user.findUnique({ where: { email: values.email.toLowerCase() } }) : null;
    if (values.email && !owner) throw new Error(`No user with email ${values.email}: create one with npm run user:create`);
    const parsed = ZTokenCreate.safeParse({ label: values.label, role: values.role, expiresOn: values.expires, userId: owner?.id });
    if (!parsed.success) throw zodToAppError(parsed.error, "body");
    const cli = { userId: null, label: "cli", role: "admin" as const, via: "token" as const };
    const created = await createApiToken(db, cli, parsed.data, owner?.id ?? null);
    console.log(
      `Token "${created.label}" (${created.role}${created.owner ? `, owned by ${created.owner}` : ""}${created.expiresAt ? `, valid until ${created.expiresAt}` : ""}), shown once; only its hash is stored:\n${created.token}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
