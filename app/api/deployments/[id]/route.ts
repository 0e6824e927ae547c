import { itemRoutes } from "@/lib/item-routes";
import { ZDeploymentPatch } from "@/lib/deployments/schemas";
import { getDeployment } from "@/lib/deployments/queries";
import { deleteDeployment, updateDeployment } from "@/lib/deployments/mutations";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  noun: "deployment",
  get: getDeployment,
  update: updateDeployment,
  remove: deleteDeployment,
  patchSchema: ZDeploymentPatch,
});
