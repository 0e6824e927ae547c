"use client";

/** Loading, error and empty states shared by every widget. */
export function Skeleton({ height, label }: { height: number; label: string }) {
  return <div className="skeleton" style={{ height }} role="status" aria-label={`Loading ${label}`} />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="banner banner-error" role="alert">
      <strong>Could not load this widget.</strong> {message}{" "}
      <button type="button" className="btn btn-small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="muted" role="status" style={{ padding: "24px 0", textAlign: "center" }}>
      {children}
    </p>
  );
}
