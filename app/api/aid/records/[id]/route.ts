import { itemRoutes } from "@/lib/item-routes";
import { ZAidRecordPatch } from "@/lib/aid/schemas";
import { deleteAidRecord, getAidRecord, updateAidRecord } from "@/lib/aid/mutations";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = itemRoutes({
  noun: "aid record",
  get: getAidRecord,
  update: updateAidRecord,
  remove: deleteAidRecord,
  patchSchema: ZAidRecordPatch,
});
