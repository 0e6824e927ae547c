import type { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseJsonBody, route } from "@/lib/http";
import { requireAnyPermission, type Principal } from "@/lib/auth-principal";
import { changeComment, type AuditContext } from "@/lib/audit/audited";
import { can } from "@/lib/permissions/roles";

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

/** How an entity with review takes a change from someone who may only propose: as a pending draft. */
export interface DraftWrites<P> {
  update: (db: Db, principal: Principal, id: string, patch: P, comment: string | null) => Promise<unknown>;
  remove: (db: Db, principal: Principal, id: string, comment: string | null) => Promise<unknown>;
}

/**
 * Who writes, and how: a principal allowed `data.write` changes the published
 * data (audited); one allowed only `draft.create` leaves a draft, answered with
 * 202, when the entity has review (`drafts`); anyone else gets 401 or 403.
 */
export async function writeAccess(req: Request, db: Db, hasDrafts: boolean): Promise<{ principal: Principal; direct: boolean; audit: AuditContext }> {
  const principal = await requireAnyPermission(req, db, hasDrafts ? ["data.write", "draft.create"] : ["data.write"]);
  return { principal, direct: can(principal.role, "data.write"), audit: { actor: principal, comment: changeComment(req) } };
}

/**
 * GET / PATCH / DELETE handlers for one stored item (event, deployment, aid
 * record): reads are public, writes need a role that may write (or propose)
 * and a valid body.
 */
export function itemRoutes<P extends z.ZodType, T>(opts: {
  noun: string;
  get: (db: Db, id: string) => Promise<T | null>;
  update: (db: Db, id: string, patch: z.output<P>, audit: AuditContext) => Promise<T>;
  remove: (db: Db, id: string, audit: AuditContext) => Promise<void>;
  patchSchema: P;
  drafts?: DraftWrites<z.output<P>>;
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
      const { principal, direct, audit } = await writeAccess(req, db, !!opts.drafts);
      const id = await itemId(params, opts.noun);
      const patch = await parseJsonBody(opts.patchSchema, req);
      if (!direct && opts.drafts) return Response.json(await opts.drafts.update(db, principal, id, patch, audit.comment ?? null), { status: 202 });
      return Response.json(await opts.update(db, id, patch, audit));
    }),
    DELETE: route<Ctx>(async (req, { params }) => {
      const db = getDb();
      const { principal, direct, audit } = await writeAccess(req, db, !!opts.drafts);
      const id = await itemId(params, opts.noun);
      if (!direct && opts.drafts) return Response.json(await opts.drafts.remove(db, principal, id, audit.comment ?? null), { status: 202 });
      await opts.remove(db, id, audit);
      return new Response(null, { status: 204 });
    }),
  };
}
