import { parseQuery, route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZWeaponsQuery } from "@/lib/weapons/schemas";
import { getWeapons } from "@/lib/weapons/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZWeaponsQuery, req.url);
  return snapshotJson(req, (tx) => getWeapons(tx, q));
});
