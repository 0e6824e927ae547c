import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { DeploymentsView } from "@/components/deployments/deployments-view";
import { deploymentsApiQuery, parseDeploymentRange } from "@/components/deployments/deployment-params";
import { getDb } from "@/lib/db";
import { listDeployments } from "@/lib/deployments/queries";
import { ZDeploymentsQuery } from "@/lib/deployments/schemas";
import { deploymentsQuery } from "@/lib/query-keys";
import { createServerQueryClient } from "@/lib/server-query-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Deployments · Aid & Escalation Monitor" };

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const qc = createServerQueryClient();
  const qs = deploymentsApiQuery(parseDeploymentRange(await searchParams));
  await qc.prefetchQuery({
    ...deploymentsQuery(qs),
    queryFn: () => listDeployments(getDb(), ZDeploymentsQuery.parse(Object.fromEntries(new URLSearchParams(qs)))),
  });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DeploymentsView />
    </HydrationBoundary>
  );
}
