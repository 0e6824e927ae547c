import { route } from "@/lib/http";
import { snapshotJson } from "@/lib/snapshot-response";
import { getMeta } from "@/lib/meta/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => snapshotJson(req, (tx) => getMeta(tx)));
