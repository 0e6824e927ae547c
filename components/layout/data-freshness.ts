import type { MetaDto } from "@/lib/meta/queries";
import { formatDay, formatMonth } from "@/lib/format/dates";

export type Freshness = MetaDto["freshness"];

/**
 * One line saying how old each dataset is (pure), e.g.
 * "Kiel R29, data to Apr 2026, published 4 Aug 2026 · events to 1 Jun 2025 · deployments to 17 Jun 2025".
 */
export function formatFreshness(f: Freshness): string {
  const parts: string[] = [];
  if (f.tracker) {
    const t = f.tracker;
    const name = t.releaseNumber ? `Kiel R${t.releaseNumber}` : t.name;
    parts.push(
      [name, t.dataTo ? `data to ${formatMonth(t.dataTo)}` : null, t.publishedAt ? `published ${formatDay(t.publishedAt)}` : null].filter(Boolean).join(", "),
    );
  } else {
    parts.push("no Kiel release imported");
  }
  parts.push(f.eventsTo ? `events to ${formatDay(f.eventsTo)}` : "no events");
  parts.push(f.deploymentsTo ? `deployments to ${formatDay(f.deploymentsTo)}` : "no deployments");
  return parts.join(" · ");
}
