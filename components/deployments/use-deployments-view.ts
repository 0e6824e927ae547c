"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { deploymentsQuery } from "@/lib/query-keys";
import { deploymentsApiQuery, parseDeploymentRange } from "./deployment-params";

/** The deployments page's state: a date range in the URL (shared with the other pages' `from`/`to`). */
export function useDeploymentsView() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = useMemo(() => parseDeploymentRange(new URLSearchParams(searchParams.toString())), [searchParams]);

  const setRange = useCallback(
    (patch: { from?: string | null; to?: string | null }) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const qs = next.toString();
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  const query = useQuery({ ...deploymentsQuery(deploymentsApiQuery(range)), placeholderData: keepPreviousData });
  return { range, setRange, query };
}
