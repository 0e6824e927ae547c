import type { Metadata } from "next";
import { pageAccess } from "@/lib/auth-page";
import { AccessDenied } from "@/components/auth/access-denied";
import { UsersPanel } from "@/components/admin/users-panel";
import { TokensPanel } from "@/components/admin/tokens-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · Aid & Escalation Monitor" };

export default async function AdminPage() {
  const access = await pageAccess("user.manage");
  if ("denied" in access) return <AccessDenied reason={access.denied} path="/admin" what="manage users and tokens" />;
  return (
    <>
      <div className="page-title">
        <h1>Admin</h1>
        <span className="as-of">Signed in as {access.user.email}</span>
      </div>
      <div className="stack">
        <UsersPanel />
        <TokensPanel />
      </div>
    </>
  );
}
