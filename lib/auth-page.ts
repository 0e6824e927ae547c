import { headers } from "next/headers";
import { getDb } from "@/lib/db";
import { getAuth } from "@/lib/auth-server";
import { can, isRole, type Action, type Role } from "@/lib/permissions/roles";

export interface PageUser {
  id: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user of a page request (server components get no URL: the
 * session cookie's own name says whether it was set over HTTPS).
 */
export async function pageUser(): Promise<PageUser | null> {
  const h = await headers();
  const secure = (h.get("cookie") ?? "").includes("__Secure-better-auth.session_token");
  const session = await getAuth(getDb(), secure).api.getSession({ headers: h });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  return { id: session.user.id, email: session.user.email, role: isRole(role) ? role : "viewer" };
}

/** The page's user when their role allows `action`; "anonymous" or "forbidden" otherwise, for the page to explain. */
export async function pageAccess(action: Action): Promise<{ user: PageUser } | { denied: "anonymous" | "forbidden"; user: PageUser | null }> {
  const user = await pageUser();
  if (!user) return { denied: "anonymous", user: null };
  if (!can(user.role, action)) return { denied: "forbidden", user };
  return { user };
}
