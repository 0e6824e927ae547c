import { z } from "zod";
import { commaList } from "@/lib/aid/schemas";

export const ZWeaponsQuery = z.object({
  dataset: z.string().trim().min(1).max(100).optional(),
  donor: commaList(
    z
      .string()
      .regex(/^[A-Za-z0-9]{2,5}$/, "donor codes are 2–5 letters or digits")
      .transform((s) => s.toUpperCase()),
  ).optional(),
});
export type TWeaponsQuery = z.infer<typeof ZWeaponsQuery>;
