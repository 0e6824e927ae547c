import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { BriefView } from "@/components/brief/brief-view";
import { getDb } from "@/lib/db";
import { parseBriefOptions } from "@/lib/export/brief-params";
import { createServerQueryClient } from "@/lib/server-query-client";
import { prefetchBrief } from "./prefetch-brief";
import "./brief.css";
import { todayIso } from "@/lib/dates/iso-day";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  const { options } = parseBriefOptions(await searchParams);
  return { title: `${options.title} · Briefing slide · Aid & Escalation Monitor` };
}

export default async function BriefPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { options } = parseBriefOptions(params);
  const qc = createServerQueryClient();
  await prefetchBrief(qc, getDb(), params, options.widgets);
  // The generation date is the server's (UTC), so the server render and the browser agree.
  const generatedOn = todayIso();
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <BriefView generatedOn={generatedOn} />
    </HydrationBoundary>
  );
}
