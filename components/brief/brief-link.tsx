"use client";

import Link from "next/link";
import { serializeFilters, type DashboardFilters } from "@/lib/filters/filter-state";

/** "Brief this view": the briefing slide with the dashboard's current filters. */
export function BriefThisViewLink({ filters }: { filters: DashboardFilters }) {
  return (
    <Link href={`/brief?${serializeFilters(filters)}`} className="btn btn-small" style={{ marginLeft: 8 }} data-testid="brief-this-view" prefetch={false}>
      Brief this view
    </Link>
  );
}
