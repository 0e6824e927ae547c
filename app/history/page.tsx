import type { Metadata } from "next";
import { getDb } from "@/lib/db";
import { pageAccess } from "@/lib/auth-page";
import { can } from "@/lib/permissions/roles";
import { listAuditEntries, ZAuditQuery } from "@/lib/audit/queries";
import { AUDIT_ENTITIES } from "@/lib/audit/record-audit";
import { REVERTIBLE_ENTITIES } from "@/lib/audit/revert";
import { AccessDenied } from "@/components/auth/access-denied";
import { RevertButton } from "@/components/audit/revert-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "History · Aid & Escalation Monitor" };

const REVERTIBLE_ACTIONS = new Set(["create", "update", "delete", "publish", "revert"]);

/** A changed entity in a few words: its title or label, else its id. */
function describe(v: unknown): string {
  if (!v || typeof v !== "object") return "—";
  const o = v as Record<string, unknown>;
  // A draft's record holds the proposed body: name it by what it proposes.
  const payload = o.payload as Record<string, unknown> | undefined;
  if (payload && typeof o.action === "string") return `${o.action} ${o.entity ?? ""}: ${String(payload.title ?? o.entityId ?? "")}`;
  return String(o.title ?? o.label ?? o.email ?? o.outcome ?? o.id ?? "—");
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await pageAccess("audit.read");
  if ("denied" in access) return <AccessDenied reason={access.denied} path="/history" what="see the history of changes" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const parsed = ZAuditQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const { items, total } = await listAuditEntries(getDb(), q);
  const canRevert = can(access.user.role, "audit.revert");
  return (
    <>
      <div className="page-title">
        <h1>History</h1>
        <span className="as-of">
          {total} change{total === 1 ? "" : "s"}
        </span>
      </div>
      <form className="panel row" method="get" aria-label="Filter the history" style={{ marginBottom: 16 }}>
        <label className="field">
          <span>User (email)</span>
          <input type="text" name="user" defaultValue={q.user ?? ""} />
        </label>
        <label className="field">
          <span>Entity</span>
          <select name="entity" defaultValue={q.entity ?? ""}>
            <option value="">All</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Entity id</span>
          <input type="text" name="entityId" defaultValue={q.entityId ?? ""} />
        </label>
        <label className="field">
          <span>From</span>
          <input type="date" name="from" defaultValue={q.from ?? ""} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" name="to" defaultValue={q.to ?? ""} />
        </label>
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
        {!parsed.success && (
          <p className="field-error" role="alert">
            Some filters were not valid and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </p>
        )}
      </form>
      <div className="panel table-wrap">
        <table className="diff-table" style={{ borderCollapse: "collapse", width: "100%" }} data-testid="history">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Why</th>
              {canRevert && <th scope="col">Undo</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="history-row">
                <td>{e.at.slice(0, 19).replace("T", " ")}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>
                  <a href={`/history?entity=${e.entity}&entityId=${encodeURIComponent(e.entityId)}`}>
                    {e.entity} {e.entityId}
                  </a>
                </td>
                <td className={e.before ? "before" : ""}>{describe(e.before)}</td>
                <td className={e.after ? "after" : ""}>{describe(e.after)}</td>
                <td>{e.comment ?? ""}</td>
                {canRevert && (
                  <td>
                    {(REVERTIBLE_ENTITIES as readonly string[]).includes(e.entity) && REVERTIBLE_ACTIONS.has(e.action) && (
                      <RevertButton id={e.id} label={`${e.action} of ${describe(e.after ?? e.before)}`} />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && <p className="muted">No changes match.</p>}
      </div>
    </>
  );
}
