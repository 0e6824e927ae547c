import type { Source } from "@/generated/prisma/client";
import { isoFromDate } from "@/lib/domain/common-schemas";

export interface SourceDto {
  id: string;
  publisher: string;
  title: string;
  url: string;
  publishedAt: string | null;
  releaseLabel: string | null;
}

export function toSourceDto(s: Source): SourceDto {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    publishedAt: s.publishedAt ? isoFromDate(s.publishedAt) : null,
    releaseLabel: s.releaseLabel,
  };
}

/** Distinct sources in first-seen order. */
export function distinctSources(list: SourceDto[]): SourceDto[] {
  const seen = new Map<string, SourceDto>();
  for (const s of list) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}
