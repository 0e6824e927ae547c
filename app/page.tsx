import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { getDb } from "@/lib/db";
import { prefetchDashboard } from "@/lib/server-prefetch";
import { createServerQueryClient } from "@/lib/server-query-client";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const qc = createServerQueryClient();
  await prefetchDashboard(qc, getDb(), await searchParams);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DashboardView />
    </HydrationBoundary>
  );
}
