import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { EscalationView } from "@/components/escalation/escalation-view";
import { getDb } from "@/lib/db";
import { createServerQueryClient } from "@/lib/server-query-client";
import { prefetchEscalationPage } from "./prefetch-escalation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Escalation index · Aid & Escalation Monitor" };

export default async function EscalationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const qc = createServerQueryClient();
  await prefetchEscalationPage(qc, getDb(), await searchParams);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <EscalationView />
    </HydrationBoundary>
  );
}
