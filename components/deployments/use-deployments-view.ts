"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { deploymentsQuery } from "@/lib/query-keys";
import { deploymentParams, deploymentsApiQuery, parseDeploymentRange } from "./deployment-params";

/**
 * The deployments page's state: a date range in the URL (the same `from`/`to`
 * as the other pages). Changes push a history entry; other keys stay as they are.
 */
export function useDeploymentsView() {
  const searchParams = useSearchParams();
  const range = useMemo(() => parseDeploymentRange(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [, setUrl] = useQueryStates(deploymentParams.parsers, { history: "push", scroll: false, shallow: false });

  const setRange = useCallback(
    (patch: { from?: string | null; to?: string | null }) => {
      // An empty input clears its end of the range.
      void setUrl({ from: patch.from === undefined ? undefined : patch.from || null, to: patch.to === undefined ? undefined : patch.to || null });
    },
    [setUrl],
  );

  const query = useQuery({ ...deploymentsQuery(deploymentsApiQuery(range)), placeholderData: keepPreviousData });
  return { range, setRange, query };
}
