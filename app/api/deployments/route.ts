import { getDb } from "@/lib/db";
import { parseJsonBody, parseQuery, route } from "@/lib/http";
import { writeAccess } from "@/lib/item-routes";
import { snapshotJson } from "@/lib/snapshot-response";
import { ZDeploymentInput, ZDeploymentsQuery } from "@/lib/deployments/schemas";
import { listDeployments } from "@/lib/deployments/queries";
import { createDeployment } from "@/lib/deployments/mutations";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = parseQuery(ZDeploymentsQuery, req.url);
  return snapshotJson(req, (tx) => listDeployments(tx, q));
});

export const POST = route(async (req) => {
  const db = getDb();
  const { audit } = await writeAccess(req, db, false);
  return Response.json(await createDeployment(db, await parseJsonBody(ZDeploymentInput, req), audit), { status: 201 });
});
