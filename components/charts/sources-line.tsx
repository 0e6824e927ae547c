import type { SourceDto } from "@/lib/sources/dto";

/** "Source: …" under a chart: the dataset, its as-of date and every source behind the figures. */
export function SourcesLine({ sources, asOf, datasetName, extra }: { sources: SourceDto[]; asOf?: string | null; datasetName?: string; extra?: string }) {
  const shown = sources.slice(0, 6);
  return (
    <p className="sources" data-testid="sources-line">
      {datasetName ? (
        <>
          Data: {datasetName}
          {asOf ? `, as of ${asOf}` : ""}.{" "}
        </>
      ) : null}
      {sources.length ? "Sources: " : "No sources: no figures in this selection."}
      {shown.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? "; " : ""}
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.publisher}
            {s.releaseLabel ? `, ${s.releaseLabel}` : s.title && s.publisher !== s.title ? ` – ${truncate(s.title, 70)}` : ""}
          </a>
        </span>
      ))}
      {sources.length > shown.length ? ` and ${sources.length - shown.length} more` : ""}
      {extra ? <> · {extra}</> : null}
    </p>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
