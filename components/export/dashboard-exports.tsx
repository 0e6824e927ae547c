"use client";

import type { QueryClient } from "@tanstack/react-query";
import { AidByDonorFigure } from "@/components/brief/figures/aid-by-donor-figure";
import { AidOverTimeFigure } from "@/components/brief/figures/aid-over-time-figure";
import { CategoryMixFigure } from "@/components/brief/figures/category-mix-figure";
import { activeCategories, aidOverTimeRows } from "@/components/charts/aid-over-time-chart";
import { donorRows, gdpRows } from "@/components/charts/aid-by-donor-chart";
import { categoryShares } from "@/components/charts/category-mix-chart";
import { CATEGORY_COLORS } from "@/components/charts/palette";
import { fxNote } from "@/components/dashboard/aid-over-time-widget";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { chartCsv } from "@/lib/export/chart-csv";
import { sourcesLine } from "@/lib/export/sources";
import { aidApiQuery, parseFilters, withDatasetDefaults, type DashboardFilters } from "@/lib/filters/filter-state";
import { filterSummaryLine } from "@/lib/filters/summary-line";
import { formatDay } from "@/lib/format/dates";
import { aidSummaryQuery, aidTimeseriesQuery, metaQuery, weaponsQuery } from "@/lib/query-keys";
import type { ChartExportSpec } from "./types";

/** Tick size of exported charts (at the 1200 px canonical width). */
const FONT = 15;

const day = (iso: string | null) => (iso ? formatDay(iso) : null);

const categoryLegend = (cats: readonly (typeof CATEGORIES)[number][]) =>
  cats.map((c) => ({ label: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] }));

async function dashboardContext(qc: QueryClient, search: string) {
  const meta = await qc.fetchQuery(metaQuery());
  const params = new URLSearchParams(search);
  const parsed = parseFilters(params, { donorCodes: meta.donors.map((d) => d.code), datasetIds: meta.datasets.map((d) => d.id) });
  const ds = meta.datasets.find((d) => d.id === (parsed.filters.dataset ?? meta.defaultDataset));
  const { filters } = withDatasetDefaults(parsed, params, ds?.measures);
  const donorNames = Object.fromEntries(meta.donors.map((d) => [d.code, d.name]));
  return { filters, donorNames, selection: filterSummaryLine(filters, { donorNames, coverage: ds?.coverage }) };
}

type Builder = (qc: QueryClient, f: DashboardFilters, selection: string, donorNames: Record<string, string>) => Promise<ChartExportSpec>;

const aidOverTime: Builder = async (qc, f, selection) => {
  const data = await qc.fetchQuery(aidTimeseriesQuery(aidApiQuery(f, { granularity: f.granularity })));
  const rows = aidOverTimeRows(data, f.cumulative);
  return {
    kind: "timeseries",
    name: "aid-over-time",
    legend: categoryLegend(activeCategories(rows)),
    sources: sourcesLine({ sources: data.sources, datasetName: data.dataset.name, asOf: day(data.dataset.asOf), note: fxNote(data.fx.rates) }),
    figure: (box) => <AidOverTimeFigure rows={rows} currency={f.currency} cumulative={f.cumulative} fontSize={FONT} {...box} />,
    csv: () =>
      chartCsv({
        columns: ["period", ...CATEGORIES, "total", "currency", "measure", "basis"],
        rows: rows.map((r) => ({ ...r, currency: f.currency, measure: data.measure, basis: f.cumulative ? "cumulative" : `per ${f.granularity}` })),
        provenance: { selection, dataset: data.dataset.name, asOf: data.dataset.asOf, sources: data.sources },
      }),
  };
};

