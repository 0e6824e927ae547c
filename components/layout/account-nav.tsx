"use client";

import Link from "next/link";
import { useSession } from "@/components/auth/use-session";
import type { Action } from "@/lib/permissions/roles";

/** The workspace links a role may use, and the account link; the public nav stays as it is. */
const WORKSPACE: { href: string; label: string; action: Action }[] = [
  { href: "/editor", label: "Editor", action: "draft.create" },
  { href: "/review", label: "Review", action: "draft.read" },
  { href: "/history", label: "History", action: "audit.read" },
  { href: "/admin", label: "Admin", action: "user.manage" },
];

export function AccountNav() {
  const { user, loading, allowed } = useSession();
  if (loading) return null;
  return (
    <nav aria-label="Workspace" className="account-nav">
      <ul>
        {WORKSPACE.filter((w) => allowed(w.action)).map((w) => (
          <li key={w.href}>
            <Link href={w.href} prefetch={false}>
              {w.label}
            </Link>
          </li>
        ))}
        <li>
          {user ? (
            <Link href="/sign-out" prefetch={false} title={`Signed in as ${user.email} (${user.role})`}>
              Sign out
            </Link>
          ) : (
            <Link href="/sign-in" prefetch={false}>
              Sign in
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
