import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { dateFromIso, type TSourceInput } from "@/lib/domain/common-schemas";

type Tx = Prisma.TransactionClient;

/** Inline sources without an id get a stable one derived from their URL, so re-posting the same source does not duplicate it. */
export function sourceIdFor(input: TSourceInput): string {
  return input.id ?? `src-${createHash("sha256").update(input.url).digest("hex").slice(0, 16)}`;
}

export function sourceData(input: TSourceInput) {
  return {
    publisher: input.publisher,
    title: input.title,
    url: input.url,
    publishedAt: input.publishedAt ? dateFromIso(input.publishedAt) : null,
    retrievedAt: input.retrievedAt ? dateFromIso(input.retrievedAt) : null,
    releaseLabel: input.releaseLabel ?? null,
  };
}

/**
 * Turns a record's `sources` (ids or inline sources) into source ids, creating
 * inline sources. An unknown id is a 400 naming its position.
 */
export async function resolveSourceRefs(tx: Tx, refs: (string | TSourceInput)[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, ref] of refs.entries()) {
    if (typeof ref === "string") {
      const found = await tx.source.findUnique({ where: { id: ref }, select: { id: true } });
      if (!found) {
        throw new AppError("BAD_REQUEST", `Invalid field "sources.${i}": unknown source id "${ref}"`, [
          { path: ["sources", i], message: `unknown source id "${ref}"` },
        ]);
      }
      ids.push(ref);
    } else {
      const id = sourceIdFor(ref);
      await tx.source.upsert({ where: { id }, create: { id, ...sourceData(ref) }, update: {} });
      ids.push(id);
    }
  }
  return [...new Set(ids)];
}
