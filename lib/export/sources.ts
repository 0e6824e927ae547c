import type { SourceDto } from "@/lib/sources/dto";

export interface PublisherGroup {
  publisher: string;
  /** Tracker releases and other labelled publications of this publisher. */
  labels: string[];
  /** How many distinct documents of this publisher are behind the figures. */
  count: number;
}

/** "Associated Press (via KSL)" and "Reuters (citing TASS)" name the agency that reported: group under it. */
export function basePublisher(publisher: string): string {
  return publisher.replace(/\s*\((via|citing)\b[^)]*\)\s*$/i, "").trim() || publisher;
}

/** Distinct publishers in first-seen order, each with its labelled releases and document count. */
export function groupSourcesByPublisher(sources: SourceDto[]): PublisherGroup[] {
  const groups = new Map<string, PublisherGroup & { ids: Set<string> }>();
  for (const s of sources) {
    const publisher = basePublisher(s.publisher);
    const g = groups.get(publisher) ?? { publisher, labels: [], count: 0, ids: new Set<string>() };
    if (!g.ids.has(s.id)) {
      g.ids.add(s.id);
      g.count += 1;
      if (s.releaseLabel && !g.labels.includes(s.releaseLabel)) g.labels.push(s.releaseLabel);
    }
    groups.set(publisher, g);
  }
  return [...groups.values()].map(({ publisher, labels, count }) => ({ publisher, labels, count }));
}

/**
 * Every source behind a figure, named in one line: "Kiel Institute for the
 * World Economy, Ukraine Support Tracker, Release 29 (04/2026); European
 * Central Bank; Reuters (3 reports)".
 */
export function formatSources(sources: SourceDto[]): string {
  return groupSourcesByPublisher(sources)
    .map((g) => {
      if (g.labels.length) return `${g.publisher}, ${g.labels.join(", ")}`;
      return g.count > 1 ? `${g.publisher} (${g.count} reports)` : g.publisher;
    })
    .join("; ");
}

/** The sources line under an exported chart: the dataset and its date, then every source. */
export function sourcesLine({
  sources,
  datasetName,
  asOf,
  note,
}: {
  sources: SourceDto[];
  datasetName?: string | null;
  asOf?: string | null;
  note?: string | null;
}): string {
  const parts: string[] = [];
  if (datasetName) parts.push(`Data: ${datasetName}${asOf ? `, as of ${asOf}` : ""}.`);
  parts.push(sources.length ? `Sources: ${formatSources(sources)}.` : "No sources: no figures in this selection.");
  if (note) parts.push(note.endsWith(".") ? note : `${note}.`);
  return parts.join(" ");
}
