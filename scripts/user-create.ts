/**
 * `npm run user:create -- --email ana@example.org --role admin [--name "Ana"]`:
 * creates an account. The password is read from stdin when it is piped, else
 * asked for at a prompt (not echoed); it is never a command-line argument,
 * which would leave it in the shell history and the process list.
 */
import { parseArgs } from "node:util";
import readline from "node:readline";
import { createDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/migrate-database";
import { createUserAccount, ZUserCreate } from "@/lib/auth-users";
import { zodToAppError } from "@/lib/http";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: the prompt is written once, keystrokes are not echoed.
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    if (!prompted) {
      out.output.write(s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question("Password (at least 12 characters): ", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string", default: "viewer" }, name: { type: "string" } } });
  const password = await readPassword();
  const parsed = ZUserCreate.safeParse({ email: values.email, role: values.role, name: values.name, password });
  if (!parsed.success) throw zodToAppError(parsed.error, "body");
  await migrateDatabase();
  const db = createDb();
  try {
    const user = await createUserAccount(db, null, parsed.data);
    console.log(`Created ${user.role} ${user.email} (id ${user.id}). They sign in at /sign-in.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
