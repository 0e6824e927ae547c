import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseJsonBody, route } from "@/lib/http";
import { requireWriteToken } from "@/lib/auth";

type Ctx = { params: Promise<{ id: string }> };

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
      const { id } = await params;
      const item = await opts.get(getDb(), id);
      if (!item) throw new AppError("NOT_FOUND", `No ${opts.noun} with id "${id}"`);
      return Response.json(item);
    }),
    PATCH: route<Ctx>(async (req, { params }) => {
      const db = getDb();
      await requireWriteToken(req, db);
      const patch = await parseJsonBody(opts.patchSchema, req);
      return Response.json(await opts.update(db, (await params).id, patch));
    }),
    DELETE: route<Ctx>(async (req, { params }) => {
      const db = getDb();
      await requireWriteToken(req, db);
      await opts.remove(db, (await params).id);
      return new Response(null, { status: 204 });
    }),
  };
}
