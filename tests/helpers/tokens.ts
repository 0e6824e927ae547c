import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { generateToken, hashToken } from "@/lib/auth";

/** Stores a fresh write token (its hash only) and returns the token. */
export async function createWriteToken(db: Db): Promise<string> {
  const token = generateToken();
  await db.apiToken.create({ data: { id: randomUUID(), label: "test", tokenHash: hashToken(token) } });
  return token;
}
