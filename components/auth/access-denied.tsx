import Link from "next/link";

/** What a workspace page shows to someone who may not use it (the API refuses them anyway). */
export function AccessDenied({ reason, path, what }: { reason: "anonymous" | "forbidden"; path: string; what: string }) {
  return (
    <div className="panel" role="status" style={{ maxWidth: 560 }}>
      {reason === "anonymous" ? (
        <p style={{ margin: 0 }}>
          <Link href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</Link> to {what}.
        </p>
      ) : (
        <p style={{ margin: 0 }}>Your role does not allow you to {what}. An admin can change your role.</p>
      )}
    </div>
  );
}
