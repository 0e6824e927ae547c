import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseJsonBody, route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";

type Ctx = { params: Promise<{ id: string }> };

/** Longer than any stored id (slugs ≤ 121, UUID-based ids ≤ 60): such an id names nothing. */
export const MAX_ITEM_ID_LENGTH = 200;

/** The id from the path, or 404 when it cannot name a stored item (too long, control characters). */
async function itemId(params: Ctx["params"], noun: string): Promise<string> {
  const { id } = await params;
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_ITEM_ID_LENGTH || /[\u0000-\u001f\ufffd]/.test(id)) {
    throw new AppError("NOT_FOUND", `No ${noun} with this id`, [{ path: ["id"], message: `ids are 1–${MAX_ITEM_ID_LENGTH} printable characters` }]);
  }
  return id;
}

/**
 * GET / PATCH / DELETE handlers for one stored item (event, deployment, aid
 * record): reads are public, writes need the bearer token and a valid body.
 */
export function itemRoutes<P extends z.ZodType, T>(opts: {
  noun: string;
  get: (db: Db, id: string) => Promise<T | null>;
  update: (db: Db, id: string, patch: z.output<P>) => Promise<T>;
  remove: (db: Db, id: string) => Promise<void>;
  patchSchema: P;
}) {
  return {
    GET: route<Ctx>(async (_req, { params }) => {
      const id = await itemId(params, opts.noun);
      const item = await opts.get(getDb(), id);
      if (!item) throw new AppError("NOT_FOUND", `No ${opts.noun} with id "${id}"`);
      return Response.json(item);
    }),
    PATCH: route<Ctx>(async (req, { params }) => {
      const db = getDb();
      await requireWriteToken(req, db);
      const id = await itemId(params, opts.noun);
      const patch = await parseJsonBody(opts.patchSchema, req);
      return Response.json(await opts.update(db, id, patch));
    }),
    DELETE: route<Ctx>(async (req, { params }) => {
      const db = getDb();
      await requireWriteToken(req, db);
      await opts.remove(db, await itemId(params, opts.noun));
      return new Response(null, { status: 204 });
    }),
  };
}
