import type { SourceDto } from "@/lib/sources/dto";
import { formatDay } from "@/lib/format/dates";

/** An event's sources as links, each with its publisher and date. */
export function SourceList({ sources }: { sources: SourceDto[] }) {
  if (!sources.length) return <p className="muted">No sources recorded.</p>;
  return (
    <ul className="source-list" data-testid="event-sources">
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.title}
          </a>
          <span className="muted">
            {" "}
            — <span data-testid="source-publisher">{s.publisher}</span>
            {s.publishedAt ? `, ${formatDay(s.publishedAt)}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
