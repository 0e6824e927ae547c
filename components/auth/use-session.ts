"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api-client";
import type { SessionDto } from "@/lib/auth-routes";
import { can, isRole, type Action } from "@/lib/permissions/roles";

export const sessionQueryKey = ["auth", "session"] as const;

/** Who is signed in (the server checks every write again; this only decides what to show). */
export function useSession() {
  const q = useQuery({ queryKey: sessionQueryKey, queryFn: () => fetchJson<SessionDto>("/api/auth/session"), staleTime: 60_000 });
  const user = q.data?.user ?? null;
  const allowed = (action: Action) => !!user && isRole(user.role) && can(user.role, action);
  return { user, loading: q.isPending, allowed };
}