const aidByDonor: Builder = async (qc, f, selection) => {
  const data = await qc.fetchQuery(aidSummaryQuery(aidApiQuery(f)));
  const hasGdp = data.byDonor.some((d) => d.gdpEur);
  const mode = f.gdp && hasGdp ? "gdp" : "amount";
  const eur = mode === "gdp" ? await qc.fetchQuery(aidSummaryQuery(aidApiQuery({ ...f, currency: "EUR" }))) : null;
  const rows = eur ? gdpRows(eur, f.top) : donorRows(data, f.top);
  const cats = CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  const currency = eur ? "EUR" : f.currency;
  return {
    kind: "donor-bars",
    name: mode === "gdp" ? "aid-by-donor-share-of-gdp" : "aid-by-donor",
    legend: mode === "gdp" ? [{ label: "Aid as % of donor GDP", color: CATEGORY_COLORS.military }] : categoryLegend(cats),
    sources: sourcesLine({
      sources: data.sources,
      datasetName: data.dataset.name,
      asOf: day(data.dataset.asOf),
      note: mode === "gdp" ? "GDP as given by the tracker release (EUR)" : fxNote(data.fx.rates),
    }),
    figure: (box) => <AidByDonorFigure rows={rows} currency={currency} mode={mode} fontSize={FONT} {...box} />,
    csv: () =>
      chartCsv({
        columns: ["rank", "donor_code", "donor_name", ...CATEGORIES, "total", "currency", "measure", ...(mode === "gdp" ? ["share_of_gdp"] : [])],
        rows: rows.map((r, i) => ({
          ...r,
          rank: r.code === "OTHERS" ? "" : i + 1,
          donor_code: r.code,
          donor_name: r.name,
          currency,
          measure: data.measure,
          share_of_gdp: r.pctGdp,
        })),
        provenance: { selection, dataset: data.dataset.name, asOf: data.dataset.asOf, sources: data.sources },
      }),
  };
};

const categoryMix: Builder = async (qc, f, selection) => {
  const data = await qc.fetchQuery(aidSummaryQuery(aidApiQuery(f)));
  const shares = categoryShares(data.byCategory);
  return {
    kind: "category-mix",
    name: "category-mix",
    sources: sourcesLine({ sources: data.sources, datasetName: data.dataset.name, asOf: day(data.dataset.asOf), note: fxNote(data.fx.rates) }),
    figure: (box) => <CategoryMixFigure byCategory={data.byCategory} currency={f.currency} fontSize={FONT + 7} {...box} />,
    csv: () =>
      chartCsv({
        columns: ["category", "label", "amount", "share", "currency", "measure"],
        rows: shares.map((s) => ({ category: s.category, label: s.name, amount: s.value, share: s.share, currency: f.currency, measure: data.measure })),
        provenance: { selection, dataset: data.dataset.name, asOf: data.dataset.asOf, sources: data.sources },
      }),
  };
};

/** Heavy weapons: drawn from the widget's own chart; the CSV gets the release's raw counts and values. */
const weapons: Builder = async (qc, f, _aidSelection, donorNames) => {
  // Only the donor filter applies to the release's weapons table.
  const selection = `${f.donor.length ? f.donor.map((c) => donorNames[c] ?? c).join(", ") : "All donors"} · heavy weapons, tracker release, cumulative`;
  const qs = new URLSearchParams();
  if (f.donor.length) qs.set("donor", f.donor.join(","));
  const data = await qc.fetchQuery(weaponsQuery(qs.toString()));
  return {
    kind: "bars",
    name: "heavy-weapons",
    sources: sourcesLine({ sources: data.sources, datasetName: data.dataset?.name, asOf: day(data.dataset?.asOf ?? null) }),
    csv: () =>
      chartCsv({
        columns: ["donor_code", "donor_name", "category", "count", "value_eur", "systems"],
        rows: data.items.map((i) => ({ donor_code: i.donorCode, donor_name: i.donorName, category: i.category, count: i.count, value_eur: i.valueEur, systems: i.weaponsList })),
        provenance: { selection, dataset: data.dataset?.name, asOf: data.dataset?.asOf, sources: data.sources },
      }),
  };
};

const BUILDERS: Record<string, Builder> = {
  weapons,
  "aid-over-time": aidOverTime,
  "aid-by-donor": aidByDonor,
  "category-mix": categoryMix,
};

/**
 * Export specs for the dashboard's own charts, built at export time from the
 * URL and the query cache (the widgets' data is already there: no refetch).
 */
export async function dashboardExportSpec(testId: string, qc: QueryClient, search: string): Promise<ChartExportSpec | null> {
  const build = BUILDERS[testId];
  if (!build) return null;
  const { filters, selection, donorNames } = await dashboardContext(qc, search);
  return build(qc, filters, selection, donorNames);
}
