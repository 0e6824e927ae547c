import { format, parseISO } from "date-fns";
import type { DashboardFilters } from "@/lib/filters/filter-state";

/**
 * The one-line description of a view that every widget and export repeats:
 * "Germany, France · military · allocations · Feb 2022 – Apr 2026 · EUR".
 */
export function filterSummaryLine(
  f: Pick<DashboardFilters, "donor" | "category" | "measure" | "from" | "to" | "currency"> & { subcategory?: string[] },
  ctx: { donorNames?: Record<string, string>; coverage?: { from: string | null; to: string | null }; datasetName?: string },
): string {
  const donors = f.donor.length
    ? f.donor.length > 4
      ? `${f.donor
          .slice(0, 3)
          .map((c) => ctx.donorNames?.[c] ?? c)
          .join(", ")} +${f.donor.length - 3} donors`
      : f.donor.map((c) => ctx.donorNames?.[c] ?? c).join(", ")
    : "All donors";
  const subs = f.subcategory?.length ? ` (${f.subcategory.map((s) => s.replace(/_/g, " ")).join(", ")})` : "";
  const categories = `${f.category.length ? f.category.join(", ") : "all categories"}${subs}`;
  const measure = f.measure === "allocation" ? "allocations" : "commitments";
  const from = f.from ?? ctx.coverage?.from ?? null;
  const to = f.to ?? ctx.coverage?.to ?? null;
  const range = from && to ? `${month(from)} – ${month(to)}` : from ? `from ${month(from)}` : to ? `to ${month(to)}` : "all dates";
  return [donors, categories, measure, range, f.currency, ctx.datasetName].filter(Boolean).join(" · ");
}

function month(iso: string): string {
  return format(parseISO(iso), "MMM yyyy");
}
