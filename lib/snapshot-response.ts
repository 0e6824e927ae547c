import { createHash } from "node:crypto";
import { getDb, type Db, type DbTx } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { readCurrentDataVersion, readDataVersion, readSnapshot } from "@/lib/data-version";
import { VersionedCache } from "@/lib/versioned-cache";

/**
 * Read responses computed from one database snapshot, cached per data version
 * and answered with an ETag derived from that version.
 *
 * - The version is read first (one indexed row). A matching If-None-Match gets
 *   304 at once; a cached body made at that version is sent as it is.
 * - Otherwise the body is computed inside one read transaction that also reads
 *   the version, so the body and its ETag belong to the same snapshot and a
 *   response can never mix two releases.
 * Every write bumps the version in its own transaction (lib/data-version.ts),
 * so neither the cache nor a client's ETag can outlive a committed write, on
 * this instance or any other sharing the database.
 */
const cache = ((globalThis as unknown as { __monitorResponseCache?: VersionedCache }).__monitorResponseCache ??= new VersionedCache(64 * 1024 * 1024));

export interface SnapshotBody {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

/** The canonical cache key of a GET: path plus its query parameters in a stable order. */
export function requestKey(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

/** Cache entries belong to one database as well as one version (tests and tools switch DATABASE_URL). */
function cacheKey(key: string): string {
  return `${resolveDatabaseUrl()} ${key}`;
}

function etagFor(version: string, key: string): string {
  return `W/"v${version}-${createHash("sha1").update(key).digest("base64url").slice(0, 16)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*");
}

function respond(etag: string, s: SnapshotBody | { body: string; contentType: string }, extra: Record<string, string> = {}): Response {
  return new Response(s.body, {
    headers: {
      "content-type": s.contentType,
      etag,
      // Clients may keep the body but must ask again each time; the ETag makes asking cheap.
      "cache-control": "no-cache",
      ...("headers" in s ? s.headers : {}),
      ...extra,
    },
  });
}

/** Caches `content-type\n` + body so that one string holds what a hit needs. */
function pack(s: SnapshotBody): string | null {
  if (s.headers && Object.keys(s.headers).length) return null; // attachments etc. are not cached
  return `${s.contentType}\n${s.body}`;
}

function unpack(packed: string): { body: string; contentType: string } {
  const i = packed.indexOf("\n");
  return { contentType: packed.slice(0, i), body: packed.slice(i + 1) };
}

export async function snapshotResponse(req: Request, compute: (tx: DbTx) => Promise<SnapshotBody>, db: Db = getDb()): Promise<Response> {
  const key = requestKey(req.url);
  const current = await readCurrentDataVersion(db, resolveDatabaseUrl());
  const etag = etagFor(current, key);
  if (matches(req.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": "no-cache" } });
  }
  const hit = cache.get(cacheKey(key), current);
  if (hit !== undefined) return respond(etag, unpack(hit), { "x-cache": "hit" });

  const { version, result } = await readSnapshot(db, async (tx) => ({
    version: await readDataVersion(tx),
    result: await compute(tx),
  }));
  const packed = pack(result);
  if (packed) cache.set(cacheKey(key), version, packed);
  return respond(etagFor(version, key), result, { "x-cache": "miss" });
}

/**
 * For server rendering: the same cache and snapshot as the API route at
 * `apiPath` (e.g. "/api/aid/summary?donor=DEU"), so a page and the fetch that
 * later refreshes it share one computation per data version.
 */
export async function cachedJson<T>(apiPath: string, compute: (tx: DbTx) => Promise<T>, db: Db = getDb()): Promise<T> {
  const key = requestKey(`http://server${apiPath}`);
  const current = await readCurrentDataVersion(db, resolveDatabaseUrl());
  const hit = cache.get(cacheKey(key), current);
  if (hit !== undefined) return JSON.parse(unpack(hit).body) as T;
  const { version, result } = await readSnapshot(db, async (tx) => ({ version: await readDataVersion(tx), result: await compute(tx) }));
  cache.set(cacheKey(key), version, `application/json\n${JSON.stringify(result)}`);
  return result;
}

/** The common case: a JSON body. */
export function snapshotJson(req: Request, compute: (tx: DbTx) => Promise<unknown>, db?: Db): Promise<Response> {
  return snapshotResponse(req, async (tx) => ({ body: JSON.stringify(await compute(tx)), contentType: "application/json" }), db);
}
