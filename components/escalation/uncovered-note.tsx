import { UNCOVERED_FILL, uncoveredSpan } from "./coverage";

/**
 * The caption under a chart whose range runs past its data's coverage: the
 * shade's key, and its label when the shade is too narrow to hold it.
 */
export function UncoveredNote({
  domain,
  coverageEnd,
  what,
  meaning,
}: {
  domain: { from: string; to: string };
  coverageEnd: string | null;
  /** "curated events", "deployment reports". */
  what: string;
  /** What the shaded part of the drawing means, e.g. "the index only decays there". */
  meaning: string;
}) {
  const span = uncoveredSpan(domain, coverageEnd, what);
  if (!span) return null;
  return (
    <p className="note" data-testid="uncovered-note">
      <span
        aria-hidden="true"
        style={{
          display: "inline-block",
          width: 12,
          height: 12,
          verticalAlign: "-2px",
          marginRight: 4,
          background: UNCOVERED_FILL,
          border: "1px solid #c9ced8",
        }}
      />{" "}
      Shaded: {span.label}; {meaning}.
    </p>
  );
}
